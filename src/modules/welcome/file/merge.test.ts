import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createOrganisation } from '../../../../test/helpers/factories.js';
import { createTestFile } from '../../../../test/helpers/welcome.js';
import { rows } from '../../../core/db/index.js';
import { fileConsents, fileMembers, fileMessages, interactions, newcomerFiles, tasks } from '../schema.js';
import { post, textOf, twoReferents } from './test-support.js';

let t: TestApp;
let s: Awaited<ReturnType<typeof twoReferents>>;
before(async () => {
  t = await testApp();
  s = await twoReferents(t);
});
after(() => t.close());

const page = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: s.leadCookie } });

test('the same phone written two ways is a duplicate, merged with everything it holds', async () => {
  const chamber = await createOrganisation(t.ctx.db, { kind: 'chambre' });
  const kept = await createTestFile(t.ctx.db, {
    leadOrganisationId: s.lead.id,
    contactName: 'Nadia Benali',
    email: 'nadia@example.org',
    phone: '06 12 34 56 78',
    overrides: { ambassadorCode: null, projectNote: null },
  });
  const other = await createTestFile(t.ctx.db, {
    leadOrganisationId: s.lead.id,
    contactName: 'N. Benali',
    email: 'autre.adresse@example.org',
    phone: '+33 6 12 34 56 78',
    consentedOrganisationIds: [chamber.id],
    sharedWith: [chamber.id],
    overrides: { ambassadorCode: 'AMB-7', projectNote: 'Reprise d’une boulangerie' },
  });
  const unrelated = await createTestFile(t.ctx.db, {
    leadOrganisationId: s.lead.id,
    phone: '05 65 00 00 00',
  });
  await t.ctx.db.insert(interactions).values({
    fileId: other.id,
    kind: 'call',
    body: 'Appel depuis l’autre dossier',
    organisationId: s.lead.id,
  });
  await t.ctx.db.insert(tasks).values({
    fileId: other.id,
    title: 'Tâche de l’autre dossier',
    dueOn: '2030-01-01',
    organisationId: s.lead.id,
  });
  await t.ctx.db.insert(fileMessages).values({ fileId: other.id, fromHousehold: true, body: 'Bonjour' });

  const shown = textOf((await page(`/admin/dossiers/${kept.id}`)).body);
  assert.ok(shown.includes('Doublons possibles'));
  assert.ok(shown.includes(`Dossier ${other.reference}`));
  assert.ok(shown.includes('même téléphone (+33 6 12 34 56 78)'));
  assert.ok(!shown.includes(`Dossier ${unrelated.reference}`));

  const self = await post(t, s.leadCookie, `/admin/dossiers/${kept.id}/fusionner`, { otherId: kept.id });
  assert.equal(self.statusCode, 400);
  assert.ok(textOf(self.body).includes('ne peut pas être fusionné avec lui-même'));

  const merged = await post(t, s.leadCookie, `/admin/dossiers/${kept.id}/fusionner`, { otherId: other.id });
  assert.equal(merged.statusCode, 303);
  const notice = textOf((await page(merged.headers.location as string)).body);
  assert.ok(
    notice.includes(
      `Le dossier ${other.reference} a été fusionné dans celui-ci. Il n’apparaît plus dans les listes.`,
    ),
  );
  assert.ok(notice.includes(`Dossier ${other.reference} fusionné dans celui-ci`), 'the timeline says it');
  assert.ok(notice.includes('Appel depuis l’autre dossier'));

  const [otherAfter] = await t.ctx.db.select().from(newcomerFiles).where(eq(newcomerFiles.id, other.id));
  assert.equal(otherAfter.mergedInto, kept.id);
  const [keptAfter] = await t.ctx.db.select().from(newcomerFiles).where(eq(newcomerFiles.id, kept.id));
  assert.equal(keptAfter.email, 'nadia@example.org', 'the kept file’s own values stay');
  assert.equal(keptAfter.ambassadorCode, 'AMB-7', 'empty fields are filled from the other');
  assert.equal(keptAfter.projectNote, 'Reprise d’une boulangerie');
  for (const table of [interactions, tasks, fileMessages]) {
    assert.equal((await t.ctx.db.select().from(table).where(eq(table.fileId, other.id))).length, 0);
    assert.equal((await t.ctx.db.select().from(table).where(eq(table.fileId, kept.id))).length, 1);
  }
  // The kept file had its own members: the other's stay behind.
  assert.equal((await t.ctx.db.select().from(fileMembers).where(eq(fileMembers.fileId, kept.id))).length, 1);
  const consents = await t.ctx.db.select().from(fileConsents).where(eq(fileConsents.fileId, kept.id));
  assert.deepEqual(consents.map((c) => c.organisationId).sort(), [chamber.id, s.lead.id].sort());
  const shares = await rows<{ organisation_id: string }>(
    t.ctx.db,
    sql`select organisation_id from file_shares where file_id = ${kept.id} and revoked_at is null`,
  );
  assert.deepEqual(shares.map((r) => r.organisation_id).sort(), [chamber.id, s.lead.id].sort());
  const journaled = await rows<{ target_id: string }>(
    t.ctx.db,
    sql`select target_id from journal where action = 'file.merge' order by target_id`,
  );
  assert.deepEqual(journaled.map((r) => r.target_id).sort(), [kept.id, other.id].sort());

  assert.equal((await page(`/admin/dossiers/${other.id}`)).statusCode, 404, 'the merged file is gone');
  const again = await post(t, s.leadCookie, `/admin/dossiers/${kept.id}/fusionner`, { otherId: other.id });
  assert.equal(again.statusCode, 404);
  const afterMerge = textOf((await page(`/admin/dossiers/${kept.id}`)).body);
  assert.ok(!afterMerge.includes('Doublons possibles'));
});

test('a kept file without members takes the other’s; the same email in another case is a duplicate', async () => {
  const kept = await createTestFile(t.ctx.db, {
    leadOrganisationId: s.lead.id,
    email: 'Paul.Martin@Example.org',
    phone: null,
  });
  await t.ctx.db.delete(fileMembers).where(eq(fileMembers.fileId, kept.id));
  const other = await createTestFile(t.ctx.db, {
    leadOrganisationId: s.lead.id,
    email: 'paul.martin@example.org',
    phone: null,
    adults: [{ firstName: 'Paul', occupation: 'Boulanger' }],
    childrenAges: [7],
  });
  const shown = textOf((await page(`/admin/dossiers/${kept.id}`)).body);
  assert.ok(shown.includes('même e-mail (paul.martin@example.org)'));
  const merged = await post(t, s.leadCookie, `/admin/dossiers/${kept.id}/fusionner`, { otherId: other.id });
  assert.equal(merged.statusCode, 303);
  const members = await t.ctx.db.select().from(fileMembers).where(eq(fileMembers.fileId, kept.id));
  assert.equal(members.length, 2);
  assert.ok(textOf((await page(`/admin/dossiers/${kept.id}`)).body).includes('Boulanger'));
});
