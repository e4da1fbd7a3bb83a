import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import type { JobDefinition } from '../../../core/jobs/index.js';
import { refreshDuePublications } from './publication.js';
import { publicEventRoutes } from './routes.js';

export { formatEventWhen } from './dates.js';
export { eventLocation } from './ics.js';
export { refreshDuePublications } from './publication.js';

/** The events calendar, event pages and their iCalendar files, and the news Atom feed. */
export function eventRoutes(app: FastifyInstance, ctx: AppContext): void {
  publicEventRoutes(app, ctx);
}

/**
 * Every minute: when a scheduled content's time has come, the public data version moves, so the cached home,
 * lists, sitemap and feeds show it at its time rather than at the next unrelated edit.
 */
export function publicationJobs(ctx: AppContext): JobDefinition[] {
  return [
    {
      name: 'content.publication-refresh',
      cron: '* * * * *',
      async handler() {
        if (await refreshDuePublications(ctx))
          ctx.logger.info('scheduled content came due: public pages refreshed');
      },
    },
  ];
}
