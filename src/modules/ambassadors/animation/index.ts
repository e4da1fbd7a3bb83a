import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import type { JobDefinition } from '../../../core/jobs/index.js';
import { purgeExpiredAmbassadorSessions } from '../session.js';
import { sendReengagementEmails } from './dormancy.js';
import { dormancyRoutes } from './dormancy-routes.js';
import { mapRoutes } from './map-routes.js';
import { newsletterRoutes } from './newsletter-routes.js';
import { unsubscribeRoutes } from './unsubscribe.js';

export { sendReengagementEmails } from './dormancy.js';

/** Animation for staff: dormant ambassadors, newsletters to segments (and their unsubscribe link), the map. */
export function animationRoutes(app: FastifyInstance, ctx: AppContext): void {
  dormancyRoutes(app, ctx);
  newsletterRoutes(app, ctx);
  unsubscribeRoutes(app, ctx);
  mapRoutes(app, ctx);
}

/**
 * Daily at 08:00 UTC (9:00 or 10:00 in Paris: a friendly hour to read a « we miss you »), the re-engagement
 * emails; then the expired sessions and links are cleared.
 */
export function animationJobs(ctx: AppContext): JobDefinition[] {
  return [
    {
      name: 'ambassadors.dormancy',
      cron: '0 8 * * *',
      async handler() {
        const sent = await sendReengagementEmails(ctx);
        await purgeExpiredAmbassadorSessions(ctx.db);
        ctx.logger.info({ sent }, 'ambassadors re-engaged');
      },
    },
  ];
}
