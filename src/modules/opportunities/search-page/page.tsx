import { Breadcrumbs, formatNumber, Notice, Pagination, plural } from '../../../core/views/index.js';
import { normalizeSearch } from '../../territory/index.js';
import { filtersToQuery, maxPage } from '../search/filters.js';
import type { SearchReference } from '../search/reference.js';
import { type ActiveFilter, activeFilters, searchHref, searchPath, widenings } from '../search/summary.js';
import type { SearchFilters, SearchResult } from '../search/types.js';
import { OpportunityCard } from './card.js';
import { SearchFiltersForm } from './form.js';
import { SearchMap } from './map.js';

export interface SearchPageProps {
  filters: SearchFilters;
  result: SearchResult;
  /** French messages per query parameter that could not be used. */
  errors: Record<string, string>;
  reference: SearchReference;
}

/** The field each parameter's message links to (the page parameter has none). */
const fieldOf: Record<string, string | undefined> = {
  q: 'q',
  type: 'type',
  epci: 'epci',
  commune: 'commune',
  rayon: 'rayon',
  contrat: 'contrat',
  secteur: 'secteur',
  profil: 'profil',
  prix: 'prix',
  tri: 'tri',
};

/** /opportunites: the filters (a GET form), then the count, the results, the pages and the map. */
export function SearchPage({ filters, result, errors, reference }: SearchPageProps) {
  const active = activeFilters(filters, reference);
  const pageCount = Math.min(maxPage, Math.max(1, Math.ceil(result.total / result.pageSize)));
  const query = filtersToQuery(filters, { page: 1 });
  const suffix = query ? `?${query}` : '';
  const placed = Object.values(result.communeCounts ?? {}).reduce((a, b) => a + b, 0);
  return (
    <div class="container opportunity-search">
      <Breadcrumbs items={[{ href: '/', label: 'Accueil' }, { label: 'Opportunités' }]} />
      <h1>Opportunités</h1>
      <p class="lead">
        Offres d’emploi, entreprises à reprendre, locaux pour créer et logements temporaires, partout dans le
        département, en une seule recherche.
      </p>
      <div class="search-layout">
        {/* On a phone the filters come first: a way straight to what they found. */}
        <a class="search-skip" href="#resultats">
          {result.total === 0 ? 'Aller aux résultats' : `Voir les résultats (${formatNumber(result.total)})`}
        </a>
        <SearchFiltersForm filters={filters} facets={result.facets} reference={reference} errors={errors} />
        <section class="search-results" id="resultats" aria-labelledby="resultats-titre">
          {Object.keys(errors).length > 0 && <InvalidParameters errors={errors} />}
          <h2 id="resultats-titre" class="search-results__count">
            {result.total === 0 ? 'Aucune opportunité' : plural(result.total, 'opportunité')}
          </h2>
          {result.corrections.length > 0 && <Corrections q={filters.q} corrections={result.corrections} />}
          {active.length > 0 && <ActiveFilters active={active} />}
          <ul class="search-actions">
            {result.total > 0 && result.communeCounts && (
              <li>
                <a href="#carte-titre">Voir la carte</a>
              </li>
            )}
            <li>
              <a href={`${searchPath}/alerte${suffix}`}>Recevoir ces offres par courriel</a>
            </li>
            <li>
              <a href={`${searchPath}/export.csv${suffix}`}>Exporter en CSV</a>
            </li>
            <li>
              <a href={`${searchPath}/flux.atom${suffix}`} type="application/atom+xml">
                Flux Atom
              </a>
            </li>
          </ul>
          {result.total === 0 ? (
            <EmptyState filters={filters} active={active} reference={reference} />
          ) : result.items.length === 0 ? (
            <p>
              Cette page n’existe pas pour cette recherche.{' '}
              <a href={searchHref(filters)}>Revenir à la première page</a>.
            </p>
          ) : (
            <ol class="opportunity-list" start={(result.page - 1) * result.pageSize + 1}>
              {result.items.map((item) => (
                <li key={item.id}>
                  <OpportunityCard opportunity={item} />
                </li>
              ))}
            </ol>
          )}
          <Pagination
            page={Math.min(result.page, pageCount)}
            pageCount={pageCount}
            href={(page) => searchHref(filters, { page })}
          />
          {result.total > 0 && result.communeCounts && (
            <section class="search-map-section" aria-labelledby="carte-titre">
              <h2 id="carte-titre">Où sont ces opportunités</h2>
              <SearchMap
                reference={reference}
                counts={result.communeCounts}
                hrefFor={(code) => searchHref(filters, { commune: code, radiusKm: null })}
                unplaced={Math.max(0, result.total - placed)}
              />
            </section>
          )}
        </section>
      </div>
    </div>
  );
}

