import { buildApp } from './app.js';
import { openConfiguredDatabase } from './boot.js';
import { ConfigError, loadConfig } from './config.js';
import { DataDirLockedError, withStartupLock } from './core/db/index.js';
import { startJobs } from './core/jobs/index.js';
import { createLogger } from './core/logger.js';
import { maintenanceJobs } from './core/maintenance.js';
import { ensureFirstAdmin } from './modules/accounts/index.js';
import { loadDemoIfEmpty } from './modules/opportunities/index.js';
import { modules } from './modules.js';
import { seedAll } from './seed.js';

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config);
  const started = Date.now();
  let database: Awaited<ReturnType<typeof openConfiguredDatabase>>;
  try {
    database = await openConfiguredDatabase(config);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  logger.info({ database: database.kind }, 'database ready');
  // Several processes may start together on PostgreSQL: one seeds and creates the first administrator.
  const admin = await withStartupLock(database, async () => {
    if (config.SEED_ON_START) await seedAll(database.db, (line) => logger.info(line));
    if (config.DEMO_DATA) await loadDemoIfEmpty(database.db, (line) => logger.info(line));
    return ensureFirstAdmin(database.db, { email: config.ADMIN_EMAIL });
  });

  const { app, ctx } = await buildApp({ config, database, logger });
  if (config.JOBS) {
    const definitions = [...maintenanceJobs(ctx), ...modules.flatMap((m) => m.jobs?.(ctx) ?? [])];
    ctx.jobs = await startJobs(database, logger, definitions);
  }
  await app.listen({ port: config.PORT, host: config.HOST });
  const url = config.PUBLIC_URL;
  console.log(
    `\n  Oh my Lot! est prêt : ${url}  (base : ${database.kind}, démarré en ${Date.now() - started} ms)\n`,
  );
  if (admin) {
    console.log('  Premier administrateur créé (ces identifiants ne seront plus affichés) :');
    console.log(`    courriel : ${admin.email}`);
    console.log(`    mot de passe : ${admin.password}`);
    console.log(`    connexion : ${url}/connexion\n`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      await app.close();
      await ctx.jobs?.stop({ graceful: true, timeout: 5000 });
      await database.close();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
