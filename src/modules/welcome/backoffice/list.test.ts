import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createUser, loginAs } from '../../../../test/helpers/factories.js';
import { createTestFile } from '../../../../test/helpers/welcome.js';
import { newcomerFiles } from '../schema.js';
import { getPage, stageBySlug, twoTeams } from './test-fixtures.js';

let t: TestApp;
let s: Awaited<ReturnType<typeof twoTeams>>;
before(async () => {
  t = await testApp();
  s = await twoTeams(t);
});
after(() => t.close());

const list = (cookie: string, query = '') => getPage(t, cookie, `/admin/dossiers${query}`);
const references = (html: string) =>
  [...html.matchAll(/href="\/admin\/dossiers\/[0-9a-f-]{36}">([A-Z0-9-]+)</g)].map((m) => m[1]);

test('each EPCI referent lists and counts only the files their organisation holds', async () => {
  const a = await list(s.cookieA);
  assert.equal(a.statusCode, 200);
  assert.match(a.body, /2 dossiers/);
  assert.match(a.body, /Élodie Lefèvre/);
  assert.match(a.body, /Marc Andrieu/);
  assert.doesNotMatch(a.body, /Zoé Bernard/);
  assert.doesNotMatch(a.body, /Brouillon/, 'a file still in the intake is not listed');
  // The stage counts are scoped too: one file in « Premier contact », one in « Qualification ».
  assert.match(a.body, /Premier contact \(1\)/);
  assert.match(a.body, /Qualification du projet \(1\)/);

  const b = await list(s.cookieB);
  assert.match(b.body, /1 dossier</);
  assert.match(b.body, /Zoé Bernard/);
  assert.doesNotMatch(b.body, /Élodie|Marc Andrieu/);
  assert.deepEqual(references(b.body), [s.files.fileB1.reference]);
});

test('the Département referent sees every submitted file; the nav entry shows for file users only', async () => {
  const page = await list(s.cookieDep);
  assert.match(page.body, /3 dossiers/);
  for (const name of ['Élodie Lefèvre', 'Marc Andrieu', 'Zoé Bernard'])
    assert.match(page.body, new RegExp(name));
  assert.match(page.body, /href="\/admin\/dossiers"[^>]*>Dossiers d’accueil/);
  const editor = await createUser(t.ctx.db, { role: 'editor' });
  const cookie = await loginAs(t.app, editor.email, editor.password);
  assert.equal((await list(cookie)).statusCode, 404);
  assert.doesNotMatch((await getPage(t, cookie, '/admin')).body, /Dossiers d’accueil/);
});

test('search ignores accents and case, and finds phones whatever their spacing or +33', async () => {
  const byName = await list(s.cookieA, '?q=elodie%20LEFEVRE');
  assert.deepEqual(references(byName.body), [s.files.fileA1.reference]);
  const byPhone = await list(s.cookieA, '?q=0798765432');
  assert.deepEqual(references(byPhone.body), [s.files.fileA2.reference]);
  const byPhoneSpaced = await list(s.cookieA, `?q=${encodeURIComponent('06 11 22')}`);
  assert.deepEqual(references(byPhoneSpaced.body), [s.files.fileA1.reference]);
  const byReference = await list(s.cookieA, `?q=${s.files.fileA2.reference.toLowerCase()}`);
  assert.deepEqual(references(byReference.body), [s.files.fileA2.reference]);
  const byEmail = await list(s.cookieA, '?q=elodie%40example');
  assert.deepEqual(references(byEmail.body), [s.files.fileA1.reference]);
  // Another EPCI's household is never found, even by its exact phone number.
  const other = await list(s.cookieA, `?q=${encodeURIComponent('05 65 00 00 01')}`);
  assert.match(other.body, /Aucun dossier ne correspond/);
  const wildcard = await list(s.cookieA, '?q=%25');
  assert.match(wildcard.body, /Aucun dossier ne correspond/, 'a % is a character, not a wildcard');
});

