import type { AppContext } from '../../../core/context.js';
import type { JobDefinition } from '../../../core/jobs/index.js';
import { expireOpportunities, warnBeforeExpiry } from './expiry.js';
import type { MailSite } from './mail.js';

/** Daily (UTC): expire at night, warn in the morning, when an owner may act on the email the same day. */
export function expiryJobs(ctx: AppContext): JobDefinition[] {
  const site = (): MailSite => ({
    mailer: ctx.mailer,
    publicUrl: ctx.config.PUBLIC_URL,
    siteName: ctx.siteName(),
  });
  return [
    {
      name: 'opportunities.expire',
      cron: '10 1 * * *',
      handler: async () => {
        const count = await expireOpportunities(ctx.db, site(), new Date());
        ctx.logger.info({ count }, 'opportunities expired');
      },
    },
    {
      name: 'opportunities.warn_expiry',
      cron: '30 6 * * *',
      handler: async () => {
        const count = await warnBeforeExpiry(ctx.db, site(), new Date());
        ctx.logger.info({ count }, 'owners warned before expiry');
      },
    },
  ];
}
