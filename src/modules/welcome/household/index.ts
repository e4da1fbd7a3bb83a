import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { loginRoutes } from './login.js';
import { spaceRoutes } from './space.js';
import { staffMessagesRoutes } from './staff-messages.js';

export { householdRoute } from './login.js';
export { fileStaffRecipients, organisationStaffEmails } from './messages.js';
export { SpaceFrame, spacePaths } from './views.js';

/** The household's space: magic-link login, status, referent, messages; the staff Messages tab. */
export function householdRoutes(app: FastifyInstance, ctx: AppContext): void {
  loginRoutes(app, ctx);
  spaceRoutes(app, ctx);
  staffMessagesRoutes(app, ctx);
}
