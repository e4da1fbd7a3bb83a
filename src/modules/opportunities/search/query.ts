import type { Db } from '../../../core/db/index.js';
import type { SearchFilters, SearchOptions, SearchResult } from './types.js';

// STUB (replaced by the search helper).
export async function searchOpportunities(
  _db: Db,
  _filters: SearchFilters,
  _options: SearchOptions = {},
): Promise<SearchResult> {
  throw new Error('not implemented yet');
}
