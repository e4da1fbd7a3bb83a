import { fromPglite, PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '../db/index.js';

export type { PgBoss };

export interface JobDefinition<T extends object = object> {
  name: string;
  /** A cron expression (UTC) when the job runs on a schedule. */
  cron?: string;
  handler: (data: T) => Promise<void>;
}

/**
 * Starts pg-boss in this process against the same database: no Redis, and jobs survive restarts. On PGlite
 * it goes through pg-boss's own adapter on the one embedded connection.
 */
export async function startJobs(
  database: Database,
  logger: Logger,
  definitions: JobDefinition[],
  options: { work?: boolean } = {},
): Promise<PgBoss> {
  const boss =
    database.kind === 'pglite'
      ? new PgBoss({ db: fromPglite(database.pglite!), backend: 'pglite' })
      : new PgBoss({ connectionString: database.url!, max: 4, application_name: 'choisir-jobs' });
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
  await boss.start();
  for (const job of definitions) {
    await boss.createQueue(job.name);
    if (job.cron) await boss.schedule(job.name, job.cron);
    if (options.work !== false) {
      await boss.work<object>(job.name, async (jobs) => {
        for (const item of jobs) {
          logger.info({ job: job.name, id: item.id }, 'job started');
          await job.handler(item.data ?? {});
        }
      });
    }
  }
  return boss;
}
