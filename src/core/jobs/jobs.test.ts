import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pino from 'pino';
import { freshDatabase } from '../../../test/helpers/db.js';
import type { Database } from '../db/index.js';
import { type PgBoss, startJobs } from './index.js';

let database: Database;
let boss: PgBoss | undefined;
before(async () => {
  database = await freshDatabase();
});
after(async () => {
  await boss?.stop({ graceful: false, timeout: 2000 });
  await database.close();
});

test('pg-boss runs a job in this process on the configured database', async () => {
  const seen: unknown[] = [];
  let done!: () => void;
  const finished = new Promise<void>((resolve) => {
    done = resolve;
  });
  boss = await startJobs(database, pino({ level: 'silent' }), [
    {
      name: 'test.echo',
      handler: async (data) => {
        seen.push(data);
        done();
      },
    },
  ]);
  await boss.send('test.echo', { commune: '46042' });
  await Promise.race([
    finished,
    new Promise((_, reject) => setTimeout(() => reject(new Error('job not run within 15 s')), 15000)),
  ]);
  assert.deepEqual(seen, [{ commune: '46042' }]);
});
