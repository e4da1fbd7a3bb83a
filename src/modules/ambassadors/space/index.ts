import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { homeRoutes } from './home.js';
import { loginRoutes } from './login.js';
import { profileRoutes } from './profile.js';

export { ambassadorOrLogin } from './guard.js';

/** The ambassador's space: magic-link login, home and profile (other sections are served by their parts). */
export function spaceRoutes(app: FastifyInstance, ctx: AppContext): void {
  loginRoutes(app, ctx);
  homeRoutes(app, ctx);
  profileRoutes(app, ctx);
}
