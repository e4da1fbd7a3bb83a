import { sql } from 'drizzle-orm';
import { purgeExpiredSessions } from './auth/index.js';
import type { AppContext } from './context.js';
import { purgeRateLimits } from './http/index.js';
import type { JobDefinition } from './jobs/index.js';
import { purgeJournal } from './journal/index.js';

/**
 * Housekeeping run every night: expired sessions, stale rate-limit windows, journal past retention, and fresh
 * planner statistics (PGlite runs no autovacuum: after a day of imports its plans would assume empty tables).
 */
export function maintenanceJobs(ctx: AppContext): JobDefinition[] {
  return [
    {
      name: 'maintenance.nightly',
      cron: '17 3 * * *',
      async handler() {
        await purgeExpiredSessions(ctx.db);
        await purgeRateLimits(ctx.db);
        const purged = await purgeJournal(ctx.db, ctx.config.JOURNAL_RETENTION_DAYS);
        await ctx.db.execute(sql`analyze`);
        ctx.logger.info({ purged }, 'nightly maintenance done');
      },
    },
  ];
}
