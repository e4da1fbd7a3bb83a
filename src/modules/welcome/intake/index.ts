import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { intakeBase } from '../paths.js';
import { resumeRoutes } from './resume.js';
import { stepRoutes } from './routes.js';

export { type Attribution, readAttribution } from './attribution.js';
export { suggestProfile } from './profile.js';
export { resumePath, thanksPath } from './steps.js';

/**
 * « Mon projet d'installation »: the public multi-step intake (one topic per page, works without JavaScript,
 * saved at every step, resumed by a magic link), the resume page, the submission and its confirmation.
 */
export function intakeRoutes(app: FastifyInstance, ctx: AppContext): void {
  ctx.navigation.add({ href: intakeBase, label: 'Mon projet d’installation', order: 40 });
  stepRoutes(app, ctx);
  resumeRoutes(app, ctx);
}
