import { formatNumber, safeUrl } from '../../../core/views/index.js';
import { formatKm } from '../../territory/index.js';
import { communeReasonLabels, type Kit } from './assemble.js';

const telHref = (phone: string) => `tel:${phone.replace(/[^0-9+]/g, '')}`;

/**
 * The welcome kit as the household reads it. Staff see the very same rendering in the file's « Kit d’accueil »
 * tab, under that page's own title (sections are h2).
 */
export function KitView({ kit, pdfHref }: { kit: Kit; pdfHref: string }) {
  const steps = kit.sections.filter((s) => s.kind !== 'links');
  const links = kit.sections.filter((s) => s.kind === 'links');
  return (
    <div class="kit">
      <p class="kit__intro">
        Préparé pour {kit.householdName || 'votre foyer'}, dossier{' '}
        <span class="kit__reference">{kit.reference}</span>
        {kit.profileName ? ` · profil « ${kit.profileName} »` : ''}.
      </p>
      <p>
        <a class="button button--secondary" href={pdfHref} download>
          Télécharger le kit en PDF
        </a>
      </p>

      {steps.map((s, i) => (
        <section key={`s${i}`} class="kit__section" aria-labelledby={`kit-section-${i}`}>
          <h2 id={`kit-section-${i}`}>{s.title}</h2>
          {s.kind === 'checklist' ? (
            <ul class="kit-checklist">
              {s.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          ) : (
            s.items.map((p) => <p key={p}>{p}</p>)
          )}
        </section>
      ))}

      {kit.commune && <CommuneCard kit={kit} />}

      <section class="kit__section kit__contacts" aria-labelledby="kit-contacts">
        <h2 id="kit-contacts">Vos contacts</h2>
        <div class="kit__cards">
          <div class="kit__card">
            <h3>Votre référent accueil</h3>
            {kit.referent ? (
              <ul class="kit__lines">
                {kit.referent.name && <li>{kit.referent.name}</li>}
                {kit.referent.organisationName && <li>{kit.referent.organisationName}</li>}
                {kit.referent.email && (
                  <li>
                    <a href={safeUrl(`mailto:${kit.referent.email}`)}>{kit.referent.email}</a>
                  </li>
                )}
                {kit.referent.organisationPhone && (
                  <li>
                    <a href={telHref(kit.referent.organisationPhone)}>{kit.referent.organisationPhone}</a>
                  </li>
                )}
              </ul>
            ) : (
              <p>Votre référent vous sera présenté très bientôt.</p>
            )}
          </div>
          {kit.epci && (
            <div class="kit__card">
              <h3>Votre intercommunalité</h3>
              <ul class="kit__lines">
                <li>
                  <a href={kit.epci.path}>{kit.epci.name}</a> ({kit.epci.kindLabel})
                </li>
                {kit.epci.seatName && <li>Siège : {kit.epci.seatName}</li>}
                {kit.epci.email && (
                  <li>
                    <a href={safeUrl(`mailto:${kit.epci.email}`)}>{kit.epci.email}</a>
                  </li>
                )}
                {kit.epci.phone && (
                  <li>
                    <a href={telHref(kit.epci.phone)}>{kit.epci.phone}</a>
                  </li>
                )}
                {kit.epci.website && (
                  <li>
                    <a href={safeUrl(kit.epci.website)}>{kit.epci.website}</a>
                  </li>
                )}
              </ul>
              <p class="kit__note">
                Ses services (petite enfance, déchets, urbanisme, transports…) sont présentés sur son site ou
                à son accueil.
              </p>
            </div>
          )}
        </div>
      </section>

      {links.map((s, i) => (
        <section key={`l${i}`} class="kit__section" aria-labelledby={`kit-links-${i}`}>
          <h2 id={`kit-links-${i}`}>{s.title}</h2>
          <ul class="kit__links">
            {s.links.map((l) => (
              <li key={l.url}>
                <a href={safeUrl(l.url)}>{l.label}</a> <span class="kit__url">{l.url}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function CommuneCard({ kit }: { kit: Kit }) {
  const c = kit.commune;
  if (!c) return null;
  return (
    <section class="kit__section kit__commune" aria-labelledby="kit-commune">
      <h2 id="kit-commune">
        {c.name} <span class="kit__kicker">{communeReasonLabels[c.reason]}</span>
      </h2>
      <p>{c.summary}</p>
      <dl class="kit__facts">
        <div>
          <dt>Habitants</dt>
          <dd>{c.population === null ? 'non connu' : formatNumber(c.population)}</dd>
        </div>
        <div>
          <dt>{c.postalCodes.length > 1 ? 'Codes postaux' : 'Code postal'}</dt>
          <dd>{c.postalCodes.join(', ')}</dd>
        </div>
        {c.areaKm2 !== null && (
          <div>
            <dt>Superficie</dt>
            <dd>{`environ ${formatNumber(Math.round(c.areaKm2))} km²`}</dd>
          </div>
        )}
      </dl>
      {c.distances.length > 0 && (
        <>
          <h3>Distances à vol d’oiseau</h3>
          <ul class="kit__lines">
            {c.distances.map((d) => (
              <li key={d.to}>
                {d.to}
                {d.note ? ` (${d.note})` : ''} : {formatKm(d.km)}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href={c.path}>Voir la fiche de {c.name}</a>
      </p>
    </section>
  );
}
