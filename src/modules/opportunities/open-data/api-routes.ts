import type { FastifyInstance } from 'fastify';
import { derivedCache } from '../../../core/cache/index.js';
import type { AppContext } from '../../../core/context.js';
import { localWrites, notFound, pageCount, readDataVersion } from '../../../core/http/index.js';
import { listProfiles } from '../../content/index.js';
import { listEpcis } from '../../territory/index.js';
import { findPublicOpportunity } from '../public.js';
import { searchOpportunities } from '../search/index.js';
import { baseUrl, openDataHeaders, searchCacheControl } from './api-http.js';
import { openApiDocument } from './api-openapi.js';
import { apiListUrl, errorSummary, parseApiQuery } from './api-params.js';
import { type ApiList, toApiOpportunity } from './api-representation.js';
import { csvRoutes } from './csv-routes.js';
import { feedRoutes, feedSize } from './feed-routes.js';
import { openDataPageRoutes } from './page.js';

/**
 * Open data: the JSON API (v1) and its OpenAPI document, the CSV export and Atom feed of a search, and the
 * page that explains them. Everything here is built from PublicOpportunity only (public.ts).
 */
export function apiRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const publicUrl = baseUrl(ctx.config.PUBLIC_URL);
  const open = { onSend: openDataHeaders };
  const lists = derivedCache({
    version: () => readDataVersion(db).then(String),
    writes: () => localWrites(db),
    maxEntries: 300,
    maxAgeMs: 60_000,
  });

  app.get('/api/v1/opportunities', open, async (request, reply) => {
    const parsed = parseApiQuery(request.query as Record<string, unknown>);
    if (!parsed.ok) {
      return reply.code(400).send({
        error: { code: 'invalid', message: errorSummary(parsed.errors), fields: parsed.errors },
      });
    }
    const query = parsed.value;
    const queryString = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
    // The answer to one query is the same for every client until the data changes: serialised once.
    const answer = await lists.get(queryString, async () => {
      const result = await searchOpportunities(db, query.filters, {
        pageSize: query.perPage,
        facets: query.facets,
      });
      const page = query.filters.page;
      const pages = pageCount(result.total, query.perPage);
      const url = (n: number) => apiListUrl(publicUrl, query, n);
      const body: ApiList = {
        data: result.items.map((o) => toApiOpportunity(o, publicUrl)),
        meta: {
          total: result.total,
          page,
          perPage: query.perPage,
          pages,
          corrections: result.corrections ?? [],
        },
        links: {
          self: url(page),
          first: url(1),
          last: url(pages),
          next: page < pages ? url(page + 1) : null,
          prev: page > 1 ? url(Math.min(page - 1, pages)) : null,
        },
        ...(query.facets ? { facets: result.facets } : {}),
      };
      const link = [
        `<${body.links.first}>; rel="first"`,
        `<${body.links.last}>; rel="last"`,
        ...(body.links.next ? [`<${body.links.next}>; rel="next"`] : []),
        ...(body.links.prev ? [`<${body.links.prev}>; rel="prev"`] : []),
      ].join(', ');
      return { json: JSON.stringify(body), total: result.total, link };
    });
    return reply
      .type('application/json; charset=utf-8')
      .header('cache-control', searchCacheControl)
      .header('x-total-count', String(answer.total))
      .header('link', answer.link)
      .send(answer.json);
  });

  app.get<{ Params: { id: string } }>('/api/v1/opportunities/:id', open, async (request, reply) => {
    const found = await findPublicOpportunity(db, request.params.id);
    if (!found) throw notFound('Cette opportunité n’existe pas, a expiré ou a été retirée.');
    return reply.header('cache-control', searchCacheControl).send(toApiOpportunity(found, publicUrl));
  });

  app.get('/api/v1/openapi.json', open, async (_request, reply) => {
    const [epcis, profiles] = await Promise.all([listEpcis(db), listProfiles(db)]);
    const document = openApiDocument({ publicUrl, siteName: ctx.siteName(), epcis, profiles, feedSize });
    return reply.header('cache-control', 'public, max-age=3600').send(document);
  });

  // Browsers only ask before a cross-site request with custom headers; answer them for every API address.
  app.options('/api/v1/*', async (_request, reply) =>
    reply
      .code(204)
      .header('access-control-allow-origin', '*')
      .header('access-control-allow-methods', 'GET, HEAD, OPTIONS')
      .header('access-control-allow-headers', 'accept, accept-language, content-type, if-none-match')
      .header('access-control-max-age', '86400')
      .send(),
  );

  csvRoutes(app, ctx);
  feedRoutes(app, ctx);
  openDataPageRoutes(app, ctx);
}
