import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../test/helpers/app.js';
import { one, rows } from '../../core/db/index.js';
import { ambassadorsSeed, seedAmbassadors } from './seed.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t?.close());

test('the seed gives the charter and a chapter per EPCI plus the diaspora chapters, once', async () => {
  const db = t.db();
  const charter = await one<{ version: string; body: string }>(
    db,
    sql`select version, body from ambassador_charters`,
  );
  assert.equal(charter?.version, ambassadorsSeed().charter.version);
  assert.match(charter?.body ?? '', /avec son accord/);
  const epcis = await one<{ n: number }>(db, sql`select count(*)::int as n from epcis`);
  const chapters = await rows<{ kind: string; epciCode: string | null; slug: string }>(
    db,
    sql`select kind, epci_code as "epciCode", slug from ambassador_chapters order by position`,
  );
  const local = chapters.filter((c) => c.kind === 'local');
  assert.equal(local.length, Number(epcis?.n), 'one local chapter per EPCI');
  assert.ok(
    local.every((c) => c.epciCode),
    'each local chapter names its EPCI',
  );
  assert.deepEqual(
    chapters.filter((c) => c.kind === 'diaspora').map((c) => c.slug),
    ['paris', 'toulouse', 'bordeaux', 'france', 'etranger'],
  );

  await db.execute(sql`update ambassador_charters set title = 'Titre modifié'`);
  const lines: string[] = [];
  await seedAmbassadors(db, (line) => lines.push(line));
  assert.deepEqual(lines, [], 'a second run adds nothing');
  const title = await one<{ title: string }>(db, sql`select title from ambassador_charters`);
  assert.equal(title?.title, 'Titre modifié', 'an editor’s change is kept');
});
