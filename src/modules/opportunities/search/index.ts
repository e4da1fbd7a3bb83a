export { emptyFilters, filtersToQuery, parseFilters } from './filters.js';
export { searchOpportunities } from './query.js';
export type * from './types.js';
