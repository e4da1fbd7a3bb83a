import type { SearchFilters } from './types.js';

// STUB (replaced by the search helper): the contract other parts code against.

/** Filters with nothing chosen: every public opportunity, by relevance (newest when there is no text). */
export const emptyFilters: SearchFilters = {
  q: '',
  kinds: [],
  epcis: [],
  commune: null,
  radiusKm: null,
  contractTypes: [],
  sectors: [],
  profiles: [],
  priceBands: [],
  wanted: false,
  openToCouples: false,
  sort: 'relevance',
  page: 1,
};

/**
 * Reads filters from a parsed query string (values may be strings or arrays). Unknown values are dropped with a
 * French message per parameter in `errors`; the search still runs with what is valid.
 */
export function parseFilters(_query: Record<string, unknown>): {
  filters: SearchFilters;
  errors: Record<string, string>;
} {
  throw new Error('not implemented yet');
}

/** The canonical query string of a search (defaults omitted, stable order), without the leading '?'. */
export function filtersToQuery(_filters: SearchFilters, _overrides: Partial<SearchFilters> = {}): string {
  throw new Error('not implemented yet');
}
