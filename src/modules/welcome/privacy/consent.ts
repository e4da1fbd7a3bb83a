/**
 * Consent per partner, and its withdrawal. The Département's consent is required: it coordinates the
 * programme and is the controller named in the consent text (its welcome staff see every file anyway), so
 * withdrawing it means deleting the file. Every other partner's consent can be withdrawn at any time; its
 * access ends at once.
 */
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.js';
import { type Db, one, rows } from '../../../core/db/index.js';
import { touchFile } from '../files.js';
import { organisationStaffEmails } from '../household/index.js';
import { householdActor, recordFile } from '../journal.js';

export interface ConsentRow {
  organisationId: string;
  organisationName: string;
  organisationKind: string;
  purpose: string;
  textVersion: string;
  grantedAt: Date;
  withdrawnAt: Date | null;
  required: boolean;
}

export async function listConsents(db: Db, fileId: string): Promise<ConsentRow[]> {
  const found = await rows<Omit<ConsentRow, 'required'>>(
    db,
    sql`select c.organisation_id as "organisationId", o.name as "organisationName", o.kind as "organisationKind",
          c.purpose, c.text_version as "textVersion", c.granted_at as "grantedAt", c.withdrawn_at as "withdrawnAt"
        from file_consents c join organisations o on o.id = c.organisation_id
        where c.file_id = ${fileId}
        order by (o.kind = 'departement') desc, o.name`,
  );
  return found.map((c) => ({ ...c, required: c.organisationKind === 'departement' }));
}

export async function departementId(db: Db): Promise<string | null> {
  const row = await one<{ id: string }>(
    db,
    sql`select id from organisations where kind = 'departement' order by created_at limit 1`,
  );
  return row?.id ?? null;
}

/**
 * Withdraws the household's consent for one organisation: its live shares are revoked at once, its staff told;
 * when it led the file, the file returns to the Département's queue. False when there was no live consent
 * (already withdrawn, unknown organisation) or the consent is required.
 */
export async function withdrawConsent(
  ctx: AppContext,
  file: { id: string; reference: string; leadOrganisationId: string | null },
  organisationId: string,
): Promise<boolean> {
  const consent = (await listConsents(ctx.db, file.id)).find(
    (c) => c.organisationId === organisationId && !c.withdrawnAt,
  );
  if (!consent || consent.required) return false;
  const departement = await departementId(ctx.db);
  const wasLead = file.leadOrganisationId === organisationId;
  const actor = householdActor(file.reference);
  await ctx.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    await db.execute(sql`update file_consents set withdrawn_at = now()
      where file_id = ${file.id} and organisation_id = ${organisationId} and withdrawn_at is null`);
    await db.execute(sql`update file_shares set revoked_at = now()
      where file_id = ${file.id} and organisation_id = ${organisationId} and revoked_at is null`);
    await recordFile(db, actor, file.id, 'consent.withdraw', null, {
      organisation: consent.organisationName,
    });
    if (wasLead && departement) {
      await db.execute(sql`update newcomer_files set lead_organisation_id = ${departement}, referent_id = null,
          epci_code = null where id = ${file.id}`);
      const live = await one<{ id: string }>(
        db,
        sql`select id from file_shares where file_id = ${file.id} and organisation_id = ${departement}
            and revoked_at is null`,
      );
      if (!live)
        await db.execute(sql`insert into file_shares (file_id, organisation_id, reason)
          values (${file.id}, ${departement}, 'assignment')`);
      await recordFile(
        db,
        actor,
        file.id,
        'file.reassign',
        { organisation: consent.organisationName },
        { organisation: 'file du Département' },
      );
    }
  });
  await touchFile(ctx.db, file.id);
  for (const to of await organisationStaffEmails(ctx.db, organisationId))
    await ctx.mailer.send({
      to,
      kind: 'welcome.consent-withdrawn',
      subject: `Accord retiré pour le dossier ${file.reference}`,
      text: [
        'Bonjour,',
        '',
        `Le foyer du dossier ${file.reference} a retiré son accord pour que ${consent.organisationName} reçoive son dossier.`,
        'Votre organisation n’y a plus accès. Merci de supprimer les copies que vous en auriez faites (notes, tableaux, courriels).',
        '',
        `— ${ctx.siteName()}`,
      ].join('\n'),
    });
  if (wasLead && departement) {
    const link = `${ctx.config.PUBLIC_URL}/admin/dossiers/${file.id}`;
    for (const to of await organisationStaffEmails(ctx.db, departement))
      await ctx.mailer.send({
        to,
        kind: 'welcome.file-returned',
        subject: `Le dossier ${file.reference} revient dans la file du Département`,
        text: [
          'Bonjour,',
          '',
          `Le foyer du dossier ${file.reference} a retiré son accord à l’organisation qui l’accompagnait (${consent.organisationName}).`,
          `Le dossier revient dans la file du Département, sans référent : ${link}`,
          '',
          `— ${ctx.siteName()}`,
        ].join('\n'),
      });
  }
  return true;
}
