import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../../core/db/index.js';
import {
  emptyFilters,
  filtersToQuery,
  type PublicOpportunity,
  type SearchFilters,
  searchOpportunities,
} from '../../opportunities/index.js';
import {
  communeCardSummary,
  communePath,
  communeSummaryFacts,
  territorySeed,
} from '../../territory/index.js';
import { listProfiles } from '../brand.js';
import type { PublicContent } from '../queries.js';
import type { TagNames } from './card.js';

/** Profile and commune names for the tags of these contents, in two small queries. */
export async function tagNames(db: Db, contents: PublicContent[]): Promise<TagNames> {
  const codes = [...new Set(contents.flatMap((c) => c.communeCodes))];
  const [profiles, communes] = await Promise.all([
    listProfiles(db),
    codes.length
      ? rows<{ code: string; name: string }>(db, sql`select code, name from communes where code in ${codes}`)
      : Promise.resolve([]),
  ]);
  return {
    profiles: new Map(profiles.map((p) => [p.slug, p.name])),
    communes: new Map(communes.map((c) => [c.code, c.name])),
  };
}

export interface Related {
  items: PublicOpportunity[];
  /** The search page with the same filters, for « see them all ». */
  searchHref: string;
  /** What the opportunities were chosen by, e.g. « autour de Figeac ». */
  basis: string;
}

const radiusKm = 20;

/**
 * Opportunities near the content's place: around its first commune, else in its intercommunalités, else for
 * its target profiles. The first of these searches that finds anything wins (up to 4 opportunities).
 */
export async function relatedOpportunities(
  db: Db,
  c: PublicContent,
  communeName: string | null,
): Promise<Related | null> {
  const attempts: { filters: SearchFilters; basis: string }[] = [];
  const commune = c.communeCodes[0] ?? c.placeCommuneCode;
  if (commune && communeName)
    attempts.push({
      filters: { ...emptyFilters, commune, radiusKm, sort: 'newest' },
      basis: `à moins de ${radiusKm} km de ${communeName}`,
    });
  if (c.epciCodes.length)
    attempts.push({
      filters: { ...emptyFilters, epcis: c.epciCodes, sort: 'newest' },
      basis: 'dans le même territoire',
    });
  if (c.profiles.length)
    attempts.push({
      filters: { ...emptyFilters, profiles: c.profiles, sort: 'newest' },
      basis: 'pour le même profil',
    });
  for (const attempt of attempts) {
    const result = await searchOpportunities(db, attempt.filters, { pageSize: 4, facets: false });
    if (result.items.length)
      return {
        items: result.items,
        searchHref: `/opportunites?${filtersToQuery(attempt.filters)}`,
        basis: attempt.basis,
      };
  }
  return null;
}

export interface CommuneBox {
  name: string;
  href: string;
  summary: string;
  postalCodes: string[];
}

/** The card of the content's first commune: its factual summary and a link to its page. */
export async function communeBox(db: Db, code: string | undefined | null): Promise<CommuneBox | null> {
  if (!code) return null;
  const facts = await communeSummaryFacts(db, code);
  if (!facts) return null;
  return {
    name: facts.commune.name,
    href: communePath(facts.commune),
    summary: communeCardSummary(facts, facts.prefectureCode, territorySeed().ofName),
    postalCodes: facts.commune.postalCodes,
  };
}
