import {
  Breadcrumbs,
  ErrorSummary,
  Pagination,
  plural,
  Select,
  TextInput,
} from '../../../core/views/index.js';
import { opportunityPath, type PublicOpportunity } from '../../opportunities/index.js';
import { type CommuneMatch, communePath } from '../../territory/index.js';
import { contentPath, searchPath } from '../paths.js';
import { kindLabels } from '../themes.js';
import { type ContentHit, headlineParts } from './query.js';

export const searchTypes = {
  contenus: 'Récits, actualités et pages',
  communes: 'Communes',
  opportunites: 'Opportunités',
} as const;
export type SearchType = keyof typeof searchTypes;

export interface SearchView {
  q: string;
  type: SearchType | null;
  error: string | null;
  results: {
    contents: { total: number; hits: ContentHit[]; page: number; pageCount: number } | null;
    communes: { list: CommuneMatch[]; limit: number } | null;
    opportunities: { total: number; items: PublicOpportunity[]; href: string } | null;
  } | null;
}

const href = (q: string, type?: SearchType, page = 1) => {
  const params = new URLSearchParams({ q });
  if (type) params.set('type', type);
  if (page > 1) params.set('page', String(page));
  return `${searchPath}?${params}`;
};

function Snippet({ headline }: { headline: string }) {
  return (
    <p class="search-hit__snippet">
      {headlineParts(headline).map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : p.text))}
    </p>
  );
}

function Form({ q, type, error }: Pick<SearchView, 'q' | 'type' | 'error'>) {
  return (
    <form class="site-search" method="get" action={searchPath} role="search">
      <TextInput
        name="q"
        type="search"
        label="Rechercher sur le site"
        hint="Un métier, une commune, un sujet : « infirmière », « Figeac », « fibre »…"
        value={q}
        errors={error ? { q: error } : null}
      />
      <Select
        name="type"
        label="Dans"
        value={type ?? ''}
        options={[
          { value: '', label: 'Tout le site' },
          ...Object.entries(searchTypes).map(([value, label]) => ({ value, label })),
        ]}
      />
      <button type="submit" class="button">
        Rechercher
      </button>
    </form>
  );
}

export function SearchPage({ view }: { view: SearchView }) {
  const { q, type, error, results } = view;
  const r = results;
  const total = r
    ? (r.contents?.total ?? 0) + (r.communes?.list.length ?? 0) + (r.opportunities?.total ?? 0)
    : 0;
  return (
    <div class="container site-search-page">
      <Breadcrumbs items={[{ href: '/', label: 'Accueil' }, { label: 'Recherche' }]} />
      <h1>Rechercher</h1>
      <ErrorSummary errors={error ? { q: error } : null} />
      <Form q={q} type={type} error={error} />
      {r && (
        <section class="search-results" aria-labelledby="resultats">
          <h2 id="resultats">
            {total ? `${plural(total, 'résultat')} pour « ${q} »` : `Aucun résultat pour « ${q} »`}
          </h2>
          {total === 0 && (
            <div class="search-empty">
              <p>Nous n’avons rien trouvé. Quelques pistes :</p>
              <ul>
                <li>vérifiez l’orthographe, ou essayez un mot plus court ou plus général ;</li>
                <li>cherchez une commune par son nom ou son code postal ;</li>
                <li>
                  parcourez <a href="/opportunites">toutes les opportunités</a>,{' '}
                  <a href="/territoire">le territoire</a> ou{' '}
                  <a href="/pourquoi-le-lot">ce qui fait la qualité de vie ici</a>.
                </li>
              </ul>
            </div>
          )}
          {r.contents && r.contents.total > 0 && (
            <section class="search-group" aria-labelledby="resultats-contenus">
              <h3 id="resultats-contenus">
                {searchTypes.contenus} ({r.contents.total})
              </h3>
              <ol class="search-hits">
                {r.contents.hits.map((h) => (
                  <li key={h.id} class="search-hit">
                    <p class="search-hit__kind">
                      {kindLabels[h.kind].one}
                      {h.demo && ' · contenu de démonstration'}
                    </p>
                    <h4>
                      <a href={contentPath(h.kind, h.slug)}>{h.title}</a>
                    </h4>
                    <Snippet headline={h.headline} />
                  </li>
                ))}
              </ol>
              {type === 'contenus' ? (
                <Pagination
                  page={r.contents.page}
                  pageCount={r.contents.pageCount}
                  href={(p) => href(q, 'contenus', p)}
                />
              ) : (
                r.contents.total > r.contents.hits.length && (
                  <p>
                    <a href={href(q, 'contenus')}>Voir les {r.contents.total} contenus</a>
                  </p>
                )
              )}
            </section>
          )}
          {r.communes && r.communes.list.length > 0 && (
            <section class="search-group" aria-labelledby="resultats-communes">
              <h3 id="resultats-communes">
                {searchTypes.communes} ({r.communes.list.length}
                {r.communes.list.length >= r.communes.limit ? ' premières' : ''})
              </h3>
              <ul class="search-communes">
                {r.communes.list.map((c) => (
                  <li key={c.code}>
                    <a href={communePath(c)}>{c.name}</a> <span>{c.postalCodes.join(', ')}</span>
                    {c.epciName && <span class="search-communes__epci"> · {c.epciName}</span>}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {r.opportunities && r.opportunities.total > 0 && (
            <section class="search-group" aria-labelledby="resultats-opportunites">
              <h3 id="resultats-opportunites">
                {searchTypes.opportunites} ({r.opportunities.total})
              </h3>
              <ul class="search-opportunities">
                {r.opportunities.items.map((o) => (
                  <li key={o.id}>
                    <a href={opportunityPath(o)}>{o.title}</a>
                    {o.communeName && <span> · {o.communeName}</span>}
                    {o.demo && <span> · exemple fictif</span>}
                  </li>
                ))}
              </ul>
              <p>
                <a href={r.opportunities.href}>
                  Voir{' '}
                  {r.opportunities.total > 1 ? `les ${r.opportunities.total} opportunités` : 'l’opportunité'}{' '}
                  dans la recherche des opportunités
                </a>
              </p>
            </section>
          )}
        </section>
      )}
    </div>
  );
}
