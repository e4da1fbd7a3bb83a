import { Breadcrumbs, Notice } from '../../../core/views/index.js';
import { kindLabels, kindPluralLabels } from '../kinds.js';
import { opportunityPath, type PublicOpportunity } from '../public.js';
import { ContactFormSection, type ContactState } from './form.js';

/** What the visitor does on the form's page, by kind. */
function actionLabel(o: Pick<PublicOpportunity, 'kind'>): string {
  return o.kind === 'job' ? 'Postuler' : o.kind === 'takeover' ? 'Demander des informations' : 'Contacter';
}

/** "Postuler : <title>", the contact page's <title> and heading. */
export function contactTitle(o: Pick<PublicOpportunity, 'kind' | 'title'>): string {
  return `${actionLabel(o)} : ${o.title}`;
}

/** Where the opportunity shows: its commune, or only its intercommunalité for a blurred takeover. */
function placeText(o: PublicOpportunity): string | null {
  return o.communeName ?? (o.epciName ? `Intercommunalité : ${o.epciName}` : null);
}

/**
 * /opportunites/:id/contact: a short recap of the opportunity, so the visitor knows what they answer, then the
 * form. It has a page of its own because its per-visitor token makes it private; the opportunity's page, read
 * by many more people, stays cacheable.
 */
export function ContactPage({ o, state }: { o: PublicOpportunity; state?: ContactState }) {
  const place = placeText(o);
  return (
    <div class="container narrow opportunity-detail opportunity-contact-page">
      <Breadcrumbs
        items={[
          { href: '/', label: 'Accueil' },
          { href: '/opportunites', label: 'Opportunités' },
          { href: `/opportunites?type=${o.kind}`, label: kindPluralLabels[o.kind] },
          { href: opportunityPath(o), label: o.title },
          { label: actionLabel(o) },
        ]}
      />
      <h1>{contactTitle(o)}</h1>
      {o.demo && (
        <Notice kind="warning">
          <strong>Exemple fictif.</strong> Cette annonce a été générée pour la démonstration de la plateforme
          : elle ne correspond à aucune offre réelle.
        </Notice>
      )}
      <section class="opportunity-recap card" aria-labelledby="annonce-titre">
        <h2 id="annonce-titre">L’annonce</h2>
        <dl class="opportunity-recap__facts">
          <div>
            <dt>Titre</dt>
            <dd>
              <a href={opportunityPath(o)}>{o.title}</a>
            </dd>
          </div>
          {place && (
            <div>
              <dt>Lieu</dt>
              <dd>{place}</dd>
            </div>
          )}
          <div>
            <dt>Type</dt>
            <dd>{kindLabels[o.kind]}</dd>
          </div>
        </dl>
      </section>
      <ContactFormSection o={o} state={state} />
      <p>
        <a href={opportunityPath(o)}>Revenir à l’annonce</a>
      </p>
    </div>
  );
}
