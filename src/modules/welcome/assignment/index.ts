import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { settingsIndexRoutes } from './settings/index-page.js';
import { partnersRoutes } from './settings/partners-routes.js';
import { rulesRoutes } from './settings/rules-routes.js';
import { teamRoutes } from './settings/team-routes.js';
import { assignmentTabRoutes } from './tab-routes.js';

/**
 * Assignment: assignFile applies the editable rules to a just-submitted file, only to organisations the
 * household consented to; creates the shares, picks the referent by round-robin, journals and notifies.
 * Idempotent per file. What it decided is an AssignmentOutcome (for the confirmation page and email).
 */
export { type AssignmentOutcome, assignFile } from './assign.js';

/** Affectation tab (reassign, hand-off), settings pages for rules, team and consent partners. */
export function assignmentRoutes(app: FastifyInstance, ctx: AppContext): void {
  assignmentTabRoutes(app, ctx);
  settingsIndexRoutes(app, ctx);
  rulesRoutes(app, ctx);
  teamRoutes(app, ctx);
  partnersRoutes(app, ctx);
}
