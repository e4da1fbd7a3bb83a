import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { migrate, openDatabase } from '../../src/core/db/index.js';
import { seedAll } from '../../src/seed.js';

export const templateDbName = 'choisir_test_template';
/** Per run, so two test runs side by side never read each other's template. */
export const pgliteTemplatePath = path.resolve(
  process.env.CHOISIR_TEST_TEMPLATE ?? `.data/test/template-${process.pid}.tar.gz`,
);

/** Builds the migrated, seeded template every test file clones: a PGlite dump, or a PostgreSQL template database. */
export async function buildTemplate(databaseUrl?: string): Promise<void> {
  if (!databaseUrl) {
    const database = await openDatabase({ dataDir: 'memory://' });
    await migrate(database);
    await seedAll(database.db);
    const dump = await database.pglite!.dumpDataDir('gzip');
    fs.mkdirSync(path.dirname(pgliteTemplatePath), { recursive: true });
    fs.writeFileSync(pgliteTemplatePath, Buffer.from(await dump.arrayBuffer()));
    await database.close();
    return;
  }
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  const stale = await admin.query(`select datname from pg_database where datname like 'choisir_t_%'`);
  for (const row of stale.rows) await admin.query(`drop database if exists "${row.datname}"`);
  await admin.query(`drop database if exists ${templateDbName}`);
  await admin.query(`create database ${templateDbName}`);
  await admin.end();
  const database = await openDatabase({ url: withDatabase(databaseUrl, templateDbName) });
  await migrate(database);
  await seedAll(database.db);
  await database.close();
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
