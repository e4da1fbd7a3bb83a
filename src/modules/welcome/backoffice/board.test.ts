import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { csrfTokenIn, type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createTestFile } from '../../../../test/helpers/welcome.js';
import { rows } from '../../../core/db/index.js';
import { newcomerFiles } from '../schema.js';
import { getPage, stageBySlug, twoTeams } from './test-fixtures.js';

let t: TestApp;
let s: Awaited<ReturnType<typeof twoTeams>>;
before(async () => {
  t = await testApp();
  s = await twoTeams(t);
});
after(() => t.close());

const board = (cookie: string, query = '') => getPage(t, cookie, `/admin/dossiers/tableau${query}`);

/** Posts a card's move form with the CSRF token of the board page. */
async function move(cookie: string, fields: Record<string, string>) {
  const page = await board(cookie);
  return t.app.inject({
    method: 'POST',
    url: '/admin/dossiers/tableau/deplacer',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrfTokenIn(page.body), ...fields }).toString(),
  });
}

const stageOf = async (id: string) =>
  (await t.ctx.db.select().from(newcomerFiles).where(eq(newcomerFiles.id, id)))[0].stageId;

test('the board shows one column per active stage with the files of the actor’s scope only', async () => {
  const a = await board(s.cookieA);
  assert.equal(a.statusCode, 200);
  for (const name of ['Premier contact', 'Qualification du projet', 'Installé', 'Clos'])
    assert.match(a.body, new RegExp(`<h2[^>]*>${name} <span`));
  assert.match(a.body, /Élodie Lefèvre/);
  assert.match(a.body, /Marc Andrieu/);
  assert.doesNotMatch(a.body, /Zoé Bernard|Brouillon/);
  assert.match(a.body, /<form method="post" action="\/admin\/dossiers\/tableau\/deplacer"/);
  const b = await board(s.cookieB);
  assert.match(b.body, /Zoé Bernard/);
  assert.doesNotMatch(b.body, /Élodie|Andrieu/);
  const dep = await board(s.cookieDep);
  for (const name of ['Élodie Lefèvre', 'Marc Andrieu', 'Zoé Bernard'])
    assert.match(dep.body, new RegExp(name));
  // Same filters as the list.
  const filtered = await board(s.cookieA, '?projet=takeover');
  assert.match(filtered.body, /Marc Andrieu/);
  assert.doesNotMatch(filtered.body, /Élodie/);
});

test('a move without JavaScript is journaled, touches the file and returns to the board with its filters', async () => {
  const visit = await stageBySlug(t, 'visite-decouverte');
  await t.ctx.db
    .update(newcomerFiles)
    .set({ lastActivityAt: sql`now() - interval '10 days'` })
    .where(eq(newcomerFiles.id, s.files.fileA1.id));
  const response = await move(s.cookieA, {
    fileId: s.files.fileA1.id,
    stageId: visit.id,
    retour: '?referent=moi&evil=https://example.com',
  });
  assert.equal(response.statusCode, 303);
  assert.equal(
    response.headers.location,
    `/admin/dossiers/tableau?referent=moi&deplace=${s.files.fileA1.id}#carte-${s.files.fileA1.id}`,
  );
  assert.equal(await stageOf(s.files.fileA1.id), visit.id);
  const entries = await rows<{ diff: Record<string, { before?: unknown; after?: unknown }> }>(
    t.ctx.db,
    sql`select diff from journal where action = 'file.stage' and target_type = 'file' and target_id = ${s.files.fileA1.id}`,
  );
  assert.equal(entries.length, 1);
  assert.deepEqual(entries[0].diff.stage, { before: 'Premier contact', after: 'Visite découverte' });
  const [file] = await t.ctx.db.select().from(newcomerFiles).where(eq(newcomerFiles.id, s.files.fileA1.id));
  assert.ok(Date.now() - file.lastActivityAt.getTime() < 60_000, 'the move counts as activity');
  const after = await board(s.cookieA, `?referent=moi&deplace=${s.files.fileA1.id}`);
  assert.match(after.body, /Le dossier [A-Z0-9-]+ a été déplacé vers « Visite découverte »/);
});

test('a forged move of another EPCI’s file answers 404 and changes nothing', async () => {
  const visit = await stageBySlug(t, 'visite-decouverte');
  const before = await stageOf(s.files.fileB1.id);
  for (const fileId of [
    s.files.fileB1.id,
    s.files.draft.id,
    'pas-un-id',
    '00000000-0000-0000-0000-000000000000',
  ]) {
    const response = await move(s.cookieA, { fileId, stageId: visit.id });
    assert.equal(response.statusCode, 404, fileId);
    assert.match(response.body, /Ce dossier n’existe pas ou vous n’y avez pas accès/);
  }
  assert.equal(await stageOf(s.files.fileB1.id), before);
  const journal = await rows(
    t.ctx.db,
    sql`select 1 from journal where target_id = ${s.files.fileB1.id} and action = 'file.stage'`,
  );
  assert.equal(journal.length, 0);
});

test('a move to a settled or closed stage goes to the file page’s stage form; a bad stage is refused', async () => {
  const settled = await stageBySlug(t, 'installe');
  const closed = await stageBySlug(t, 'clos');
  for (const stage of [settled, closed]) {
    const response = await move(s.cookieB, { fileId: s.files.fileB1.id, stageId: stage.id });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/admin/dossiers/${s.files.fileB1.id}?etape=${stage.id}#etape`);
  }
  assert.equal(await stageOf(s.files.fileB1.id), (await stageBySlug(t, 'premier-contact')).id);
  const bad = await move(s.cookieB, { fileId: s.files.fileB1.id, stageId: 'inconnue' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Cette étape n’existe pas/);
  // A file already settled leaves only through the file page (its check-ins are the file part's).
  const settledFile = await createTestFile(t.ctx.db, {
    leadOrganisationId: s.orgB.id,
    stageSlug: 'installe',
  });
  const back = await move(s.cookieB, {
    fileId: settledFile.id,
    stageId: (await stageBySlug(t, 'qualification')).id,
  });
  assert.match(String(back.headers.location), new RegExp(`^/admin/dossiers/${settledFile.id}\\?etape=`));
});

test('columns are capped, with a link to the rest in the list', async () => {
  for (let i = 0; i < 27; i++)
    await createTestFile(t.ctx.db, { leadOrganisationId: s.orgB.id, contactName: `Foyer ${i}`, phone: null });
  const page = await board(s.cookieB);
  const first = await stageBySlug(t, 'premier-contact');
  assert.match(page.body, /et 3 autres/);
  assert.match(page.body, new RegExp(`href="/admin/dossiers\\?etape=${first.id}"`));
  assert.equal(
    (page.body.match(/class="board__card"/g) ?? []).length,
    26,
    '25 cards in the first column, the settled file in its own',
  );
});
