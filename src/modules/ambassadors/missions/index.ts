import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { ambassadorEventRoutes } from './events.js';
import { spaceMissionRoutes } from './space-routes.js';
import { missionFormRoutes } from './staff-form.js';
import { missionListRoutes } from './staff-list.js';
import { missionPageRoutes } from './staff-mission.js';

/** Missions: staff publish them (to the network or a chapter), ambassadors accept them and report them done. */
export function missionRoutes(app: FastifyInstance, ctx: AppContext): void {
  missionListRoutes(app, ctx);
  missionFormRoutes(app, ctx);
  missionPageRoutes(app, ctx);
  spaceMissionRoutes(app, ctx);
  ambassadorEventRoutes(app, ctx);
}