function InvalidParameters({ errors }: { errors: Record<string, string> }) {
  return (
    <Notice kind="warning">
      <p class="search-invalid__title">Certains critères n’ont pas pu être pris en compte :</p>
      <ul class="search-invalid">
        {Object.entries(errors).map(([param, message]) => (
          <li key={param}>{fieldOf[param] ? <a href={`#${fieldOf[param]}`}>{message}</a> : message}</li>
        ))}
      </ul>
    </Notice>
  );
}

/** "Résultats pour « infirmiere de nuit »", from the words as typed with the corrected ones replaced. */
function Corrections({ q, corrections }: { q: string; corrections: SearchResult['corrections'] }) {
  const replaced = new Map(corrections.map((c) => [c.from, c.to]));
  const corrected = normalizeSearch(q)
    .split(' ')
    .map((w) => replaced.get(w) ?? w)
    .join(' ');
  return (
    <p class="search-correction">
      Résultats pour « <strong>{corrected}</strong> » : aucune opportunité ne contient{' '}
      {corrections.map((c, i) => (
        <span key={c.from}>
          {i > 0 && (i === corrections.length - 1 ? ' ni ' : ', ')}« {c.from} »
        </span>
      ))}
      .
    </p>
  );
}

function ActiveFilters({ active }: { active: ActiveFilter[] }) {
  return (
    <div class="active-filters">
      <p class="active-filters__title" id="filtres-actifs">
        Critères choisis :
      </p>
      <ul aria-labelledby="filtres-actifs">
        {active.map((a) => (
          <li key={a.label}>
            <a href={a.removeHref} class="active-filters__remove">
              <span class="visually-hidden">Retirer le critère </span>
              {a.label}
              <span aria-hidden="true"> ×</span>
            </a>
          </li>
        ))}
        <li>
          <a href={searchPath}>Tout effacer</a>
        </li>
      </ul>
    </div>
  );
}

function EmptyState({
  filters,
  active,
  reference,
}: {
  filters: SearchFilters;
  active: ActiveFilter[];
  reference: SearchReference;
}) {
  const wider = widenings(filters, reference);
  return (
    <div class="search-empty">
      <p>Aucune opportunité ne correspond à tous ces critères pour le moment.</p>
      {active.length > 0 ? (
        <>
          <p>Pour élargir la recherche :</p>
          <ul>
            {wider.map((w) => (
              <li key={w.label}>
                <a href={w.removeHref}>{w.label}</a>
              </li>
            ))}
            {active.map((a) => (
              <li key={a.label}>
                <a href={a.removeHref}>Retirer : {a.label}</a>
              </li>
            ))}
            <li>
              <a href={searchPath}>Voir toutes les opportunités</a>
            </li>
          </ul>
          <p>
            Vous pouvez aussi{' '}
            <a href={`${searchPath}/alerte?${filtersToQuery(filters, { page: 1 })}`}>recevoir par courriel</a>{' '}
            les prochaines opportunités qui correspondront à cette recherche.
          </p>
        </>
      ) : (
        <p>Revenez bientôt : de nouvelles offres sont publiées chaque semaine.</p>
      )}
    </div>
  );
}
