import type { SQL } from 'drizzle-orm';
import type { Db } from './open.js';

/** Runs raw SQL and returns its rows, the same on PGlite and node-postgres. */
export async function rows<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export async function one<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T | undefined> {
  return (await rows<T>(db, query))[0];
}
