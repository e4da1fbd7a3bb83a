import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import type { JobDefinition } from '../../../core/jobs/index.js';
import { privacyHouseholdRoutes } from './household-routes.js';
import { inactivityJob } from './inactivity.js';
import { privacyStaffRoutes } from './staff-routes.js';

export { listConsents, withdrawConsent } from './consent.js';
/** Erases a file's personal data everywhere, leaving an anonymous count. */
export { eraseFile } from './erase.js';
/** Everything the platform holds about a file, as the household may download it (JSON, French keys). */
export { exportFile } from './export.js';
export { inactivityJob } from './inactivity.js';

/** Staff tab « Données personnelles », household « Mes données » (download, consents, deletion). */
export function privacyRoutes(app: FastifyInstance, ctx: AppContext): void {
  privacyHouseholdRoutes(app, ctx);
  privacyStaffRoutes(app, ctx);
}

/**
 * The retention purge, daily at 02:30 UTC (a quiet hour in Paris): inactivity warnings and erasures,
 * abandoned intakes, expired household sessions.
 */
export const privacyJobs = (ctx: AppContext): JobDefinition[] => [
  {
    name: 'welcome.inactivity-purge',
    cron: '30 2 * * *',
    async handler() {
      await inactivityJob(ctx);
    },
  },
];
