import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createUser, loginAs } from '../../../../test/helpers/factories.js';
import { createTestFile } from '../../../../test/helpers/welcome.js';
import { one } from '../../../core/db/index.js';
import { fileStages, interactions, newcomerFiles, tasks } from '../schema.js';
import { post, textOf, twoReferents } from './test-support.js';

let t: TestApp;
let s: Awaited<ReturnType<typeof twoReferents>>;
before(async () => {
  t = await testApp();
  s = await twoReferents(t);
});
after(() => t.close());

/** Labels point at one element each: every id on the page is unique. */
function assertUniqueIds(html: string) {
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  assert.deepEqual(repeated, [], 'no id is repeated');
}

const page = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

test('the lead EPCI’s referent sees the summary; the read is journaled', async () => {
  const file = await createTestFile(t.ctx.db, {
    leadOrganisationId: s.lead.id,
    contactName: 'Léa Garnier',
    email: 'lea.garnier@example.org',
    phone: '06 98 76 54 32',
    adults: [
      { firstName: 'Léa', occupation: 'Kinésithérapeute', seekingWork: true, jobSearch: 'cabinet à Cahors' },
      { firstName: 'Tom', occupation: 'Menuisier' },
    ],
    childrenAges: [4, 9],
    overrides: {
      ambassadorCode: 'AMB-42',
      heardFrom: 'ambassador',
      housingTenure: 'rent',
      housingBudget: 900,
    },
  });
  const response = await page(s.leadCookie, `/admin/dossiers/${file.id}`);
  assert.equal(response.statusCode, 200);
  const text = textOf(response.body);
  for (const expected of [
    'Léa Garnier',
    'lea.garnier@example.org',
    '06 98 76 54 32',
    'Kinésithérapeute',
    'Cherche un emploi',
    'cabinet à Cahors',
    'Menuisier',
    '2 enfants : 4 ans, 9 ans',
    'Emploi salarié',
    'code ambassadeur AMB-42',
    'Location, budget 900 €',
    'Consentements',
    s.lead.name,
  ])
    assert.ok(text.includes(expected), `the page shows « ${expected} »`);
  assert.match(response.body, /<title>Dossier — dossier [A-Z0-9]{3}-[A-Z0-9]{3}/);
  assertUniqueIds(response.body);
  const headings = [...response.body.matchAll(/<h([1-6])/g)].map((m) => Number(m[1]));
  headings.forEach((level, i) => {
    if (i > 0) assert.ok(level <= headings[i - 1] + 1, `heading levels never skip (${headings.join(',')})`);
  });
  const read = await one<{ n: number }>(
    t.ctx.db,
    sql`select count(*)::int as n from journal where target_type = 'file' and target_id = ${file.id} and action = 'file.read'`,
  );
  assert.equal(read?.n, 1);
});

test('another EPCI’s referent gets 404 on the page and on every form, and nothing changes', async () => {
  const file = await createTestFile(t.ctx.db, { leadOrganisationId: s.lead.id });
  const duplicate = await createTestFile(t.ctx.db, {
    leadOrganisationId: s.lead.id,
    phone: '+33 6 11 11 11 11',
  });
  const [task] = await t.ctx.db
    .insert(tasks)
    .values({ fileId: file.id, title: 'Appeler', dueOn: '2030-01-01', organisationId: s.lead.id })
    .returning();
  const [settled] = await t.ctx.db.select().from(fileStages).where(eq(fileStages.slug, 'clos'));
  const snapshot = () =>
    one(
      t.ctx.db,
      sql`select f.stage_id, f.closed_reason, f.updated_at,
            (select count(*)::int from file_interactions where file_id = f.id) as interactions,
            (select count(*)::int from file_tasks where file_id = f.id) as tasks,
            (select done_at from file_tasks where id = ${task.id}) as done,
            (select merged_into from newcomer_files where id = ${duplicate.id}) as merged
          from newcomer_files f where f.id = ${file.id}`,
    );
  const before = await snapshot();

  assert.equal((await page(s.otherCookie, `/admin/dossiers/${file.id}`)).statusCode, 404);
  assert.equal((await page(s.otherCookie, `/admin/dossiers/${file.id}?etape=${settled.id}`)).statusCode, 404);
  assert.equal((await page(s.otherCookie, '/admin/dossiers/pas-un-identifiant')).statusCode, 404);
  const base = `/admin/dossiers/${file.id}`;
  const posts: [string, Record<string, string>][] = [
    [`${base}/etape`, { stageId: settled.id, closedReason: 'abandon' }],
    [
      `${base}/interactions`,
      { interactionKind: 'call', interactionBody: 'Bonjour', interactionVisibility: 'shared' },
    ],
    [`${base}/taches`, { taskTitle: 'Rappeler', taskDue: '01/01/2030' }],
    [`${base}/taches/${task.id}/fait`, {}],
    [`${base}/fusionner`, { otherId: duplicate.id }],
  ];
  for (const [url, fields] of posts) {
    const response = await post(t, s.otherCookie, url, fields);
    assert.equal(response.statusCode, 404, `${url} answers 404`);
    assert.match(response.body, /n’existe pas ou vous n’y avez pas accès/);
  }
  // The lead's referent cannot merge a file it does not see into its own either.
  const foreign = await createTestFile(t.ctx.db, { leadOrganisationId: s.other.id });
  assert.equal((await post(t, s.leadCookie, `${base}/fusionner`, { otherId: foreign.id })).statusCode, 404);
  assert.deepEqual(await snapshot(), before);
  const [foreignAfter] = await t.ctx.db.select().from(newcomerFiles).where(eq(newcomerFiles.id, foreign.id));
  assert.equal(foreignAfter.mergedInto, null);
});

