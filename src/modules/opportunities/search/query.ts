import { type SQL, sql } from 'drizzle-orm';
import { type Db, one, rows } from '../../../core/db/index.js';
import { isPublic, normalisePublic, publicColumns, publicJoins } from '../public.js';
import { type Centre, centroidOf, distanceSql, radiusSql } from './geo.js';
import { correctText, prepareText } from './text.js';
import type { FacetName, SearchFilters, SearchHit, SearchOptions, SearchResult } from './types.js';

export const defaultPageSize = 20;
export const maxPageSize = 100;

/** The facets counted from one column each, in the order of the grouping sets below. */
const columnFacets = [
  ['kind', 'o.kind'],
  ['epci', 'o.epci_code'],
  ['contractType', 'o.contract_type'],
  ['sector', 'o.sector'],
  ['priceBand', 'o.price_band'],
  ['profile', 'o.target_profiles'],
] as const satisfies readonly (readonly [FacetName, string])[];
const facetNames: FacetName[] = [...columnFacets.map(([name]) => name), 'wanted', 'openToCouples'];

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** The condition of each facet's own filter (null when nothing is chosen in it). */
function facetConditions(f: SearchFilters): Record<FacetName, SQL | null> {
  return {
    kind: f.kinds.length ? sql`o.kind in (${list(f.kinds)})` : null,
    epci: f.epcis.length ? sql`o.epci_code in (${list(f.epcis)})` : null,
    contractType: f.contractTypes.length ? sql`o.contract_type in (${list(f.contractTypes)})` : null,
    sector: f.sectors.length ? sql`o.sector in (${list(f.sectors)})` : null,
    priceBand: f.priceBands.length ? sql`o.price_band in (${list(f.priceBands)})` : null,
    profile: f.profiles.length ? sql`o.target_profiles && array[${list(f.profiles)}]::text[]` : null,
    wanted: f.wanted ? sql`o.wanted` : null,
    openToCouples: f.openToCouples ? sql`o.open_to_couples` : null,
  };
}

const and = (conditions: (SQL | null)[]) => {
  const present = conditions.filter((c): c is SQL => c !== null);
  return present.length ? sql.join(present, sql` and `) : sql`true`;
};

const emptyFacets = (): Record<FacetName, Record<string, number>> =>
  Object.fromEntries(facetNames.map((name) => [name, {}])) as Record<FacetName, Record<string, number>>;

/**
 * Searches public opportunities: French full text (prefix on stems), filters, place (a commune, or a radius
 * around it), sort, one page of results, the total, and per-facet counts with every other filter applied.
 * Two queries side by side: the page, and one scan that counts every facet at once through grouping sets.
 * When the text finds nothing, its misspelt words are replaced by the closest known ones and the search runs
 * once more, saying so in `corrections`.
 */
export async function searchOpportunities(
  db: Db,
  filters: SearchFilters,
  options: SearchOptions = {},
): Promise<SearchResult> {
  const pageSize = Math.min(Math.max(Math.trunc(options.pageSize ?? defaultPageSize), 1), maxPageSize);
  const page = Math.max(1, Math.trunc(filters.page) || 1);
  const [text, centre] = await Promise.all([
    prepareText(db, filters.q),
    filters.commune ? centroidOf(db, filters.commune) : undefined,
  ]);
  const run = (query: string | null) => runSearch(db, filters, options, { query, centre, page, pageSize });
  const first = await run(text.query);
  if (first.total === 0 && text.query) {
    const corrected = await correctText(db, text);
    if (corrected) return { ...(await run(corrected.query)), corrections: corrected.corrections };
  }
  return first;
}

interface RunOptions {
  query: string | null;
  centre: Centre | undefined;
  page: number;
  pageSize: number;
}

async function runSearch(
  db: Db,
  filters: SearchFilters,
  options: SearchOptions,
  { query, centre, page, pageSize }: RunOptions,
): Promise<SearchResult> {
  // Place: a commune alone is that commune; with a radius, the circle around its centroid.
  let place: SQL | null = null;
  if (filters.commune) {
    if (filters.radiusKm && centre) place = radiusSql(centre, filters.radiusKm);
    else if (filters.radiusKm) place = sql`false`;
    else place = sql`o.public_commune_code = ${filters.commune}`;
  }
  const base = and([
    isPublic,
    query ? sql`o.search_doc @@ ${query}::tsquery` : null,
    place,
    options.publishedAfter
      ? sql`o.published_at > ${options.publishedAfter.toISOString()}::timestamptz`
      : null,
  ]);
  const own = facetConditions(filters);
  const where = and([base, ...facetNames.map((name) => own[name])]);

  const distance = centre ? distanceSql(centre) : null;
  const sort = filters.sort === 'distance' && !distance ? 'relevance' : filters.sort;
  const rank = sort === 'relevance' && query ? sql`ts_rank_cd(o.search_doc, ${query}::tsquery)` : null;
  /** The page's order over narrow rows `p` (id, at, d = distance, r = rank). */
  const order = sql.raw(
    [
      sort === 'distance' && distance ? 'p.d asc nulls last' : null,
      rank ? 'p.r desc' : null,
      'p.at desc nulls last',
      'p.id',
    ]
      .filter(Boolean)
      .join(', '),
  );
  const narrow = sql`o.id, o.published_at as at, ${distance ?? sql`null::float8`} as d, ${rank ?? sql`null::float4`} as r`;
  const slice = { order, limit: pageSize, offset: (page - 1) * pageSize };

  if (options.facets === false) {
    const [found, row] = await Promise.all([
      rows(db, pageQuery(sql`select ${narrow} from opportunities o where ${where}`, slice)),
      one<{ total: number }>(db, sql`select count(*)::int as total from opportunities o where ${where}`),
    ]);
    return {
      filters,
      total: Number(row?.total ?? 0),
      page,
      pageSize,
      items: found.map(toHit),
      facets: emptyFacets(),
      corrections: [],
    };
  }
  const counted = await searchWithFacets(db, { base, own, narrow, slice });
  return {
    filters,
    total: counted.total,
    page,
    pageSize,
    items: counted.items,
    facets: counted.facets,
    communeCounts: counted.communeCounts,
    corrections: [],
  };
}

