import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import type { Db } from '../../../core/db/index.js';
import { listProfiles } from '../../content/index.js';
import { type SearchFilters, type SearchHit, searchOpportunities } from '../search/index.js';
import { baseUrl, exportFilters, openDataHeaders, searchCacheControl } from './api-http.js';
import { csvFileName, csvRowCap, opportunitiesCsv } from './csv-export.js';

/**
 * Every match of a search up to `cap`, in the search's order. The search serves pages of a bounded size: ask
 * for everything at once, then walk the pages if it answered with fewer (its order ends on the id, so pages
 * never overlap; ids are checked anyway).
 */
export async function allMatches(
  db: Db,
  filters: SearchFilters,
  cap: number,
): Promise<{ total: number; items: SearchHit[] }> {
  const first = await searchOpportunities(db, { ...filters, page: 1 }, { pageSize: cap, facets: false });
  const items = new Map(first.items.map((o) => [o.id, o]));
  const wanted = Math.min(first.total, cap);
  let page = 1;
  let last = first.items.length;
  while (items.size < wanted && last === first.pageSize && last > 0) {
    page++;
    const next = await searchOpportunities(
      db,
      { ...filters, page },
      { pageSize: first.pageSize, facets: false },
    );
    for (const o of next.items) items.set(o.id, o);
    last = next.items.length;
  }
  return { total: first.total, items: [...items.values()].slice(0, cap) };
}

/** `/opportunites/export.csv?<filters>`: every match of a search (up to csvRowCap) as a spreadsheet file. */
export function csvRoutes(app: FastifyInstance, ctx: AppContext) {
  const publicUrl = baseUrl(ctx.config.PUBLIC_URL);
  app.get('/opportunites/export.csv', { onSend: openDataHeaders }, async (request, reply) => {
    const filters = exportFilters(request.query);
    const [result, profiles] = await Promise.all([
      allMatches(ctx.db, filters, csvRowCap),
      listProfiles(ctx.db),
    ]);
    const csv = opportunitiesCsv(result.items, {
      publicUrl,
      kinds: filters.kinds,
      profileNames: new Map(profiles.map((p) => [p.slug, p.name])),
      withDistance: filters.commune !== null,
    });
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${csvFileName()}"`)
      .header('x-total-count', String(result.total))
      .header('cache-control', searchCacheControl)
      .send(csv);
  });
}
