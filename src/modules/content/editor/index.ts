import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { adminPaths } from '../paths.js';
import { contentPolicy } from '../policy.js';
import { formRoutes } from './form-routes.js';
import { listRoutes } from './list.js';
import { revisionRoutes } from './revisions.js';

/** The editorial back office: staff write, review, schedule and publish content without a developer. */
export function editorRoutes(app: FastifyInstance, ctx: AppContext): void {
  ctx.staffNavigation.add({
    href: adminPaths.list,
    label: 'Contenus',
    order: 60,
    visible: (actor) => contentPolicy(actor, 'read'),
  });
  listRoutes(app, ctx);
  // « nouveau » is registered as its own static route, so it is never read as a content's id.
  formRoutes(app, ctx);
  revisionRoutes(app, ctx);
}
