import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { asc, eq, sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createUser, loginAs, postForm } from '../../../../test/helpers/factories.js';
import { createTestFile, epciOrganisation } from '../../../../test/helpers/welcome.js';
import { rows } from '../../../core/db/index.js';
import { fileStages } from '../schema.js';
import { stageBySlug } from './test-fixtures.js';

let t: TestApp;
let cookie: string;
const base = '/admin/accueil/etapes';
before(async () => {
  t = await testApp();
  const admin = await createUser(t.ctx.db, { role: 'admin' });
  cookie = await loginAs(t.app, admin.email, admin.password);
});
after(() => t.close());

const post = (url: string, fields: Record<string, string> = {}) => postForm(t.app, cookie, url, fields, base);
const stages = () => t.ctx.db.select().from(fileStages).orderBy(asc(fileStages.position));
const journal = (action: string) =>
  rows<{ target_type: string }>(t.ctx.db, sql`select target_type from journal where action = ${action}`);

test('administrators list the stages; other staff may not configure them', async () => {
  const page = await t.app.inject({ method: 'GET', url: base, headers: { cookie } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1>Étapes des dossiers<\/h1>/);
  assert.match(page.body, /value="Premier contact"/);
  const referent = await createUser(t.ctx.db, {
    role: 'referent',
    organisationId: (await epciOrganisation(t.ctx.db)).id,
  });
  const other = await loginAs(t.app, referent.email, referent.password);
  assert.equal(
    (await t.app.inject({ method: 'GET', url: base, headers: { cookie: other } })).statusCode,
    403,
  );
});

test('adding a stage checks the name and the kind, then journals it', async () => {
  const empty = await post(base, { nom: '', type: 'open' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /Saisissez le nom de l’étape/);
  const badKind = await post(base, { nom: 'Relance', type: 'perdu' });
  assert.equal(badKind.statusCode, 400);
  assert.match(badKind.body, /Choisissez ce que signifie cette étape/);
  assert.match(badKind.body, /value="Relance"/, 'what was typed is kept');
  const duplicate = await post(base, { nom: 'premier CONTACT', type: 'open' });
  assert.equal(duplicate.statusCode, 400);
  assert.match(duplicate.body, /Une étape porte déjà ce nom/);

  const added = await post(base, { nom: 'Relance téléphonique', type: 'open' });
  assert.equal(added.statusCode, 303);
  const list = await stages();
  assert.equal(list.at(-1)?.name, 'Relance téléphonique');
  assert.equal(list.at(-1)?.slug, 'relance-telephonique');
  assert.equal((await journal('welcome.stage.create'))[0]?.target_type, 'welcome-settings');
  const page = await t.app.inject({
    method: 'GET',
    url: String(added.headers.location),
    headers: { cookie },
  });
  assert.match(page.body, /L’étape a été ajoutée/);
});

test('renaming and reordering', async () => {
  const qualification = await stageBySlug(t, 'qualification');
  const blank = await post(`${base}/${qualification.id}/renommer`, { nom: ' ' });
  assert.equal(blank.statusCode, 400);
  assert.match(blank.body, new RegExp(`href="#nom-${qualification.id}"`));
  const renamed = await post(`${base}/${qualification.id}/renommer`, { nom: 'Qualification' });
  assert.equal(renamed.statusCode, 303);
  assert.equal((await stageBySlug(t, 'qualification')).name, 'Qualification');
  assert.equal((await journal('welcome.stage.rename')).length, 1);

  const before = (await stages()).map((s) => s.slug);
  assert.equal((await post(`${base}/${qualification.id}/monter`)).statusCode, 303);
  const after = (await stages()).map((s) => s.slug);
  assert.deepEqual(after.slice(0, 2), ['qualification', 'premier-contact']);
  assert.deepEqual(after.slice(2), before.slice(2));
  assert.equal((await post(`${base}/${qualification.id}/descendre`)).statusCode, 303);
  assert.deepEqual(
    (await stages()).map((s) => s.slug),
    before,
  );
  assert.equal((await journal('welcome.stage.move')).length, 2);
  assert.equal((await post(`${base}/00000000-0000-0000-0000-000000000000/monter`)).statusCode, 404);
  assert.equal((await post(`${base}/pas-un-id/renommer`, { nom: 'X' })).statusCode, 404);
});

test('a stage with files cannot be deactivated, and the page says how many', async () => {
  const visit = await stageBySlug(t, 'visite-decouverte');
  const org = await epciOrganisation(t.ctx.db);
  await createTestFile(t.ctx.db, { leadOrganisationId: org.id, stageSlug: 'visite-decouverte' });
  await createTestFile(t.ctx.db, { leadOrganisationId: org.id, stageSlug: 'visite-decouverte' });
  const page = await t.app.inject({ method: 'GET', url: base, headers: { cookie } });
  assert.match(page.body, /Désactivation impossible : 2 dossiers/);
  const refused = await post(`${base}/${visit.id}/desactiver`);
  assert.equal(refused.statusCode, 409);
  assert.match(refused.body, /ne peut pas être désactivée : 2 dossiers y sont encore/);
  assert.equal((await stageBySlug(t, 'visite-decouverte')).active, true);

  const empty = await stageBySlug(t, 'installation');
  assert.equal((await post(`${base}/${empty.id}/desactiver`)).statusCode, 303);
  assert.equal((await stageBySlug(t, 'installation')).active, false);
  assert.equal((await journal('welcome.stage.deactivate')).length, 1);
  // An inactive stage leaves the board, and comes back when reactivated.
  const board = await t.app.inject({ method: 'GET', url: '/admin/dossiers/tableau', headers: { cookie } });
  assert.doesNotMatch(board.body, />Installation en cours </);
  assert.equal((await post(`${base}/${empty.id}/activer`)).statusCode, 303);
  assert.equal((await stageBySlug(t, 'installation')).active, true);
});

test('the last active open stage stays: new files must land somewhere', async () => {
  for (const s of await stages())
    if (s.kind === 'open' && s.slug !== 'premier-contact')
      await t.ctx.db.update(fileStages).set({ active: false }).where(eq(fileStages.id, s.id));
  const first = await stageBySlug(t, 'premier-contact');
  const refused = await post(`${base}/${first.id}/desactiver`);
  assert.equal(refused.statusCode, 409);
  assert.match(refused.body, /la dernière étape en cours/);
});
