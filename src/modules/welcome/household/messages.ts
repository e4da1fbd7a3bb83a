/**
 * Messages between a household and its referent. Emails only say that a message is waiting, never its content:
 * mailboxes leak, are shared and forwarded; the platform is where the conversation is kept (and erased).
 */
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.js';
import { type Db, rows } from '../../../core/db/index.js';
import { filePath, spaceBase } from '../paths.js';
import { fileMessages } from '../schema.js';

export const messageMaxLength = 5000;

export interface ThreadMessage {
  id: string;
  fromHousehold: boolean;
  body: string;
  createdAt: Date;
  readAt: Date | null;
  authorName: string | null;
  authorOrganisation: string | null;
}

/** The whole thread of a file, oldest first (a conversation reads top to bottom). */
export async function listMessages(db: Db, fileId: string): Promise<ThreadMessage[]> {
  return rows<ThreadMessage>(
    db,
    sql`select m.id, m.from_household as "fromHousehold", m.body, m.created_at as "createdAt",
          m.read_at as "readAt", u.name as "authorName", o.name as "authorOrganisation"
        from file_messages m
        left join users u on u.id = m.author_id
        left join organisations o on o.id = u.organisation_id
        where m.file_id = ${fileId}
        order by m.created_at, m.id`,
  );
}

export async function addMessage(
  db: Db,
  input: { fileId: string; fromHousehold: boolean; authorId: string | null; body: string },
): Promise<void> {
  await db.insert(fileMessages).values(input);
}

/** Marks the household's unread messages read (the staff tab was opened); how many were unread. */
export async function markHouseholdMessagesRead(db: Db, fileId: string): Promise<number> {
  const updated = await rows<{ id: string }>(
    db,
    sql`update file_messages set read_at = now()
        where file_id = ${fileId} and from_household and read_at is null returning id`,
  );
  return updated.length;
}

/** Active staff of an organisation who work files (referents and advisers), to notify them. */
export async function organisationStaffEmails(db: Db, organisationId: string): Promise<string[]> {
  const found = await rows<{ email: string }>(
    db,
    sql`select email from users
        where organisation_id = ${organisationId} and status = 'active' and role in ('referent', 'adviser')
        order by email`,
  );
  return found.map((u) => u.email);
}

/**
 * Who hears about a household's message: its referent; without one, the staff of the lead organisation; without
 * a lead, the Département's (its queue).
 */
export async function fileStaffRecipients(db: Db, fileId: string): Promise<string[]> {
  const [file] = await rows<{
    referentEmail: string | null;
    leadId: string | null;
    departementId: string | null;
  }>(
    db,
    sql`select u.email as "referentEmail", f.lead_organisation_id as "leadId",
          (select id from organisations where kind = 'departement' order by created_at limit 1) as "departementId"
        from newcomer_files f
        left join users u on u.id = f.referent_id and u.status = 'active'
        where f.id = ${fileId}`,
  );
  if (!file) return [];
  if (file.referentEmail) return [file.referentEmail];
  const organisationId = file.leadId ?? file.departementId;
  return organisationId ? organisationStaffEmails(db, organisationId) : [];
}

/** Tells the staff a message is waiting, with the back-office link; not the content. */
export async function notifyStaffOfMessage(
  ctx: AppContext,
  file: { id: string; reference: string },
): Promise<void> {
  const link = `${ctx.config.PUBLIC_URL}${filePath(file.id, 'messages')}`;
  for (const to of await fileStaffRecipients(ctx.db, file.id))
    await ctx.mailer.send({
      to,
      kind: 'welcome.message-staff',
      subject: `Nouveau message dans le dossier ${file.reference}`,
      text: [
        'Bonjour,',
        '',
        `Vous avez un nouveau message dans le dossier ${file.reference}.`,
        '',
        `Lisez-le et répondez depuis l’espace partenaires : ${link}`,
        '',
        `— ${ctx.siteName()}`,
      ].join('\n'),
    });
}

/** Tells the household its referent answered, with the link to its space; not the content. */
export async function notifyHouseholdOfMessage(
  ctx: AppContext,
  file: { email: string | null; reference: string },
): Promise<void> {
  if (!file.email) return;
  const link = `${ctx.config.PUBLIC_URL}${spaceBase}`;
  await ctx.mailer.send({
    to: file.email,
    kind: 'welcome.message-household',
    subject: `Votre référent accueil vous a répondu (dossier ${file.reference})`,
    text: [
      'Bonjour,',
      '',
      `Votre référent accueil vous a écrit un message au sujet de votre dossier ${file.reference}.`,
      '',
      `Pour le lire et lui répondre, ouvrez votre espace : ${link}`,
      'Si vous n’êtes pas connecté, saisissez votre adresse e-mail : nous vous enverrons un lien de connexion.',
      '',
      `— ${ctx.siteName()}`,
    ].join('\n'),
  });
}
