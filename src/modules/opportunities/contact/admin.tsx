import { Breadcrumbs, CsrfField, formatDateTime, Notice, plural } from '../../../core/views/index.js';
import { kindLabels, statusLabels } from '../kinds.js';
import { opportunityPath } from '../public.js';
import type { Opportunity, Seller } from '../store.js';
import type { Contact, ReleaseOutcome } from './service.js';
import { contactsPath } from './service.js';

const contactStatusLabels: Record<Contact['status'], string> = {
  new: 'Nouvelle',
  answered: 'Traitée',
  released: 'Coordonnées du cédant transmises',
};

export const releaseNotices: Record<ReleaseOutcome, { kind: 'success' | 'warning'; text: string }> = {
  released: {
    kind: 'success',
    text: 'Les coordonnées du cédant ont été envoyées par e-mail à cette personne.',
  },
  already: {
    kind: 'warning',
    text: 'Les coordonnées du cédant avaient déjà été transmises à cette personne.',
  },
  'no-seller': {
    kind: 'warning',
    text: 'Aucun cédant n’est enregistré pour cette annonce : complétez-la avant de transmettre ses coordonnées.',
  },
  'not-takeover': {
    kind: 'warning',
    text: 'Seules les entreprises à reprendre ont un cédant à transmettre.',
  },
};

function SellerSummary({ seller }: { seller: Seller | undefined }) {
  if (!seller) return <p>Aucun cédant n’est enregistré pour cette annonce : rien ne peut être transmis.</p>;
  return (
    <dl class="opportunity-facts">
      {(
        [
          ['Nom', seller.name],
          ['Entreprise', seller.company],
          ['Téléphone', seller.phone],
          ['Adresse e-mail', seller.email],
        ] as const
      )
        .filter(([, v]) => v)
        .map(([label, value]) => (
          <div class="opportunity-facts__item" key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

/** /admin/opportunites/:id/demandes: the messages received about one opportunity, for whoever answers them. */
export function ContactsPage({
  o,
  contacts,
  seller,
  notice,
}: {
  o: Opportunity;
  contacts: Contact[];
  seller: Seller | undefined;
  notice?: ReleaseOutcome;
}) {
  const takeover = o.kind === 'takeover';
  const title = `Demandes : ${o.title}`;
  return (
    <div class="container admin opportunity-contacts">
      <Breadcrumbs
        items={[
          { href: '/admin', label: 'Tableau de bord' },
          { href: '/admin/opportunites', label: 'Opportunités' },
          { href: `/admin/opportunites/${o.id}`, label: o.title },
          { label: 'Demandes de contact' },
        ]}
      />
      <div class="admin__head">
        <h1>{title}</h1>
      </div>
      <p>
        {kindLabels[o.kind]} · {statusLabels[o.status]}
        {o.status === 'published' && (
          <>
            {' '}
            · <a href={opportunityPath(o)}>Voir l’annonce publique</a>
          </>
        )}
      </p>
      {notice && <Notice kind={releaseNotices[notice].kind}>{releaseNotices[notice].text}</Notice>}
      {takeover && (
        <section aria-labelledby="cedant-titre">
          <h2 id="cedant-titre">Cédant (confidentiel)</h2>
          <p>
            Ces coordonnées ne sont jamais publiées. Vous seul décidez de les transmettre, demande par demande
            : la personne les reçoit par e-mail et la transmission est inscrite au journal.
          </p>
          <SellerSummary seller={seller} />
        </section>
      )}
      <section aria-labelledby="demandes-titre">
        <h2 id="demandes-titre">{plural(contacts.length, 'demande reçue', 'demandes reçues')}</h2>
        {contacts.length === 0 ? (
          <p>Personne n’a encore écrit au sujet de cette annonce.</p>
        ) : (
          <ul class="opportunity-contacts__list">
            {contacts.map((c) => (
              <li key={c.id} class="card">
                <h3>{c.name}</h3>
                <p class="opportunity-contacts__meta">
                  Reçue le {formatDateTime(c.createdAt)} · {contactStatusLabels[c.status]}
                  {c.releasedAt && ` le ${formatDateTime(c.releasedAt)}`}
                </p>
                <p>
                  <a href={`mailto:${c.email}`}>{c.email}</a>
                  {c.phone && <> · {c.phone}</>}
                </p>
                <p class="opportunity-contacts__message">{c.message}</p>
                {takeover && seller && c.status !== 'released' && (
                  <form method="post" action={`${contactsPath(o.id)}/${c.id}/transmettre`}>
                    <CsrfField />
                    <button type="submit" class="button">
                      Transmettre les coordonnées du cédant à {c.name}
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
