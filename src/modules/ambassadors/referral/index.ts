import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { impactRoutes } from './impact.js';
import { kitRoutes } from './kit.js';
import { landingRoutes } from './landing.js';
import { leadRoutes } from './lead.js';
import { staffImpactRoutes } from './staff-impact.js';

export { settledThanksToAmbassadors } from './rollup.js';

/**
 * Attribution (issue 5): the tracked link and its QR code, the share kit, the ambassador's impact, lead
 * reports, and the staff's roll-up.
 */
export function referralRoutes(app: FastifyInstance, ctx: AppContext): void {
  landingRoutes(app, ctx);
  kitRoutes(app, ctx);
  impactRoutes(app, ctx);
  leadRoutes(app, ctx);
  staffImpactRoutes(app, ctx);
}
