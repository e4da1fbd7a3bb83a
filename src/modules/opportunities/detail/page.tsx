import { Breadcrumbs, formatNumber, JsonLd, Notice, usePage } from '../../../core/views/index.js';
import { formatKm } from '../../territory/index.js';
import { ContactSection } from '../contact/form.js';
import { contractTypes, kindLabels, kindPluralLabels, labelOf, priceBands } from '../kinds.js';
import { opportunityPath, type PublicOpportunity } from '../public.js';
import type { DetailData, PlaceCard, SimilarOpportunity } from './data.js';
import { FactList, factsOf, formatInstantDay } from './facts.js';
import { jobPosting } from './json-ld.js';

/** Where the public sees it: the commune, or only the intercommunalité for a blurred takeover. */
export function placeName(o: PublicOpportunity): string | null {
  return o.communeName ?? o.epciName ?? null;
}

/** "<title> à <commune> – <kind>", the page's <title> (the layout adds the site name). */
export function detailTitle(o: PublicOpportunity): string {
  const where = o.communeName ? ` à ${o.communeName}` : o.epciName ? `, ${o.epciName}` : '';
  return `${o.title}${where} – ${kindLabels[o.kind]}`;
}

/** A meta description of at most ~160 characters: what, where, then the start of the text. */
export function detailDescription(o: PublicOpportunity): string {
  const extra =
    o.kind === 'job'
      ? labelOf(contractTypes, o.contractType)
      : o.kind === 'takeover'
        ? labelOf(priceBands, o.priceBand).toLowerCase()
        : '';
  const where = o.communeName ? ` à ${o.communeName}` : o.epciName ? `, ${o.epciName}` : '';
  const head = `${kindLabels[o.kind]}${extra ? ` (${extra})` : ''}${where}. `;
  const text = o.description.replace(/\s+/g, ' ').trim();
  const room = 160 - head.length;
  if (text.length <= room) return head + text;
  const cut = text.slice(0, room - 1);
  const space = cut.lastIndexOf(' ');
  return `${head}${(space > room / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** Paragraphs from the plain text, line breaks kept by the stylesheet. */
function Description({ text }: { text: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <div class="opportunity-description">
      {paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </div>
  );
}

function PlaceSection({ place, o }: { place: PlaceCard | null; o: PublicOpportunity }) {
  if (!place) return null;
  const blurred = place.kind === 'epci';
  return (
    <section class="opportunity-place card" aria-labelledby="lieu-titre">
      <h2 id="lieu-titre">{blurred ? place.name : `Vivre à ${place.name}`}</h2>
      {blurred && o.kind === 'takeover' && (
        <p>
          La commune n’est pas précisée, à la demande du cédant : l’entreprise se trouve dans cette
          intercommunalité.
        </p>
      )}
      <dl class="opportunity-place__facts">
        {place.population !== null && (
          <div>
            <dt>Habitants</dt>
            <dd>{formatNumber(place.population)}</dd>
          </div>
        )}
        {place.memberCount !== null && (
          <div>
            <dt>Communes</dt>
            <dd>{formatNumber(place.memberCount)}</dd>
          </div>
        )}
        {place.postalCodes.length > 0 && (
          <div>
            <dt>{place.postalCodes.length > 1 ? 'Codes postaux' : 'Code postal'}</dt>
            <dd>{place.postalCodes.join(', ')}</dd>
          </div>
        )}
        {place.epci && (
          <div>
            <dt>Intercommunalité</dt>
            <dd>
              <a href={place.epci.href}>{place.epci.name}</a>
            </dd>
          </div>
        )}
        {place.isPrefecture && (
          <div>
            <dt>Rôle</dt>
            <dd>Préfecture du département</dd>
          </div>
        )}
        {place.prefecture && (
          <div>
            <dt>Préfecture</dt>
            <dd>
              <a href={place.prefecture.href}>{place.prefecture.name}</a> à {formatKm(place.prefecture.km)} à
              vol d’oiseau
            </dd>
          </div>
        )}
      </dl>
      <p>
        <a href={place.href}>Voir la fiche de {place.name}</a>
      </p>
    </section>
  );
}

function ShareSection({ o, url }: { o: PublicOpportunity; url: string }) {
  const mailto = `mailto:?subject=${encodeURIComponent(o.title)}&body=${encodeURIComponent(
    `${o.title}\n${url}`,
  )}`;
  return (
    <section class="opportunity-share card" aria-labelledby="partager-titre" data-share>
      <h2 id="partager-titre">Partager</h2>
      <label for="share-url">Lien de cette annonce</label>
      <input id="share-url" class="opportunity-share__url" type="url" value={url} readOnly />
      <p>
        <a href={mailto}>Envoyer le lien par e-mail</a>
      </p>
    </section>
  );
}

function similarLine(s: SimilarOpportunity): string {
  const parts = [
    s.kind === 'job' ? labelOf(contractTypes, s.contractType) : '',
    s.kind === 'takeover' ? labelOf(priceBands, s.priceBand) : '',
    placeName(s) ?? '',
    s.distanceKm !== null && s.distanceKm >= 1 ? `à ${formatKm(s.distanceKm)}` : '',
  ];
  return parts.filter(Boolean).join(' · ');
}

function SimilarSection({ o, similar }: { o: PublicOpportunity; similar: SimilarOpportunity[] }) {
  const all = `/opportunites?type=${o.kind}`;
  return (
    <section class="opportunity-similar" aria-labelledby="similaires-titre">
      <h2 id="similaires-titre">Annonces similaires</h2>
      {similar.length > 0 ? (
        <ul class="opportunity-similar__list">
          {similar.map((s) => (
            <li key={s.id} class="card">
              <a href={opportunityPath(s)}>{s.title}</a>
              <p>{similarLine(s)}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p>Aucune annonce proche pour le moment.</p>
      )}
      <p>
        <a href={all}>Voir toutes les {kindPluralLabels[o.kind].toLowerCase()}</a>
      </p>
    </section>
  );
}

/** The public page of one opportunity: facts, description, how to answer, its place, similar ones. */
export function DetailPage({ data }: { data: DetailData }) {
  const { opportunity: o, place, region, similar } = data;
  const page = usePage();
  const url = `${page.publicUrl}${opportunityPath(o)}`;
  const where = placeName(o);
  return (
    <div class="container opportunity-detail">
      <Breadcrumbs
        items={[
          { href: '/', label: 'Accueil' },
          { href: '/opportunites', label: 'Opportunités' },
          { href: `/opportunites?type=${o.kind}`, label: kindPluralLabels[o.kind] },
          { label: o.title },
        ]}
      />
      <article class="opportunity" aria-labelledby="opportunite-titre">
        <header class="opportunity__head">
          <p class="opportunity__kind">
            {kindLabels[o.kind]}
            {o.wanted && <span class="opportunity__tag">Métier recherché</span>}
            {o.openToCouples && <span class="opportunity__tag">Ouvert aux couples</span>}
          </p>
          <h1 id="opportunite-titre">{o.title}</h1>
          {where && <p class="opportunity__place">{o.communeName ?? `Intercommunalité : ${o.epciName}`}</p>}
          <p class="opportunity__dates">
            Publiée le {formatInstantDay(o.publishedAt)}
            {o.expiresAt && <> · valable jusqu’au {formatInstantDay(o.expiresAt)}</>}
          </p>
        </header>
        {o.demo && (
          <Notice kind="warning">
            <strong>Exemple fictif.</strong> Cette annonce a été générée pour la démonstration de la
            plateforme : elle ne correspond à aucune offre réelle.
          </Notice>
        )}
        <div class="opportunity-detail__layout">
          <div class="opportunity-detail__main">
            <section aria-labelledby="essentiel-titre">
              <h2 id="essentiel-titre">L’essentiel</h2>
              <FactList facts={factsOf(o)} />
            </section>
            <section aria-labelledby="description-titre">
              <h2 id="description-titre">Description</h2>
              <Description text={o.description} />
            </section>
            {o.kind === 'takeover' && (
              <p class="opportunity-confidential">
                Annonce confidentielle : le nom du cédant et l’adresse de l’entreprise ne sont pas publiés. Le
                conseiller qui accompagne la cession les communique aux repreneurs sérieux, sur demande.
              </p>
            )}
            <ContactSection o={o} />
          </div>
          <aside class="opportunity-detail__aside" aria-label="Autour de cette annonce">
            <PlaceSection place={place} o={o} />
            <ShareSection o={o} url={url} />
          </aside>
        </div>
        <SimilarSection o={o} similar={similar} />
      </article>
      {o.kind === 'job' && (
        <JsonLd data={jobPosting(o, place, region, { publicUrl: page.publicUrl, siteName: page.siteName })} />
      )}
    </div>
  );
}
