import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/core/db/index.js';
import { pgliteTemplatePath, templateDbName, withDatabase } from './template.js';

/**
 * A fresh database cloned from the migrated, seeded template: PGlite loads the dumped data folder (~0.5 s);
 * PostgreSQL runs CREATE DATABASE … TEMPLATE. Each test builds its own records on top, nothing to clean.
 */
export async function freshDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    if (!fs.existsSync(pgliteTemplatePath))
      throw new Error('No test template: run the tests with `npm test`.');
    return openDatabase({ loadDataDir: new Blob([fs.readFileSync(pgliteTemplatePath)]) });
  }
  const name = `choisir_t_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${templateDbName}`);
        break;
      } catch (error) {
        // Two clones at the same instant can collide on the template; wait and retry.
        if (attempt >= 20) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ url: withDatabase(url, name), poolSize: 4 });
  const close = database.close;
  database.close = async () => {
    await close();
    const drop = new pg.Client({ connectionString: url });
    await drop.connect();
    await drop.query(`drop database if exists ${name}`).catch(() => {});
    await drop.end();
  };
  return database;
}