interface Slice {
  order: SQL;
  limit: number;
  offset: number;
}

/** One page of the narrow rows `matches` yields, then those rows read whole, in the page's order. */
function pageQuery(matches: SQL, { order, limit, offset }: Slice): SQL {
  return sql`select ${publicColumns}, p.d as "distanceKm"
    from (select * from (${matches}) p order by ${order} limit ${limit} offset ${offset}) p
    join opportunities o on o.id = p.id
    ${publicJoins}
    order by ${order}`;
}

function toHit(row: Record<string, unknown>): SearchHit {
  const { distanceKm, ...rest } = row;
  return {
    ...normalisePublic(rest),
    // Rounded: the last bits of trigonometry may differ between engines, the page must not.
    distanceKm:
      distanceKm === null || distanceKm === undefined ? null : Math.round(Number(distanceKm) * 100) / 100,
  };
}

/**
 * The page and every facet from one scan, in one statement. The matching rows are kept narrow (`m`), each
 * with whether it passes every filter but one facet's (`p<i>`), or all of them (`pall`). A facet's counts
 * are over the rows passing all the OTHER filters, grouped by that facet's column: each grouping set pairs
 * the column with its pass flag, so one count(*) per group does (rows that do not pass fall in the `false`
 * groups, left out). Profiles group by their array, split afterwards: a row counts once in each profile it
 * targets. One more set counts results per public commune, for the map; the last one the total and the two
 * flags. The page is the first rows of `m` passing every filter, read whole.
 */
async function searchWithFacets(
  db: Db,
  { base, own, narrow, slice }: { base: SQL; own: Record<FacetName, SQL | null>; narrow: SQL; slice: Slice },
) {
  const allBut = (skip: FacetName | null) => and(facetNames.filter((n) => n !== skip).map((n) => own[n]));
  const passes = [
    ...columnFacets.map(([name], i) => sql`(${allBut(name)}) as p${sql.raw(String(i))}`),
    sql`(${allBut(null)}) as pall`,
    sql`(o.wanted and ${allBut('wanted')}) as pw`,
    sql`(o.open_to_couples and ${allBut('openToCouples')}) as poc`,
  ];
  const columns = [...columnFacets.map(([, column]) => column), 'o.public_commune_code'].map((column, i) =>
    sql.raw(`${column} as k${i}`),
  );
  const keys = columns.map((_, i) => sql.raw(`k${i}`));
  const sets = [
    ...columnFacets.map((_, i) => sql.raw(`(k${i}, p${i})`)),
    sql.raw(`(k${columnFacets.length}, pall)`),
    sql.raw('(pall, pw, poc)'),
  ];
  const [row] = await rows<{ facets: unknown; items: unknown }>(
    db,
    sql`with m as materialized (
        select ${narrow}, ${sql.join(columns, sql`, `)}, ${sql.join(passes, sql`, `)}
        from opportunities o where ${base}
      ),
      f as (
        select grouping(${sql.join(keys, sql`, `)})::int as g, ${sql.join(keys, sql`, `)},
          ${sql.raw(columnFacets.map((_, i) => `p${i}`).join(', '))}, pall, pw, poc, count(*)::int as n
        from m
        group by grouping sets (${sql.join(sets, sql`, `)})
      ),
      page as (
        select p.id, p.at, p.d, p.r from m p where pall
        order by ${slice.order} limit ${slice.limit} offset ${slice.offset}
      )
      select
        (select coalesce(json_agg(f), '[]'::json) from f) as facets,
        (select coalesce(json_agg(x order by x.n), '[]'::json) from (
          select ${publicColumns}, p.d as "distanceKm", row_number() over (order by ${slice.order}) as n
          from page p join opportunities o on o.id = p.id ${publicJoins}
        ) x) as items`,
  );
  const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown>[];
  const groups = json(row?.facets ?? []);
  const items = json(row?.items ?? []).map(({ n: _n, ...rest }) => toHit(rest));
  const facets = emptyFacets();
  const communeCounts: Record<string, number> = {};
  let total = 0;
  // grouping() sets a bit per key left out of the row's set, the first key being the highest bit.
  const all = (1 << keys.length) - 1;
  const setOf = (g: number) => keys.findIndex((_, j) => g === all - (1 << (keys.length - 1 - j)));
  for (const group of groups) {
    const n = Number(group.n);
    const g = Number(group.g);
    if (g === all) {
      if (group.pall === true) total += n;
      // A flag's count: the rows passing every other filter that hold the flag ('1', as in the URL).
      if (group.pw === true) facets.wanted['1'] = (facets.wanted['1'] ?? 0) + n;
      if (group.poc === true) facets.openToCouples['1'] = (facets.openToCouples['1'] ?? 0) + n;
      continue;
    }
    const i = setOf(g);
    const key = group[`k${i}`];
    if (i < 0 || key === null || key === undefined) continue;
    if (i === columnFacets.length) {
      if (group.pall === true) communeCounts[String(key)] = n;
      continue;
    }
    if (group[`p${i}`] !== true) continue;
    const [name] = columnFacets[i];
    const values = Array.isArray(key) ? key.map(String) : [String(key)];
    for (const value of values) facets[name][value] = (facets[name][value] ?? 0) + n;
  }
  return { total, facets, communeCounts, items };
}
