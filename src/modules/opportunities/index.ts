import type { Module } from '../../core/module.js';
import { alertJobs } from './alerts/jobs.js';
import { alertRoutes } from './alerts/routes.js';
import { detailRoutes } from './detail/routes.js';
import { importJobs } from './imports/jobs.js';
import { importRoutes } from './imports/routes.js';
import { apiRoutes } from './open-data/api-routes.js';
import { expiryJobs } from './publish/jobs.js';
import { publishRoutes } from './publish/routes.js';
import { searchRoutes } from './search-page/routes.js';

/** Opportunities: job offers, business takeovers, premises and temporary housing, in one search. */
export { demoCommand, demoCommandOptions } from './demo/command.js';
export { hasDemoOpportunities, loadDemoIfEmpty } from './demo/index.js';
export { type CsvKind, csvKindSlugs, csvKinds, importCsv, runFranceTravailImport } from './imports/index.js';
export { contractTypes, housingKinds, kindLabels, kindPluralLabels, sectors } from './kinds.js';
export { type OpportunitiesAction, opportunitiesPolicy } from './policy.js';
export { findPublicOpportunity, opportunityPath, type PublicOpportunity } from './public.js';
export { type OpportunityKind, opportunityKinds } from './schema.js';
export {
  emptyFilters,
  filtersToQuery,
  parseFilters,
  type SearchFilters,
  type SearchResult,
  searchOpportunities,
} from './search/index.js';

export const opportunitiesModule: Module = {
  name: 'opportunities',
  routes(app, ctx) {
    searchRoutes(app, ctx);
    detailRoutes(app, ctx);
    apiRoutes(app, ctx);
    publishRoutes(app, ctx);
    importRoutes(app, ctx);
    alertRoutes(app, ctx);
  },
  jobs: (ctx) => [...expiryJobs(ctx), ...importJobs(ctx), ...alertJobs(ctx)],
  // Opportunities come and go by the thousand: the sitemap lists the search and the open data page; each
  // opportunity page is linked from the search and carries its own canonical URL and JobPosting data.
  sitemap: async () => [
    {
      path: '/opportunites',
      title: 'Emplois, entreprises à reprendre, locaux et logements',
      section: 'Opportunités',
    },
    { path: '/donnees-ouvertes', title: 'Données ouvertes et API des opportunités', section: 'Opportunités' },
  ],
};
