import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { isFiltered, parseFilters } from '../search/filters.js';
import { searchOpportunities } from '../search/index.js';
import { searchReference } from '../search/reference.js';
import { searchDescription, searchPath, searchTitle } from '../search/summary.js';
import { SearchPage } from './page.js';

/**
 * The public search: GET /opportunites with every filter in the query string. Bad parameters never fail
 * the page: they are dropped, said in French above the results, and the search runs with the rest.
 */
export function searchRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  ctx.navigation.add({ href: searchPath, label: 'Opportunités', order: 30 });

  app.get(searchPath, async (request, reply) => {
    const { filters, errors } = parseFilters((request.query ?? {}) as Record<string, unknown>);
    const reference = await searchReference(db);
    if (filters.commune && !reference.communeNames.has(filters.commune)) {
      errors.commune = `Commune inconnue : « ${filters.commune} ». La recherche porte sur toutes les communes.`;
      filters.commune = null;
      filters.radiusKm = null;
    }
    const result = await searchOpportunities(db, filters);
    return reply.page({
      title: searchTitle(filters, reference),
      description: searchDescription(filters, reference, result.total),
      canonical: searchPath,
      noindex: isFiltered(filters) || Object.keys(errors).length > 0,
      scripts: ['opportunity-filters'],
      body: <SearchPage filters={filters} result={result} errors={errors} reference={reference} />,
    });
  });
}
