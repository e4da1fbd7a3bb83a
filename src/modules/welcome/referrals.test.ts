import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../test/helpers/app.js';
import { createTestFile, epciOrganisation } from '../../../test/helpers/welcome.js';
import { one } from '../../core/db/index.js';
import { journal } from '../../core/journal/index.js';
import { mailOutbox } from '../../core/mail/index.js';
import { findFile } from './files.js';
import { attributionByEpci, attributionCounts, createReferredFile } from './referrals.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

test('a reported lead becomes an open, attributed file, and the person is emailed', async () => {
  const db = t.ctx.db;
  await db.execute(sql`insert into ambassadors (name, email, tie, charter_version, charter_accepted_at, code, status)
    values ('Jeanne Ambassadrice', 'jeanne@example.org', 'born', 'v1', now(), 'LOT-REFA1', 'active')`);
  const created = await createReferredFile(
    t.ctx,
    {
      contactName: 'Lucas Curieux',
      email: 'lucas.curieux@example.org',
      phone: null,
      projectNote: 'Menuisier, cherche un atelier',
      communeCode: '46102',
    },
    { code: 'lot-refa1', name: 'Jeanne Ambassadrice' },
    { id: null, label: 'ambassadeur LOT-REFA1' },
  );
  const file = await findFile(db, created.id);
  assert.ok(file);
  assert.equal(file.status, 'open');
  assert.ok(file.submittedAt);
  assert.equal(file.intakeStep, 'envoye');
  assert.equal(file.ambassadorCode, 'LOT-REFA1');
  assert.equal(file.heardFrom, 'ambassador');
  assert.deepEqual(file.placeCommunes, ['46102']);
  assert.equal(file.projectNote, 'Menuisier, cherche un atelier');
  assert.ok(file.stageId, 'at the first stage');
  assert.ok(file.leadOrganisationId, 'assigned like any file');

  const [mail] = await db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.recipient, 'lucas.curieux@example.org'));
  assert.ok(mail);
  assert.match(mail.text, /Jeanne Ambassadrice/);
  assert.match(mail.text, /\/mon-espace\/lien\/[A-Za-z0-9_-]+/);
  assert.match(mail.text, /supprimer/);
  assert.match(mail.text, new RegExp(created.reference));

  const entries = await db
    .select()
    .from(journal)
    .where(and(eq(journal.targetType, 'file'), eq(journal.targetId, created.id)));
  const referred = entries.find((e) => e.action === 'file.referred');
  assert.ok(referred);
  assert.equal(referred.actorLabel, 'ambassadeur LOT-REFA1');
  assert.doesNotMatch(JSON.stringify(referred), /Lucas|lucas\.curieux/);
});

test('counts per code: contacts, submitted files and settled households, erased files included', async () => {
  const db = t.ctx.db;
  const org = await epciOrganisation(db);
  await createTestFile(db, { status: 'intake', overrides: { ambassadorCode: 'LOT-CNT01' } });
  await createTestFile(db, { leadOrganisationId: org.id, overrides: { ambassadorCode: 'LOT-CNT01' } });
  const settled = await createTestFile(db, {
    stageSlug: 'installe',
    leadOrganisationId: org.id,
    overrides: { ambassadorCode: 'LOT-CNT01' },
  });
  await db.execute(sql`update newcomer_files set status = 'erased', erased_at = now(), email = null
    where id = ${settled.id}`);
  await createTestFile(db, { overrides: { ambassadorCode: 'LOT-CNT02' } });
  await createTestFile(db, { overrides: { ambassadorCode: null } });

  const counts = await attributionCounts(db, ['LOT-CNT01', 'lot-cnt02', 'LOT-NONE']);
  assert.deepEqual(counts, [
    { code: 'LOT-CNT01', contacts: 3, files: 2, settled: 1 },
    { code: 'LOT-CNT02', contacts: 1, files: 1, settled: 0 },
    { code: 'LOT-NONE', contacts: 0, files: 0, settled: 0 },
  ]);
  const all = await attributionCounts(db);
  assert.ok(all.some((c) => c.code === 'LOT-CNT01' && c.contacts === 3));
  assert.deepEqual(await attributionCounts(db, []), []);

  const byEpci = await attributionByEpci(db);
  const epci = byEpci.find((e) => e.epciCode === org.epciCode);
  assert.ok(epci);
  assert.ok(epci.epciName);
  assert.equal(epci.files, 2);
  assert.equal(epci.settled, 1);
  const queue = byEpci.find((e) => e.epciCode === null);
  assert.ok(queue && queue.contacts >= 2, 'files without a lead EPCI are the Département’s queue');
  const total = await one<{ n: number }>(
    db,
    sql`select count(*)::int as n from newcomer_files where ambassador_code is not null`,
  );
  assert.equal(
    byEpci.reduce((n, e) => n + e.contacts, 0),
    total?.n,
  );
});
