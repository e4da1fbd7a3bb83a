import type { FastifyInstance } from 'fastify';
import { render } from 'preact-render-to-string';
import { derivedCache } from '../../../core/cache/index.js';
import type { AppContext } from '../../../core/context.js';
import { localWrites, readDataVersion } from '../../../core/http/index.js';
import { isFiltered, parseFilters } from '../search/filters.js';
import { searchOpportunities } from '../search/index.js';
import { searchReference } from '../search/reference.js';
import { searchDescription, searchPath, searchTitle } from '../search/summary.js';
import { SearchPage } from './page.js';

/**
 * The public search: GET /opportunites with every filter in the query string. Bad parameters never fail
 * the page: they are dropped, said in French above the results, and the search runs with the rest.
 *
 * The results area is the same for every visitor of a given search: it is rendered once per query string and
 * data version (like the territory's pages), and only the layout around it is rendered per request.
 */
export function searchRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  ctx.navigation.add({ href: searchPath, label: 'Opportunités', order: 30 });
  const views = derivedCache({
    version: () => readDataVersion(db).then(String),
    writes: () => localWrites(db),
    maxEntries: 300,
    // Expiry is also a matter of time: an opportunity past its date leaves the page within a minute.
    maxAgeMs: 60_000,
  });

  async function view(query: Record<string, unknown>) {
    const { filters, errors } = parseFilters(query);
    const reference = await searchReference(db);
    if (filters.commune && !reference.communeNames.has(filters.commune)) {
      errors.commune = `Commune inconnue : « ${filters.commune} ». La recherche porte sur toutes les communes.`;
      filters.commune = null;
      filters.radiusKm = null;
    }
    const result = await searchOpportunities(db, filters);
    return {
      title: searchTitle(filters, reference),
      description: searchDescription(filters, reference, result.total),
      noindex: isFiltered(filters) || Object.keys(errors).length > 0,
      html: render(<SearchPage filters={filters} result={result} errors={errors} reference={reference} />),
    };
  }

  app.get(searchPath, async (request, reply) => {
    const query = (request.query ?? {}) as Record<string, unknown>;
    const queryString = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
    const page =
      queryString.length <= 2000 ? await views.get(queryString, () => view(query)) : await view(query);
    return reply.page({
      title: page.title,
      description: page.description,
      canonical: searchPath,
      noindex: page.noindex,
      scripts: ['opportunity-filters'],
      body: <div class="search-page-body" dangerouslySetInnerHTML={{ __html: page.html }} />,
    });
  });
}
