import type { ContractType, PriceBand, Sector } from '../kinds.js';
import type { PublicOpportunity } from '../public.js';
import type { OpportunityKind } from '../schema.js';

/**
 * A search over public opportunities. It has one canonical query string (filters.ts) shared by the search
 * page, the API, the CSV export, the Atom feed and saved searches, so a URL always means the same search.
 *
 * Query parameters (repeatable where plural): q, type, epci (SIREN), commune (INSEE), rayon (km), contrat,
 * secteur, profil, prix, recherche=1 ("wanted"), couple=1, tri (pertinence|recent|distance), page.
 */
export interface SearchFilters {
  q: string;
  kinds: OpportunityKind[];
  epcis: string[];
  /** INSEE code; with radiusKm, the circle around its centroid; alone, that commune only. */
  commune: string | null;
  radiusKm: number | null;
  contractTypes: ContractType[];
  sectors: Sector[];
  profiles: string[];
  priceBands: PriceBand[];
  wanted: boolean;
  openToCouples: boolean;
  sort: SearchSort;
  page: number;
}

export type SearchSort = 'relevance' | 'newest' | 'distance';

export type FacetName =
  | 'kind'
  | 'epci'
  | 'contractType'
  | 'sector'
  | 'profile'
  | 'priceBand'
  | 'wanted'
  | 'openToCouples';

export interface SearchHit extends PublicOpportunity {
  /** Straight-line km from the chosen commune's centroid, when a commune is chosen. */
  distanceKm: number | null;
}

export interface SearchResult {
  filters: SearchFilters;
  total: number;
  page: number;
  pageSize: number;
  items: SearchHit[];
  /**
   * For each facet, the count per value with every other filter applied (the usual drill-down). Values are
   * the codes of the query string; the two flags (wanted, openToCouples) count under '1', as in `recherche=1`.
   */
  facets: Record<FacetName, Record<string, number>>;
  /**
   * Results per public commune, every filter applied (with facets only): what a map of results draws.
   * Blurred takeovers have no public commune and are not in it.
   */
  communeCounts?: Record<string, number>;
  /** Query words replaced by the closest known word ("infirmeir" → "infirmier"). */
  corrections: { from: string; to: string }[];
}

/** Options of a search call beyond the filters. */
export interface SearchOptions {
  pageSize?: number;
  /** Only opportunities published after this instant (alert digests). */
  publishedAfter?: Date;
  /** Skip facet counts (API without facets, digests, CSV). */
  facets?: boolean;
}