test('a private interaction stays within its organisation; shared ones are read by every partner', async () => {
  const file = await createTestFile(t.ctx.db, { leadOrganisationId: s.lead.id, sharedWith: [s.other.id] });
  const url = `/admin/dossiers/${file.id}`;
  const privateNote = await post(t, s.leadCookie, `${url}/interactions`, {
    interactionKind: 'note',
    interactionBody: 'Le couple hésite entre deux communes, rester discret.',
    interactionVisibility: 'private',
  });
  assert.equal(privateNote.statusCode, 303);
  const shared = await post(t, s.leadCookie, `${url}/interactions`, {
    interactionKind: 'call',
    interactionAt: '2026-01-15T10:30',
    interactionBody: 'Premier appel, visite prévue en mars.',
    interactionVisibility: 'shared',
  });
  assert.equal(shared.statusCode, 303);
  const rowsStored = await t.ctx.db.select().from(interactions).where(eq(interactions.fileId, file.id));
  assert.equal(rowsStored.length, 2);

  const mine = textOf((await page(s.leadCookie, url)).body);
  assert.ok(mine.includes('rester discret'));
  assert.ok(mine.includes(`Note privée (visible par ${s.lead.name} seulement)`));
  const theirs = await page(s.otherCookie, url);
  assert.equal(theirs.statusCode, 200, 'the partner sharing the file opens it');
  const text = textOf(theirs.body);
  assert.ok(text.includes('visite prévue en mars'));
  assert.ok(!text.includes('rester discret'), 'the private note is not shown');
  assert.ok(!text.includes('Note privée'), 'not even its existence, in the list or the timeline');
});

test('a bad interaction comes back with French messages and nothing saved', async () => {
  const file = await createTestFile(t.ctx.db, { leadOrganisationId: s.lead.id });
  const response = await post(t, s.leadCookie, `/admin/dossiers/${file.id}/interactions`, {
    interactionKind: 'pigeon',
    interactionAt: '31/02/2026',
    interactionBody: '',
    interactionVisibility: 'shared',
  });
  assert.equal(response.statusCode, 400);
  assertUniqueIds(response.body);
  const text = textOf(response.body);
  assert.ok(text.includes('Choisissez le type d’échange dans la liste.'));
  assert.ok(text.includes('Saisissez une date et une heure valides'));
  assert.ok(text.includes('Décrivez l’échange.'));
  const stored = await t.ctx.db.select().from(interactions).where(eq(interactions.fileId, file.id));
  assert.equal(stored.length, 0);
});

test('the timeline tells the stage change in French, reads apart', async () => {
  const file = await createTestFile(t.ctx.db, { leadOrganisationId: s.lead.id });
  const [stage] = await t.ctx.db.select().from(fileStages).where(eq(fileStages.slug, 'qualification'));
  const url = `/admin/dossiers/${file.id}`;
  const moved = await post(t, s.leadCookie, `${url}/etape`, { stageId: stage.id });
  assert.equal(moved.statusCode, 303);
  assert.equal(moved.headers.location, `${url}?fait=etape`);
  const response = await page(s.leadCookie, moved.headers.location as string);
  const text = textOf(response.body);
  assert.ok(text.includes('L’étape du dossier a été modifiée.'));
  assert.ok(text.includes('Étape modifiée : Premier contact → Qualification du projet — Claire Dupont'));
  assert.ok(!text.includes('Consultation du dossier'), 'reads are counted, not listed');
  assert.match(text, /\d+ consultations? du dossier/);
  const withReads = textOf((await page(s.leadCookie, `${url}?consultations=1`)).body);
  assert.ok(withReads.includes('Consultation du dossier'));
});

test('the kanban’s ?etape= preselects a stage; an unknown one is said, not a 500', async () => {
  const file = await createTestFile(t.ctx.db, { leadOrganisationId: s.lead.id });
  const [stage] = await t.ctx.db.select().from(fileStages).where(eq(fileStages.slug, 'visite-decouverte'));
  const url = `/admin/dossiers/${file.id}`;
  const chosen = await page(s.leadCookie, `${url}?etape=${stage.id}`);
  assert.match(chosen.body, new RegExp(`<option value="${stage.id}" selected`));
  const unknown = await page(s.leadCookie, `${url}?etape=n-importe-quoi`);
  assert.equal(unknown.statusCode, 200);
  assert.ok(textOf(unknown.body).includes('L’étape demandée n’existe pas'));
});

test('a signed-out visitor is asked to sign in, whatever the id', async () => {
  const file = await createTestFile(t.ctx.db, { leadOrganisationId: s.lead.id });
  const response = await t.app.inject({ method: 'GET', url: `/admin/dossiers/${file.id}` });
  assert.equal(response.statusCode, 303);
  assert.match(String(response.headers.location), /^\/connexion\?retour=/);
  const viewer = await createUser(t.ctx.db, { role: 'viewer', organisationId: s.lead.id });
  const cookie = await loginAs(t.app, viewer.email, viewer.password);
  assert.equal((await page(cookie, `/admin/dossiers/${file.id}`)).statusCode, 404);
});
