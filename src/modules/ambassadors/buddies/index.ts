import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { buddyHouseholdRoutes } from './household.js';
import { buddySpaceRoutes } from './space.js';
import { buddyStaffRoutes } from './staff.js';

/**
 * Buddy pairings (« parrainage »): the file's « Parrainage » tab for staff (the file's ambassador, suggestions
 * with their reasons, proposals), the ambassador's answers in their space, the household's in its space.
 */
export function buddyRoutes(app: FastifyInstance, ctx: AppContext): void {
  buddyStaffRoutes(app, ctx);
  buddySpaceRoutes(app, ctx);
  buddyHouseholdRoutes(app, ctx);
}
