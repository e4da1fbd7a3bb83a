import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { fromRoot } from '../paths.js';
import type { Database } from './open.js';

export const migrationsFolder = fromRoot('migrations');

/**
 * Runs work that only one starting process may do at a time (migrations, seeds, the first administrator).
 * PGlite is single-process already; on PostgreSQL a session advisory lock makes the other processes wait.
 */
export async function withStartupLock<T>(database: Database, work: () => Promise<T>): Promise<T> {
  if (database.kind === 'pglite') return work();
  const client = await database.pool!.connect();
  try {
    await client.query('select pg_advisory_lock(4641001)');
    return await work();
  } finally {
    await client.query('select pg_advisory_unlock(4641001)').catch(() => {});
    client.release();
  }
}

/**
 * Applies the committed SQL migrations. drizzle-kit's own `migrate` fails silently on PGlite with extensions,
 * so we run drizzle's migrator from code.
 */
export async function migrate(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
  } else {
    await migrateNodePg(database.db as unknown as NodePgDatabase, { migrationsFolder });
  }
}

/** A short, human label of the engine in use, for /healthz and logs. */
export async function serverVersion(database: Database): Promise<string> {
  const result = (await database.db.execute(sql`show server_version`)) as unknown as {
    rows: { server_version: string }[];
  };
  return result.rows[0]?.server_version ?? 'unknown';
}
