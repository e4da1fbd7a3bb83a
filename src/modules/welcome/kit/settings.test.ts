import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createUser, loginAs, postForm } from '../../../../test/helpers/factories.js';
import { epciOrganisation } from '../../../../test/helpers/welcome.js';
import { rows } from '../../../core/db/index.js';
import { kitSections } from '../schema.js';
import { winAnsi } from './pdf.js';
import { parseLinkLine } from './sections.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

async function admin() {
  const user = await createUser(t.ctx.db, { role: 'admin' });
  return loginAs(t.app, user.email, user.password);
}

const settingsJournal = () =>
  rows<{ action: string; targetId: string }>(
    t.ctx.db,
    sql`select action, target_id as "targetId" from journal where target_type = 'welcome-settings' order by id`,
  );

test('administrators list, add, edit and delete kit sections; every change is journaled', async () => {
  const cookie = await admin();
  const list = await get('/admin/accueil/kit', cookie);
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Vos étapes pour vous installer/);
  assert.match(list.body, /Liens utiles/);

  const created = await postForm(t.app, cookie, '/admin/accueil/kit/nouvelle', {
    title: 'Se garer à Cahors',
    kind: 'text',
    targetProfile: 'jeunes',
    body: 'Le parking de la gare est gratuit le dimanche.',
    position: '15',
  });
  assert.equal(created.statusCode, 303);
  const [row] = await t.ctx.db.select().from(kitSections).where(eq(kitSections.title, 'Se garer à Cahors'));
  assert.equal(row.targetProfile, 'jeunes');
  assert.equal(row.position, 15);
  assert.match((await get('/admin/accueil/kit', cookie)).body, /Se garer à Cahors/);

  const edited = await postForm(t.app, cookie, `/admin/accueil/kit/${row.id}`, {
    title: 'Se garer',
    kind: 'text',
    targetProfile: '',
    body: 'Gratuit le dimanche.',
    position: '5',
  });
  assert.equal(edited.statusCode, 303);
  const [after] = await t.ctx.db.select().from(kitSections).where(eq(kitSections.id, row.id));
  assert.equal(after.title, 'Se garer');
  assert.equal(after.targetProfile, null);

  const deleted = await postForm(
    t.app,
    cookie,
    `/admin/accueil/kit/${row.id}/supprimer`,
    {},
    `/admin/accueil/kit/${row.id}`,
  );
  assert.equal(deleted.statusCode, 303);
  assert.equal((await t.ctx.db.select().from(kitSections).where(eq(kitSections.id, row.id))).length, 0);
  assert.deepEqual(
    (await settingsJournal()).filter((j) => j.targetId === row.id).map((j) => j.action),
    ['kit-section.create', 'kit-section.update', 'kit-section.delete'],
  );
});

test('a links section refuses a line that is not « Libellé | https://… », in French, keeping what was typed', async () => {
  const cookie = await admin();
  const response = await postForm(t.app, cookie, '/admin/accueil/kit/nouvelle', {
    title: 'Mes liens',
    kind: 'links',
    body: 'Mairie | https://mairie.example.fr\nLa préfecture sans adresse\nPiège | javascript:alert(1)',
    position: 'dix',
  });
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /Ligne 2 : écrivez chaque lien sous la forme « Libellé \| https:\/\/adresse »/);
  assert.match(response.body, /L’ordre est un nombre entier/);
  assert.match(response.body, /La préfecture sans adresse/);
  assert.equal(
    (await t.ctx.db.select().from(kitSections).where(eq(kitSections.title, 'Mes liens'))).length,
    0,
  );

  const missing = await postForm(t.app, cookie, '/admin/accueil/kit/nouvelle', {
    title: '',
    kind: 'nope',
    body: '',
  });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /Donnez un titre à la section/);
  assert.match(missing.body, /Choisissez le type de section dans la liste/);
});

test('only administrators configure the kit; an unknown section is a 404', async () => {
  const org = await epciOrganisation(t.ctx.db);
  const referent = await createUser(t.ctx.db, { role: 'referent', organisationId: org.id });
  const cookie = await loginAs(t.app, referent.email, referent.password);
  assert.equal((await get('/admin/accueil/kit', cookie)).statusCode, 403);
  const refused = await postForm(
    t.app,
    cookie,
    '/admin/accueil/kit/nouvelle',
    { title: 'Intrus', kind: 'text', body: 'Non' },
    '/admin',
  );
  assert.equal(refused.statusCode, 403);
  const adminCookie = await admin();
  assert.equal(
    (await get('/admin/accueil/kit/00000000-0000-4000-8000-000000000000', adminCookie)).statusCode,
    404,
  );
  assert.equal((await get('/admin/accueil/kit/pas-un-id', adminCookie)).statusCode, 404);
});

test('link lines and PDF text mapping', () => {
  assert.deepEqual(parseLinkLine('France Travail | https://www.francetravail.fr'), {
    label: 'France Travail',
    url: 'https://www.francetravail.fr',
  });
  assert.equal(parseLinkLine('Piège | javascript:alert(1)'), null);
  assert.equal(parseLinkLine('Sans adresse'), null);
  assert.equal(winAnsi('Créer l’école « œuvre » — 3 €'), 'Créer l’école « œuvre » — 3 €');
  assert.equal(winAnsi('12\u202f000 habitants ≥ 2 ✓ ☐'), '12\u00a0000 habitants >= 2 v [ ]');
  assert.equal(winAnsi('Łódź 日本'), 'Lódz ??');
});
