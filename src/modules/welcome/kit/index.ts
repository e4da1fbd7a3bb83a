import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { kitPageRoutes } from './routes.js';
import { kitSettingsRoutes } from './settings-routes.js';

export { assembleKit, type Kit } from './assemble.js';
export { renderKitPdf } from './pdf.js';
export { spaceKitPath } from './routes.js';
export { kitSettingsPath } from './settings-view.js';

/** The welcome kit: page and PDF per file (staff and household), kit content settings. */
export function kitRoutes(app: FastifyInstance, ctx: AppContext): void {
  kitPageRoutes(app, ctx);
  kitSettingsRoutes(app, ctx);
}
