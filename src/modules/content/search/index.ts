import type { FastifyInstance } from 'fastify';
import { createElement } from 'preact';
import type { AppContext } from '../../../core/context.js';
import type { Db } from '../../../core/db/index.js';
import { emptyFilters, filtersToQuery, searchOpportunities } from '../../opportunities/index.js';
import { searchCommunes } from '../../territory/index.js';
import { searchPath } from '../paths.js';
import { SearchPage, type SearchType, type SearchView, searchTypes } from './page.js';
import { searchContents } from './query.js';

export const maxQueryLength = 200;
/** The commune search refuses longer text: a longer query is cut before it is asked. */
const maxCommuneQuery = 100;
const pageSize = 10;
const maxPage = 100;

/**
 * The last value of a parameter that may be repeated (?q=a&q=b), as a form would send it. Control characters
 * become spaces: PostgreSQL refuses a NUL in text (`?q=a%00b` must not be a 500).
 */
function param(value: unknown): string {
  const last = Array.isArray(value) ? value.at(-1) : value;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing these characters is the point
  return typeof last === 'string' ? last.replace(/[\u0000-\u001f\u007f]/g, ' ').trim() : '';
}

const isType = (value: string): value is SearchType => Object.hasOwn(searchTypes, value);

/** Runs the groups the visitor asked for (all when no type is chosen), side by side. */
async function runSearch(
  db: Db,
  q: string,
  type: SearchType | null,
  page: number,
): Promise<SearchView['results']> {
  const wants = (t: SearchType) => type === null || type === t;
  const limit = type === 'contenus' ? pageSize : 5;
  const opportunityFilters = { ...emptyFilters, q };
  const [contents, communes, opportunities] = await Promise.all([
    wants('contenus')
      ? searchContents(db, q, { limit, offset: type === 'contenus' ? (page - 1) * pageSize : 0 })
      : null,
    wants('communes') ? searchCommunes(db, q.slice(0, maxCommuneQuery), 20) : null,
    wants('opportunites')
      ? searchOpportunities(db, opportunityFilters, { pageSize: 5, facets: false })
      : null,
  ]);
  const pageCount = contents ? Math.min(maxPage, Math.ceil(contents.total / pageSize)) : 0;
  // A page past the last one (an old link, a hand-typed URL) shows the last page rather than an empty list.
  const shown =
    contents && type === 'contenus' && pageCount > 0 && page > pageCount
      ? { list: await searchContents(db, q, { limit, offset: (pageCount - 1) * pageSize }), page: pageCount }
      : { list: contents, page };
  return {
    contents: shown.list && { ...shown.list, page: shown.page, pageCount },
    communes: communes && { list: communes, limit: 20 },
    opportunities: opportunities && {
      total: opportunities.total,
      items: opportunities.items,
      href: `/opportunites?${filtersToQuery(opportunityFilters)}`,
    },
  };
}

/**
 * One search over the site: public content (French full text, accent-insensitive), communes and, through its
 * module, opportunities. A GET form that works without script; anonymous answers are kept by the page cache.
 */
export function searchRoutes(app: FastifyInstance, ctx: AppContext): void {
  ctx.navigation.add({ href: searchPath, label: 'Rechercher', order: 90 });

  app.get(searchPath, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const raw = param(query.q);
    const rawType = param(query.type);
    const type = isType(rawType) ? rawType : null;
    const page = Math.min(maxPage, Math.max(1, Number.parseInt(param(query.page), 10) || 1));
    const tooLong = raw.length > maxQueryLength;
    const error = tooLong
      ? `Votre recherche est trop longue : ${maxQueryLength} caractères au plus (elle en compte ${raw.length}).`
      : null;
    const q = tooLong ? raw.slice(0, maxQueryLength) : raw;
    const results = q && !tooLong ? await runSearch(ctx.db, q, type, page) : null;
    const view: SearchView = { q, type, error, results };
    return reply.page({
      title: q && !tooLong ? `Recherche « ${q} »` : 'Rechercher sur le site',
      description: 'Chercher dans les récits, les actualités, les communes et les opportunités du Lot.',
      canonical: q ? undefined : searchPath,
      noindex: Boolean(q),
      status: tooLong ? 400 : 200,
      body: createElement(SearchPage, { view }),
    });
  });
}
