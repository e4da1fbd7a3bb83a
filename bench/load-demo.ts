/**
 * Prepares the bench database before any app process opens it (PGlite allows one process per folder): applies
 * the migrations, seeds the territory, then loads the demo opportunities through the same generator as
 * `npm run cli -- demo`. Prints one line `BENCH_DEMO {json}` with the load time and an existing job's id for
 * the detail scenario.
 */
import { sql } from 'drizzle-orm';
import { openConfiguredDatabase } from '../src/boot.js';
import { loadConfig } from '../src/config.js';
import { one } from '../src/core/db/index.js';
import { loadDemo } from '../src/modules/opportunities/demo/index.js';
import { seedAll } from '../src/seed.js';

const volume = {
  jobs: Number(process.env.BENCH_JOBS ?? 20_000),
  takeovers: Number(process.env.BENCH_TAKEOVERS ?? 2_000),
  premises: Number(process.env.BENCH_PREMISES ?? 0),
  housing: Number(process.env.BENCH_HOUSING ?? 500),
};

const database = await openConfiguredDatabase(loadConfig());
try {
  await seedAll(database.db);
  const report = await loadDemo(database.db, { ...volume, seed: 'bench' });
  // A nurse's offer in Cahors: a typical detail page, with similar offers around it.
  const job = await one<{ id: string }>(
    database.db,
    sql`select id from opportunities where kind = 'job' and demo and commune_code = '46042'
        order by source_id limit 1`,
  );
  console.log(`BENCH_DEMO ${JSON.stringify({ ...report, jobId: job?.id ?? null })}`);
} finally {
  await database.close();
}
