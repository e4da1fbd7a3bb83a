/**
 * Prepares the bench database before any app process opens it (PGlite allows one process per folder): applies
 * the migrations, seeds the territory, then loads the demo opportunities through the same generator as
 * `npm run cli -- demo`, and the newcomer files of bench/welcome.ts. Prints one line `BENCH_DEMO {json}` with the
 * load time and an existing job's id for the detail scenario, and `BENCH_WELCOME {json}` with the referent who
 * signs in for the files list.
 */
import { sql } from 'drizzle-orm';
import { openConfiguredDatabase } from '../src/boot.js';
import { loadConfig } from '../src/config.js';
import { one } from '../src/core/db/index.js';
import { loadDemo } from '../src/modules/opportunities/demo/index.js';
import { seedAll } from '../src/seed.js';
import { loadWelcomeBench } from './welcome.js';

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
  // Newcomer files for the referent's list (bench/welcome.ts); BENCH_FILES=0 when no scenario needs them.
  const files = Number(process.env.BENCH_FILES ?? 100_000);
  if (files > 0) console.log(`BENCH_WELCOME ${JSON.stringify(await loadWelcomeBench(database.db, files))}`);
} finally {
  await database.close();
}
