import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { signupPageRoutes } from './routes.js';

export { signupsPerIpPerHour } from './routes.js';

/** « Devenir ambassadeur »: the public page, the sign-up form and its email confirmation. */
export function signupRoutes(app: FastifyInstance, ctx: AppContext): void {
  signupPageRoutes(app, ctx);
}
