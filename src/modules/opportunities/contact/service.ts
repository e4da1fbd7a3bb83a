import { and, desc, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { type Actor, journalActor } from '../../../core/auth/index.js';
import type { Db } from '../../../core/db/index.js';
import { type JournalActor, record } from '../../../core/journal/index.js';
import type { Mailer } from '../../../core/mail/index.js';
import { findUser } from '../../accounts/index.js';
import { findOrganisation, hostOrganisation } from '../../partners/index.js';
import { kindLabels } from '../kinds.js';
import { opportunitiesPolicy } from '../policy.js';
import { opportunityPath, type PublicOpportunity } from '../public.js';
import { opportunityContacts } from '../schema.js';
import { findOpportunity, findSeller, type Opportunity, type Seller } from '../store.js';

export type Contact = typeof opportunityContacts.$inferSelect;

export const ContactForm = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  email: Type.String({ format: 'email', maxLength: 320 }),
  phone: Type.Optional(Type.String({ maxLength: 30, pattern: '^\\+?[0-9 .()-]{6,30}$' })),
  message: Type.String({ minLength: 10, maxLength: 5000 }),
  consent: Type.Literal('oui'),
});

export const contactMessages: Record<string, string> = {
  name: 'Saisissez votre nom et votre prénom (200 caractères au plus).',
  email: 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.',
  phone: 'Saisissez un numéro de téléphone valide, par exemple 05 65 00 00 00, ou laissez ce champ vide.',
  message: 'Écrivez votre message : entre 10 et 5 000 caractères.',
  consent:
    'Cochez la case pour accepter la transmission de vos coordonnées : sans elle, votre message ne peut pas être envoyé.',
};

/** Messages per address and hour: enough for a person writing to several offers, too few for a spammer. */
export const contactRateLimit = { max: 10, windowMs: 60 * 60 * 1000 };

/** Imported offers are answered at their source: they take no message here. */
export const hasContactForm = (o: Pick<PublicOpportunity, 'sourceUrl'>) => !o.sourceUrl;

export interface MailDeps {
  mailer: Mailer;
  publicUrl: string;
  siteName: string;
}

type RecipientKind = 'adviser' | 'contact' | 'organisation' | 'platform';

/**
 * Who answers a contact request. A takeover: its adviser, else the publishing organisation, never the
 * seller (whose record is not even read here). Other kinds: their public contact, else the organisation.
 * The platform's host organisation is the last resort, so no message goes unanswered.
 */
async function recipientFor(db: Db, o: Opportunity): Promise<{ email: string; kind: RecipientKind } | null> {
  if (o.kind === 'takeover' && o.adviserId) {
    const adviser = await findUser(db, o.adviserId);
    if (adviser?.status === 'active') return { email: adviser.email, kind: 'adviser' };
  }
  if (o.kind !== 'takeover' && o.contactEmail) return { email: o.contactEmail, kind: 'contact' };
  if (o.organisationId) {
    const organisation = await findOrganisation(db, o.organisationId);
    if (organisation?.email) return { email: organisation.email, kind: 'organisation' };
  }
  const host = await hostOrganisation(db);
  return host.email ? { email: host.email, kind: 'platform' } : null;
}

function contactText(
  o: Opportunity,
  input: { name: string; email: string; phone?: string; message: string },
  deps: MailDeps,
): string {
  const lines = [
    'Bonjour,',
    '',
    `Une personne s’intéresse à l’annonce « ${o.title} » (${kindLabels[o.kind].toLowerCase()}) publiée sur ${deps.siteName} :`,
    `${deps.publicUrl}${opportunityPath(o)}`,
    '',
    `Nom : ${input.name}`,
    `Adresse e-mail : ${input.email}`,
    ...(input.phone ? [`Téléphone : ${input.phone}`] : []),
    '',
    'Son message :',
    input.message,
    '',
    `Répondez-lui directement à l’adresse ${input.email}.`,
  ];
  if (o.kind === 'takeover') {
    lines.push(
      '',
      'Cette demande concerne une entreprise à reprendre : l’identité du cédant n’a pas été communiquée à cette personne.',
      'Pour la lui transmettre, ouvrez les demandes de l’annonce dans l’espace partenaires :',
      `${deps.publicUrl}${contactsPath(o.id)}`,
    );
  }
  lines.push('', `L’équipe ${deps.siteName}`);
  return lines.join('\n');
}

export const contactsPath = (id: string) => `/admin/opportunites/${id}/demandes`;

/**
 * Stores a contact request on a public opportunity and emails whoever answers it; journaled without the
 * message. The caller has checked the opportunity is public and takes messages.
 */
