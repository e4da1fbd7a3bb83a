import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { freshDatabase } from '../../../test/helpers/db.js';
import { type Database, rows } from '../db/index.js';
import { diffRecords, listJournal, purgeJournal, record } from './index.js';

let database: Database;
before(async () => {
  database = await freshDatabase();
});
after(() => database.close());

test('a diff keeps only changed fields and masks secrets', () => {
  const diff = diffRecords(
    { name: 'A', role: 'editor', passwordHash: 'x', same: 1 },
    { name: 'B', role: 'editor', passwordHash: 'y', same: 1, added: true },
  );
  assert.deepEqual(diff, {
    name: { before: 'A', after: 'B' },
    passwordHash: { before: 'masqué', after: 'masqué' },
    added: { before: undefined, after: true },
  });
});

test('entries are recorded with actor, action, target and diff, and can be filtered', async () => {
  const actor = { id: '00000000-0000-4000-8000-000000000001', label: 'Ada <ada@lot.fr>' };
  await record(database.db, {
    actor,
    action: 'user.update',
    target: { type: 'user', id: 'u1' },
    before: { role: 'viewer' },
    after: { role: 'admin' },
  });
  await record(database.db, {
    actor,
    action: 'user.login',
    target: { type: 'user', id: 'u1' },
    ip: '127.0.0.1',
  });
  await record(database.db, {
    actor: { id: null, label: 'système' },
    action: 'commune.update',
    target: { type: 'commune', id: '46042' },
  });
  const users = await listJournal(database.db, { action: 'user.' }, { limit: 10, offset: 0 });
  assert.equal(users.total, 2);
  assert.equal(users.items[0].action, 'user.login');
  assert.deepEqual(users.items[1].diff, { role: { before: 'viewer', after: 'admin' } });
  const commune = await listJournal(
    database.db,
    { targetType: 'commune', targetId: '46042' },
    { limit: 10, offset: 0 },
  );
  assert.equal(commune.total, 1);
  assert.equal(commune.items[0].actorLabel, 'système');
});

test('entries past retention are purged, recent ones kept', async () => {
  await record(database.db, {
    actor: { id: null, label: 'système' },
    action: 'old.thing',
    target: { type: 'x' },
  });
  await database.db.execute(
    sql`update journal set at = now() - interval '400 days' where action = 'old.thing'`,
  );
  const purged = await purgeJournal(database.db, 365);
  assert.equal(purged, 1);
  const left = await rows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from journal where action = 'old.thing'`,
  );
  assert.equal(left[0].n, 0);
  const kept = await rows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from journal where action like 'user.%'`,
  );
  assert.equal(kept[0].n, 2);
});
