import type { AppContext } from '../../../core/context.js';
import type { JobDefinition } from '../../../core/jobs/index.js';
import { systemActor } from '../../../core/journal/index.js';
import { franceTravailConfigured, runFranceTravailImport } from './index.js';

export const franceTravailJob = 'opportunities.import-france-travail';

/** The daily France Travail import, scheduled only when the platform has credentials for it. */
export function importJobs(ctx: AppContext): JobDefinition[] {
  if (!franceTravailConfigured(ctx.config)) return [];
  return [
    {
      name: franceTravailJob,
      // Early morning, after France Travail's nightly updates and before visitors arrive.
      cron: '40 4 * * *',
      handler: async () => {
        const run = await runFranceTravailImport(ctx.database, ctx.config, systemActor, (_p, line) =>
          ctx.logger.debug(line),
        );
        ctx.logger.info(
          { runId: run.id, created: run.created, updated: run.updated, rejected: run.rejected },
          'France Travail import done',
        );
      },
    },
  ];
}
