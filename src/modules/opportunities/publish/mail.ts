/**
 * Emails to an opportunity's owner: published, refused (with the reason), about to expire, expired. Plain
 * text, in the outbox first (core/mail). Offers without an owner (imported) get none.
 */
import type { Db } from '../../../core/db/index.js';
import type { Mailer } from '../../../core/mail/index.js';
import { opportunityPath } from '../public.js';
import { formatDay } from './forms/dates.js';
import { ownerContact } from './queries.js';

export interface MailSite {
  mailer: Mailer;
  publicUrl: string;
  siteName: string;
}

interface Subject {
  id: string;
  title: string;
  ownerId: string | null;
  expiresAt: Date | string | null;
}

const editUrl = (site: MailSite, o: Subject) => `${site.publicUrl}/admin/opportunites/${o.id}/modifier`;
const adminUrl = (site: MailSite, o: Subject) => `${site.publicUrl}/admin/opportunites/${o.id}`;

type Kind = 'approved' | 'rejected' | 'expiry_warning' | 'expired';

function compose(kind: Kind, site: MailSite, o: Subject, extra: { reason?: string }) {
  const title = `« ${o.title} »`;
  const expires = o.expiresAt ? formatDay(o.expiresAt) : null;
  switch (kind) {
    case 'approved':
      return {
        subject: `Votre annonce ${title} est publiée`,
        body: [
          `Votre annonce ${title} a été validée : elle est en ligne sur ${site.siteName}.`,
          `Elle est visible à cette adresse : ${site.publicUrl}${opportunityPath(o)}`,
          expires ? `Elle restera en ligne jusqu’au ${expires} ; vous serez prévenu une semaine avant.` : '',
          `Pour la modifier ou la retirer : ${adminUrl(site, o)}`,
        ],
      };
    case 'rejected':
      return {
        subject: `Votre annonce ${title} n’a pas été validée`,
        body: [
          `Votre annonce ${title} n’a pas été publiée, pour la raison suivante :`,
          extra.reason ?? '',
          `Vous pouvez la corriger et la soumettre de nouveau : ${editUrl(site, o)}`,
        ],
      };
    case 'expiry_warning':
      return {
        subject: `Votre annonce ${title} expire le ${expires}`,
        body: [
          `Votre annonce ${title} ne sera plus en ligne après le ${expires}.`,
          `Pour la prolonger, choisissez une nouvelle date d’expiration (un an au plus) : ${editUrl(site, o)}`,
          'Si vous ne changez que cette date, elle reste en ligne sans nouvelle validation.',
          'Si le poste est pourvu ou le bien n’est plus disponible, vous pouvez la retirer depuis la même page.',
        ],
      };
    case 'expired':
      return {
        subject: `Votre annonce ${title} a expiré`,
        body: [
          `Votre annonce ${title} a atteint sa date d’expiration : elle n’est plus visible sur ${site.siteName}.`,
          `Pour la remettre en ligne, choisissez une nouvelle date et soumettez-la de nouveau : ${editUrl(site, o)}`,
        ],
      };
  }
}

/** Sends one of the owner emails; returns false when there is nobody to write to. */
export async function mailOwner(
  db: Db,
  site: MailSite,
  kind: Kind,
  o: Subject,
  extra: { reason?: string } = {},
): Promise<boolean> {
  const owner = await ownerContact(db, o.ownerId);
  if (!owner) return false;
  const { subject, body } = compose(kind, site, o, extra);
  const text = [`Bonjour ${owner.name},`, ...body.filter(Boolean), `L’équipe ${site.siteName}`].join('\n\n');
  await site.mailer.send({ to: owner.email, subject, text, kind: `opportunity.${kind}` });
  return true;
}