export async function submitContact(
  db: Db,
  deps: MailDeps,
  publicOpportunity: PublicOpportunity,
  input: { name: string; email: string; phone?: string; message: string },
  ip: string | null,
): Promise<Contact> {
  const o = await findOpportunity(db, publicOpportunity.id);
  if (!o) throw new Error(`Opportunity ${publicOpportunity.id} vanished`);
  const [contact] = await db
    .insert(opportunityContacts)
    .values({
      opportunityId: o.id,
      name: input.name,
      email: input.email.toLowerCase(),
      phone: input.phone ?? null,
      message: input.message,
    })
    .returning();
  const recipient = await recipientFor(db, o);
  if (recipient) {
    await deps.mailer.send({
      to: recipient.email,
      subject: `Nouvelle demande : ${o.title}`,
      text: contactText(o, input, deps),
      kind: 'opportunity-contact',
    });
  }
  await record(db, {
    actor: { id: null, label: 'visiteur' },
    action: 'opportunity.contact',
    target: { type: 'opportunity', id: o.id },
    after: { contactId: contact.id, recipient: recipient?.kind ?? 'aucun' },
    ip,
  });
  return contact;
}

/** An opportunity whose contact requests the actor may read, or undefined (the route answers 404). */
export async function opportunityForContacts(
  db: Db,
  actor: Actor | null,
  id: string,
): Promise<Opportunity | undefined> {
  const o = await findOpportunity(db, id);
  if (!o || !opportunitiesPolicy(actor, 'readSeller', o)) return undefined;
  return o;
}

export function listContacts(db: Db, opportunityId: string): Promise<Contact[]> {
  return db
    .select()
    .from(opportunityContacts)
    .where(eq(opportunityContacts.opportunityId, opportunityId))
    .orderBy(desc(opportunityContacts.createdAt));
}

function releaseText(o: Opportunity, contact: Contact, seller: Seller, by: Actor, deps: MailDeps): string {
  return [
    `Bonjour ${contact.name},`,
    '',
    `Vous vous êtes intéressé(e) à l’entreprise à reprendre « ${o.title} » sur ${deps.siteName} :`,
    `${deps.publicUrl}${opportunityPath(o)}`,
    '',
    `${by.name} (${by.organisationName}), qui accompagne cette cession, vous transmet les coordonnées du cédant :`,
    '',
    `Nom : ${seller.name}`,
    ...(seller.company ? [`Entreprise : ${seller.company}`] : []),
    ...(seller.phone ? [`Téléphone : ${seller.phone}`] : []),
    ...(seller.email ? [`Adresse e-mail : ${seller.email}`] : []),
    '',
    'Ces informations vous sont confiées pour ce projet de reprise seulement : merci de ne pas les diffuser.',
    `Pour toute question, écrivez à ${by.email}.`,
    '',
    `L’équipe ${deps.siteName}`,
  ].join('\n');
}

export type ReleaseOutcome = 'released' | 'already' | 'no-seller' | 'not-takeover';

/**
 * Sends a takeover seller's identity to one requester, on the adviser's decision: the contact becomes
 * 'released' and the journal keeps who released it to whom. The route has checked readSeller on `o`.
 */
export async function releaseSeller(
  db: Db,
  deps: MailDeps,
  actor: Actor,
  o: Opportunity,
  contactId: string,
  ip: string | null,
): Promise<ReleaseOutcome | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(contactId)) return undefined;
  const [contact] = await db
    .select()
    .from(opportunityContacts)
    .where(and(eq(opportunityContacts.id, contactId), eq(opportunityContacts.opportunityId, o.id)));
  if (!contact) return undefined;
  if (o.kind !== 'takeover') return 'not-takeover';
  if (contact.status === 'released') return 'already';
  const seller = await findSeller(db, o.id);
  if (!seller) return 'no-seller';
  await deps.mailer.send({
    to: contact.email,
    subject: `Coordonnées du cédant : ${o.title}`,
    text: releaseText(o, contact, seller, actor, deps),
    kind: 'opportunity-seller-release',
  });
  await db
    .update(opportunityContacts)
    .set({ status: 'released', releasedAt: new Date(), releasedBy: actor.userId })
    .where(eq(opportunityContacts.id, contact.id));
  const by: JournalActor = journalActor(actor);
  await record(db, {
    actor: by,
    action: 'opportunity.seller_release',
    target: { type: 'opportunity', id: o.id },
    before: { status: contact.status },
    after: { status: 'released', contactId: contact.id },
    ip,
  });
  return 'released';
}
