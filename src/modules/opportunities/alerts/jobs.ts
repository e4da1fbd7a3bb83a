import type { AppContext } from '../../../core/context.js';
import type { JobDefinition } from '../../../core/jobs/index.js';
import { sendDigests } from './digest.js';

/**
 * The daily digest of saved searches. Cron times are UTC: 06:00 is 7:00 in Paris in winter and 8:00 in
 * summer, early enough to be read in the morning, after the night's imports.
 */
export function alertJobs(ctx: AppContext): JobDefinition[] {
  return [
    {
      name: 'opportunities.alert-digests',
      cron: '0 6 * * *',
      async handler() {
        await sendDigests({
          db: ctx.db,
          mailer: ctx.mailer,
          publicUrl: ctx.config.PUBLIC_URL,
          siteName: ctx.siteName(),
          logger: ctx.logger,
        });
      },
    },
  ];
}
