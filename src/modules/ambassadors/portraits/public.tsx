import { ResponsiveImage } from '../../../core/files/index.js';
import { Breadcrumbs, formatNumber, Pagination } from '../../../core/views/index.js';
import { portraitsPath, publicBase, signupPath } from '../paths.js';
import { tieLabel } from '../staff/labels.js';
import type { PublicPortrait } from './store.js';

/** A person by their name; a firm or an association by its name and its contact's first name. */
export function portraitName(p: Pick<PublicPortrait, 'kind' | 'name' | 'organisationName'>): string {
  if (p.kind === 'person' || !p.organisationName) return p.name;
  const firstName = p.name.trim().split(/\s+/)[0];
  return firstName ? `${p.organisationName} (${firstName})` : p.organisationName;
}

/** Where they live: a Lot commune, or a city and country away from it. */
export function portraitPlace(p: Pick<PublicPortrait, 'communeName' | 'city' | 'country'>): string | null {
  if (p.communeName) return p.communeName;
  return [p.city, p.country].filter(Boolean).join(', ') || null;
}

function Portrait({ portrait, headingId }: { portrait: PublicPortrait; headingId: string }) {
  const name = portraitName(portrait);
  const place = portraitPlace(portrait);
  return (
    <li class="card amb-portrait">
      {portrait.photoId && (
        <ResponsiveImage
          file={{ id: portrait.photoId, width: portrait.photoWidth, height: portrait.photoHeight }}
          alt={`Portrait de ${name}`}
          sizes="(min-width: 40em) 16rem, 100vw"
          class="amb-portrait__photo"
        />
      )}
      <h2 id={headingId} class="amb-portrait__name">
        {name}
      </h2>
      <p class="amb-portrait__facts">
        {place && <span>{place}</span>}
        {place && ' · '}
        <span>{tieLabel(portrait.tie)}</span>
      </p>
      {portrait.text
        .split(/\n+/)
        .filter((line) => line.trim())
        .map((line, i) => (
          <p key={i} class="amb-portrait__text">
            {line}
          </p>
        ))}
    </li>
  );
}

/** « Portraits d’ambassadeurs »: who they are, in their own words (only those who chose to be shown). */
export function PortraitsPage(props: {
  portraits: PublicPortrait[];
  total: number;
  page: number;
  pages: number;
}) {
  const { portraits, total, page, pages } = props;
  return (
    <div class="container amb-page amb-portraits">
      <Breadcrumbs
        items={[
          { href: '/', label: 'Accueil' },
          { href: publicBase, label: 'Ambassadeurs' },
          { label: 'Portraits' },
        ]}
      />
      <h1>Portraits d’ambassadeurs</h1>
      <p class="lead">
        Ils sont nés dans le Lot, l’ont adopté, y sont revenus ou le font connaître depuis ailleurs : les
        ambassadeurs racontent pourquoi ils aiment y vivre et y travailler.
      </p>
      <p>
        Vous aussi, faites découvrir le Lot autour de vous : <a href={signupPath}>devenez ambassadeur</a>.
      </p>
      {total === 0 ? (
        <p class="amb-portraits__empty">
          Aucun portrait n’est encore publié. Les premiers ambassadeurs paraîtront ici très bientôt.
        </p>
      ) : (
        <>
          <p class="amb-portraits__count">
            {total > 1 ? `${formatNumber(total)} portraits` : '1 portrait'}
            {pages > 1 && ` — page ${page} sur ${pages}`}
          </p>
          <ul class="grid amb-portraits__list">
            {portraits.map((p) => (
              <Portrait key={p.id} portrait={p} headingId={`portrait-${p.id}`} />
            ))}
          </ul>
          <Pagination
            page={page}
            pageCount={pages}
            href={(n) => (n === 1 ? portraitsPath : `${portraitsPath}?page=${n}`)}
          />
        </>
      )}
    </div>
  );
}
