import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { housingStaffRoutes } from './routes.js';

export { type HousingSummary, housingSummaryForHousehold } from './store.js';

/** Temporary housing requests, linked to the opportunities module's housing inventory. */
export function housingRoutes(app: FastifyInstance, ctx: AppContext): void {
  housingStaffRoutes(app, ctx);
}
