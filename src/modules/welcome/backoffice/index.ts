import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { welcomePolicy } from '../access.js';
import { filesBase } from '../paths.js';
import { boardRoutes } from './board-routes.js';
import { exportRoutes } from './export-routes.js';
import { listRoutes } from './list-routes.js';
import { stagesRoutes } from './stages-routes.js';

export { stagesPath } from './stages-routes.js';

/** The referent's list (table, filters, exports), the kanban by stage and the stages settings. */
export function backofficeRoutes(app: FastifyInstance, ctx: AppContext): void {
  ctx.staffNavigation.add({
    href: filesBase,
    label: 'Dossiers d’accueil',
    order: 90,
    visible: (actor) => welcomePolicy(actor, 'useFiles'),
  });
  listRoutes(app, ctx);
  exportRoutes(app, ctx);
  boardRoutes(app, ctx);
  stagesRoutes(app, ctx);
}
