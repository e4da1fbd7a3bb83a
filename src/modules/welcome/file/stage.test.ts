import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createTestFile } from '../../../../test/helpers/welcome.js';
import { checkins, fileStages, newcomerFiles } from '../schema.js';
import { parisDay } from './dates.js';
import { settlingCommunes } from './stage.js';
import { post, textOf, twoReferents } from './test-support.js';

let t: TestApp;
let s: Awaited<ReturnType<typeof twoReferents>>;
before(async () => {
  t = await testApp();
  s = await twoReferents(t);
});
after(() => t.close());

const stageId = async (slug: string) =>
  (await t.ctx.db.select().from(fileStages).where(eq(fileStages.slug, slug)))[0].id;
const fileRow = async (id: string) =>
  (await t.ctx.db.select().from(newcomerFiles).where(eq(newcomerFiles.id, id)))[0];
const checkinsOf = (id: string) => t.ctx.db.select().from(checkins).where(eq(checkins.fileId, id));

/** A day `days` from today, as a referent types it: "15/03/2026". */
function frenchDay(days: number): string {
  const [y, m, d] = parisDay(new Date(Date.now() + days * 86_400_000)).split('-');
  return `${d}/${m}/${y}`;
}

test('settling needs a Lot commune and a sensible date, with French messages; nothing changes meanwhile', async () => {
  const file = await createTestFile(t.ctx.db, { leadOrganisationId: s.lead.id });
  const url = `/admin/dossiers/${file.id}/etape`;
  const settled = await stageId('installe');
  const [commune] = await settlingCommunes(t.ctx.db);

  const noCommune = await post(t, s.leadCookie, url, { stageId: settled, settledOn: frenchDay(-3) });
  assert.equal(noCommune.statusCode, 400);
  const text = textOf(noCommune.body);
  assert.ok(text.includes('Choisissez la commune où le foyer s’est installé.'));
  assert.ok(text.includes('Rien n’a été enregistré'));

  const outside = await post(t, s.leadCookie, url, {
    stageId: settled,
    settledCommune: '75056',
    settledOn: frenchDay(-3),
  });
  assert.ok(textOf(outside.body).includes('Choisissez une commune du Lot dans la liste.'));
  const noDate = await post(t, s.leadCookie, url, { stageId: settled, settledCommune: commune.code });
  assert.ok(textOf(noDate.body).includes('Indiquez la date d’installation'));
  const badDate = await post(t, s.leadCookie, url, {
    stageId: settled,
    settledCommune: commune.code,
    settledOn: '31/02/2026',
  });
  assert.ok(textOf(badDate.body).includes('Saisissez une date valide au format jj/mm/aaaa'));
  const tooLate = await post(t, s.leadCookie, url, {
    stageId: settled,
    settledCommune: commune.code,
    settledOn: frenchDay(60),
  });
  assert.equal(tooLate.statusCode, 400);
  assert.ok(textOf(tooLate.body).includes('La date d’installation ne peut pas dépasser le'));

  const unchanged = await fileRow(file.id);
  assert.equal(unchanged.stageId, file.stageId);
  assert.equal(unchanged.settledCommuneCode, null);
  assert.equal((await checkinsOf(file.id)).length, 0);
});

test('settled with commune and French date: stored, check-ins scheduled; closing cancels them', async () => {
  const file = await createTestFile(t.ctx.db, { leadOrganisationId: s.lead.id });
  const url = `/admin/dossiers/${file.id}/etape`;
  const [commune] = await settlingCommunes(t.ctx.db);
  const day = frenchDay(-10);
  const response = await post(t, s.leadCookie, url, {
    stageId: await stageId('installe'),
    settledCommune: commune.code,
    settledOn: day,
  });
  assert.equal(response.statusCode, 303, textOf(response.body).slice(0, 400));
  const settled = await fileRow(file.id);
  assert.equal(settled.settledCommuneCode, commune.code);
  assert.equal(settled.settledOn, day.split('/').reverse().join('-'));
  assert.equal(settled.stageId, await stageId('installe'));
  assert.deepEqual(
    (await checkinsOf(file.id)).map((c) => c.months).sort((a, b) => a - b),
    [3, 6, 12, 24],
  );

  const noReason = await post(t, s.leadCookie, url, { stageId: await stageId('clos') });
  assert.equal(noReason.statusCode, 400);
  assert.ok(textOf(noReason.body).includes('Choisissez le motif de clôture dans la liste.'));
  const otherNoDetail = await post(t, s.leadCookie, url, {
    stageId: await stageId('clos'),
    closedReason: 'autre',
  });
  assert.ok(textOf(otherNoDetail.body).includes('Précisez le motif de clôture.'));

  const closed = await post(t, s.leadCookie, url, {
    stageId: await stageId('clos'),
    closedReason: 'ailleurs',
    closedDetail: 'parti en Dordogne',
  });
  assert.equal(closed.statusCode, 303);
  assert.equal((await fileRow(file.id)).closedReason, 'Installé ailleurs : parti en Dordogne');
  assert.equal((await checkinsOf(file.id)).filter((c) => !c.sentAt).length, 0, 'unsent check-ins dropped');
});

test('back to an open stage from settled forgets the settling and cancels the check-ins', async () => {
  const file = await createTestFile(t.ctx.db, { leadOrganisationId: s.lead.id });
  const url = `/admin/dossiers/${file.id}/etape`;
  const [commune] = await settlingCommunes(t.ctx.db);
  const iso = parisDay();
  await post(t, s.leadCookie, url, {
    stageId: await stageId('installe'),
    settledCommune: commune.code,
    settledOn: iso,
  });
  assert.equal((await fileRow(file.id)).settledOn, iso, 'the date input’s own format is accepted too');
  const back = await post(t, s.leadCookie, url, { stageId: await stageId('installation') });
  assert.equal(back.statusCode, 303);
  const row = await fileRow(file.id);
  assert.equal(row.settledCommuneCode, null);
  assert.equal(row.settledOn, null);
  assert.equal((await checkinsOf(file.id)).length, 0);
  const again = await post(t, s.leadCookie, url, { stageId: await stageId('installation') });
  assert.equal(again.headers.location, `/admin/dossiers/${file.id}?fait=inchange`);
});

test('an inactive stage or a made-up id is refused', async () => {
  const file = await createTestFile(t.ctx.db, { leadOrganisationId: s.lead.id });
  const [retired] = await t.ctx.db
    .insert(fileStages)
    .values({ slug: 'ancienne', name: 'Ancienne étape', position: 999, active: false })
    .returning();
  for (const id of [retired.id, 'pas-une-etape']) {
    const response = await post(t, s.leadCookie, `/admin/dossiers/${file.id}/etape`, { stageId: id });
    assert.equal(response.statusCode, 400);
    assert.ok(textOf(response.body).includes('Choisissez une étape dans la liste.'));
  }
});