test('filters: stage, referent, project, profile, progress, EPCI', async () => {
  const qualification = await stageBySlug(t, 'qualification');
  assert.deepEqual(references((await list(s.cookieA, `?etape=${qualification.id}`)).body), [
    s.files.fileA2.reference,
  ]);
  assert.deepEqual(references((await list(s.cookieA, '?referent=moi')).body), [s.files.fileA1.reference]);
  assert.deepEqual(references((await list(s.cookieA, '?referent=aucun')).body), [s.files.fileA2.reference]);
  assert.deepEqual(references((await list(s.cookieA, `?referent=${s.refA.id}`)).body), [
    s.files.fileA1.reference,
  ]);
  assert.deepEqual(references((await list(s.cookieA, '?projet=takeover')).body), [s.files.fileA2.reference]);
  assert.deepEqual(references((await list(s.cookieA, '?profil=secondes-vies')).body), [
    s.files.fileA2.reference,
  ]);
  assert.match((await list(s.cookieA, '?avancement=installe')).body, /0 dossier/);
  assert.match((await list(s.cookieA, '?avancement=en-cours')).body, /2 dossiers/);
  const epciB = await list(s.cookieDep, `?epci=${s.orgB.epciCode}`);
  assert.deepEqual(references(epciB.body), [s.files.fileB1.reference]);
  // Scope wins over filters: asking for the other EPCI finds nothing.
  assert.match((await list(s.cookieA, `?epci=${s.orgB.epciCode}`)).body, /0 dossier/);
});

test('sort by name, submission and activity, both ways; pagination keeps the filters', async () => {
  const byName = references((await list(s.cookieDep, '?tri=nom')).body);
  assert.deepEqual(
    byName,
    [s.files.fileA1, s.files.fileA2, s.files.fileB1].map((f) => f.reference),
  );
  const byNameDesc = references((await list(s.cookieDep, '?tri=nom&ordre=desc')).body);
  assert.deepEqual(byNameDesc, [...byName].reverse());
  await t.ctx.db
    .update(newcomerFiles)
    .set({ lastActivityAt: sql`now() + interval '1 hour'` })
    .where(eq(newcomerFiles.id, s.files.fileB1.id));
  assert.equal(references((await list(s.cookieDep)).body)[0], s.files.fileB1.reference);
  assert.equal(references((await list(s.cookieDep, '?ordre=asc')).body).at(-1), s.files.fileB1.reference);
  const byStage = references((await list(s.cookieDep, '?tri=etape&ordre=desc')).body);
  assert.equal(byStage[0], s.files.fileA2.reference, 'qualification comes after premier contact');

  for (let i = 0; i < 50; i++)
    await createTestFile(t.ctx.db, { leadOrganisationId: s.orgB.id, contactName: `Foyer ${i}`, phone: null });
  const first = await list(s.cookieB, '?referent=aucun');
  assert.match(first.body, /50 dossiers/);
  assert.equal(references(first.body).length, 50);
  const many = await list(s.cookieB);
  assert.match(many.body, /51 dossiers/);
  assert.match(many.body, /Page 1 sur 2/);
  const second = await list(s.cookieB, '?tri=nom&page=2');
  assert.equal(references(second.body).length, 1);
  assert.match(second.body, /href="\/admin\/dossiers\?tri=nom&amp;page=1"/);
});

test('invalid parameters are dropped with a French message, never a 500', async () => {
  const page = await list(
    s.cookieA,
    '?etape=pas-une-etape&referent=00000000-0000-0000-0000-000000000000&tri=prix&ordre=haut&projet=x&epci=1&page=abc&avancement=z&profil=%3Cb%3E',
  );
  assert.equal(page.statusCode, 400);
  assert.match(page.body, /Choisissez une étape dans la liste/);
  assert.match(page.body, /Choisissez un référent dans la liste/);
  assert.match(page.body, /Choisissez un tri dans la liste/);
  assert.match(page.body, /2 dossiers/, 'the list still shows, without the invalid criteria');
  // A person of another organisation is not a choice for an EPCI referent.
  assert.equal((await list(s.cookieA, `?referent=${s.refB.id}`)).statusCode, 400);
  assert.equal((await list(s.cookieA, `?q=${'x'.repeat(101)}`)).statusCode, 400);
});
