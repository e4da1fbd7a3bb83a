import type { AppContext } from '../../../core/context.js';
import type { JobDefinition } from '../../../core/jobs/index.js';
import { sendDueCheckins } from './send.js';

export { type CheckinMonthCounts, checkinCounts } from './counts.js';
export { followupRoutes } from './routes.js';
export { cancelCheckins, scheduleCheckins } from './schedule.js';
export { sendDueCheckins } from './send.js';

/**
 * The daily check-in emails. Cron times are UTC: 07:00 is 8:00 or 9:00 in Paris, a decent hour to receive a
 * question from the welcome team. The file_checkins rows and their due dates are the schedule itself.
 */
export const followupJobs = (ctx: AppContext): JobDefinition[] => [
  {
    name: 'welcome.checkins',
    cron: '0 7 * * *',
    async handler() {
      const sent = await sendDueCheckins(ctx);
      if (sent > 0) ctx.logger.info({ sent }, 'check-in emails sent');
    },
  },
];
