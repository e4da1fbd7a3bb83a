import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { describeFilters, loadFilterNames } from '../alerts/describe.js';
import { contractTypes, kindLabels, labelOf } from '../kinds.js';
import { opportunityPath, type PublicOpportunity } from '../public.js';
import { filtersToQuery, type SearchFilters, searchOpportunities } from '../search/index.js';
import { baseUrl, exportFilters, openDataHeaders, searchCacheControl } from './api-http.js';
import { licenceName } from './api-openapi.js';
import { atomXml, excerpt } from './feed-atom.js';

/** Entries of a feed: the newest matches. */
export const feedSize = 50;

/** "Cahors · Offre d’emploi · CDI · Centre hospitalier", then the start of the description. */
function entrySummary(o: PublicOpportunity): string {
  const facts = [
    o.communeName ?? o.epciName,
    kindLabels[o.kind],
    labelOf(contractTypes, o.contractType),
    o.kind === 'job' ? o.employerName : null,
  ].filter(Boolean);
  return `${facts.join(' · ')}\n\n${excerpt(o.description)}`;
}

/** `/opportunites/flux.atom?<filters>`: the newest matches of a search, for a feed reader. */
export function feedRoutes(app: FastifyInstance, ctx: AppContext) {
  const publicUrl = baseUrl(ctx.config.PUBLIC_URL);
  app.get('/opportunites/flux.atom', { onSend: openDataHeaders }, async (request, reply) => {
    const filters: SearchFilters = { ...exportFilters(request.query), sort: 'newest', page: 1 };
    const [result, names] = await Promise.all([
      searchOpportunities(ctx.db, filters, { pageSize: feedSize, facets: false }),
      loadFilterNames(ctx.db, filters),
    ]);
    // The feed always lists the newest: its address does not depend on a sort parameter.
    const feedQuery = filtersToQuery(filters, { sort: 'relevance' });
    const selfUrl = `${publicUrl}/opportunites/flux.atom${feedQuery ? `?${feedQuery}` : ''}`;
    const xml = atomXml({
      id: selfUrl,
      title: `${describeFilters(filters, names)} — ${ctx.siteName()}`,
      subtitle: `Les ${feedSize} opportunités les plus récentes de cette recherche.`,
      selfUrl,
      htmlUrl: `${publicUrl}/opportunites?${filtersToQuery(filters)}`,
      authorName: ctx.siteName(),
      rights: `Données publiées sous ${licenceName}`,
      updatedWhenEmpty: new Date(),
      entries: result.items.slice(0, feedSize).map((o) => ({
        id: `urn:uuid:${o.id}`,
        title: o.title,
        url: `${publicUrl}${opportunityPath(o)}`,
        summary: entrySummary(o),
        published: o.publishedAt,
        updated: o.updatedAt,
        categories: [{ term: o.kind, label: kindLabels[o.kind] }],
      })),
    });
    return reply
      .header('content-type', 'application/atom+xml; charset=utf-8')
      .header('cache-control', searchCacheControl)
      .send(xml);
  });
}
