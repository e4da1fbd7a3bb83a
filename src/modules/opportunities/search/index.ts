export { searchOpportunities } from './cache.js';
export { emptyFilters, filtersToQuery, parseFilters } from './filters.js';
export type * from './types.js';
