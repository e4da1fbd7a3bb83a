import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { lockDataDir } from './lock.js';

export type Db = PgDatabase<PgQueryResultHKT>;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** The embedded engine, when kind is pglite (pg-boss and dumps need it). */
  pglite?: PGlite;
  /** The connection pool, when kind is postgres. */
  pool?: pg.Pool;
  url?: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… ; when empty, PGlite is used. */
  url?: string;
  /** PGlite data folder; 'memory://' for a throwaway one. */
  dataDir?: string;
  /** A dumped PGlite data folder (tarball) to start from: tests clone a migrated template this way. */
  loadDataDir?: Blob;
  poolSize?: number;
}

export const pgliteExtensions = { pg_trgm, unaccent };

// PostgreSQL returns bigint (int8) and numeric as strings by default; counts in this app fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    pool.on('error', () => {
      // An idle client lost its connection; the pool replaces it on next use.
    });
    const db = drizzlePg({ client: pool }) as unknown as Db;
    await pool.query('select 1');
    return { kind: 'postgres', db, pool, url: options.url, close: () => pool.end() };
  }
  const dataDir = options.dataDir ?? 'memory://';
  let release = () => {};
  if (!dataDir.startsWith('memory://')) {
    release = lockDataDir(dataDir);
    fs.mkdirSync(dataDir, { recursive: true });
  }
  try {
    const pglite = await PGlite.create({
      dataDir,
      extensions: pgliteExtensions,
      loadDataDir: options.loadDataDir,
    });
    const db = drizzlePglite({ client: pglite }) as unknown as Db;
    return {
      kind: 'pglite',
      db,
      pglite,
      close: async () => {
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
