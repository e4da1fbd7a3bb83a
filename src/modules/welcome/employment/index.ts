import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { employmentHouseholdRoutes } from './household.js';
import { employmentStaffRoutes } from './routes.js';

export { spaceProposalsPath } from './service.js';
export { proposalsCountForHousehold } from './store.js';

/** Spouse employment: each adult's search, opportunities proposed from the file, shown to the household. */
export function employmentRoutes(app: FastifyInstance, ctx: AppContext): void {
  employmentStaffRoutes(app, ctx);
  employmentHouseholdRoutes(app, ctx);
}
