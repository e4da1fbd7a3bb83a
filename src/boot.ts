import path from 'node:path';
import type { Config } from './config.js';
import { type Database, migrate, openDatabase, withStartupLock } from './core/db/index.js';

/** Opens the configured database (PGlite in DATA_DIR/pglite, or PostgreSQL) and applies migrations. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  const database = await openDatabase({
    url: config.DATABASE_URL || undefined,
    dataDir: path.join(config.DATA_DIR, 'pglite'),
    poolSize: config.DATABASE_POOL_SIZE,
  });
  await withStartupLock(database, () => migrate(database));
  return database;
}
