import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../test/helpers/app.js';
import { createUser, loginAs, postForm } from '../../../test/helpers/factories.js';
import { rows } from '../../core/db/index.js';
import { journal } from '../../core/journal/index.js';
import { seedAll } from '../../seed.js';
import { listEpcis } from '../territory/index.js';
import { findOrganisationBySlug, listOrganisations, slugify } from './index.js';
import { organisations } from './schema.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

test('the seed gives the Département, the State, the chambers, Lot Tourisme and one organisation per EPCI', async () => {
  const orgs = await listOrganisations(t.ctx.db);
  const bySlug = new Map(orgs.map((o) => [o.slug, o]));
  assert.equal(bySlug.get('departement-du-lot')?.kind, 'departement');
  assert.equal(bySlug.get('prefecture-du-lot')?.kind, 'prefecture');
  assert.equal(orgs.filter((o) => o.kind === 'chambre').length, 3);
  assert.equal(bySlug.get('lot-tourisme')?.kind, 'tourisme');
  const epcis = await listEpcis(t.ctx.db);
  assert.equal(epcis.length, 10, 'the territory seed has the 10 EPCIs with members in the Lot');
  const epciOrgs = orgs.filter((o) => o.kind === 'epci');
  assert.equal(epciOrgs.length, epcis.length);
  for (const epci of epcis) {
    const org = epciOrgs.find((o) => o.epciCode === epci.code);
    assert.ok(org, `an organisation for ${epci.name}`);
    assert.equal(org.name, epci.name);
    assert.equal(org.slug, slugify(epci.name));
  }
});

test('seeding twice inserts nothing and never overwrites an edit', async () => {
  const dep = await findOrganisationBySlug(t.ctx.db, 'departement-du-lot');
  await t.ctx.db
    .update(organisations)
    .set({ name: 'Département du Lot (édité)' })
    .where(eq(organisations.id, dep!.id));
  const epciOrg = (await listOrganisations(t.ctx.db)).find((o) => o.kind === 'epci')!;
  await t.ctx.db
    .update(organisations)
    .set({ name: 'EPCI renommé', slug: 'epci-renomme' })
    .where(eq(organisations.id, epciOrg.id));
  const count = async () =>
    (await rows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from organisations`))[0].n;
  const before = await count();
  await seedAll(t.ctx.db);
  assert.equal(await count(), before);
  assert.equal(
    (await findOrganisationBySlug(t.ctx.db, 'departement-du-lot'))?.name,
    'Département du Lot (édité)',
  );
  assert.equal((await findOrganisationBySlug(t.ctx.db, 'epci-renomme'))?.epciCode, epciOrg.epciCode);
});

test('slugs are plain ASCII words joined by hyphens', () => {
  assert.equal(slugify('Chambre d’agriculture du Lot'), 'chambre-d-agriculture-du-lot');
  assert.equal(
    slugify('CC Causses et Vallée de la Dordogne (Cauvaldor)'),
    'cc-causses-et-vallee-de-la-dordogne-cauvaldor',
  );
});

test('the organisations list is for administrators: visitors go to the login page, other staff get a 403', async () => {
  const visitor = await t.app.inject({ method: 'GET', url: '/admin/organisations' });
  assert.equal(visitor.statusCode, 303);
  assert.match(String(visitor.headers.location), /^\/connexion\?retour=%2Fadmin%2Forganisations/);
  // The router decodes %61 into « a »: that spelling of the path meets the same gate.
  const encoded = await t.app.inject({ method: 'GET', url: '/%61dmin/organisations' });
  assert.equal(encoded.statusCode, 303);
  assert.match(String(encoded.headers.location), /^\/connexion\?retour=/);
  const encodedPost = await t.app.inject({ method: 'POST', url: '/%61dmin/organisations', payload: {} });
  assert.equal(encodedPost.statusCode, 401);
  const referent = await createUser(t.ctx.db, { role: 'referent' });
  const cookie = await loginAs(t.app, referent.email, referent.password);
  const denied = await t.app.inject({ method: 'GET', url: '/admin/organisations', headers: { cookie } });
  assert.equal(denied.statusCode, 403);
  const post = await postForm(
    t.app,
    cookie,
    '/admin/organisations/nouvelle',
    { name: 'X', kind: 'autre' },
    '/admin',
  );
  assert.equal(post.statusCode, 403);
});

test('administrators list organisations with kind, EPCI and staff count, and create and edit them, journaled', async () => {
  const admin = await createUser(t.ctx.db, { role: 'admin' });
  const cookie = await loginAs(t.app, admin.email, admin.password);
  const list = await t.app.inject({ method: 'GET', url: '/admin/organisations', headers: { cookie } });
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Chambre de métiers et de l’artisanat du Lot/);
  assert.match(list.body, /Intercommunalité \(EPCI\)/);

  const created = await postForm(t.app, cookie, '/admin/organisations/nouvelle', {
    name: 'Association des Lotois de Paris',
    kind: 'association',
    email: 'Contact@Lotois.example',
    website: 'https://lotois.example',
  });
  assert.equal(created.statusCode, 303);
  const org = await findOrganisationBySlug(t.ctx.db, 'association-des-lotois-de-paris');
  assert.ok(org);
  assert.equal(org.email, 'contact@lotois.example');
  await createUser(t.ctx.db, { role: 'employer', organisationId: org.id, name: 'Ambre Lotoise' });
  const page = await t.app.inject({
    method: 'GET',
    url: created.headers.location as string,
    headers: { cookie },
  });
  assert.match(page.body, /L’organisation a été enregistrée/);
  assert.match(page.body, /Ambre Lotoise/);
  const row = (
    await t.app.inject({ method: 'GET', url: '/admin/organisations', headers: { cookie } })
  ).body.match(
    /Association des Lotois de Paris<\/a><\/td><td>Association<\/td><td>—<\/td><td class="num">(\d+)<\/td>/,
  );
  assert.equal(row?.[1], '1', 'one staff member');

  const edited = await postForm(t.app, cookie, `/admin/organisations/${org.id}`, {
    name: 'Association des Lotois de Paris',
    kind: 'association',
    phone: '01 23 45 67 89',
  });
  assert.equal(edited.statusCode, 303);
  const entries = await t.ctx.db
    .select()
    .from(journal)
    .where(eq(journal.targetId, org.id))
    .orderBy(journal.id);
  assert.deepEqual(
    entries.map((e) => e.action),
    ['organisation.create', 'organisation.update'],
  );
  assert.deepEqual(entries[1].diff, {
    email: { before: 'contact@lotois.example', after: null },
    phone: { before: null, after: '01 23 45 67 89' },
    website: { before: 'https://lotois.example', after: null },
  });
});

test('the organisation form explains its errors in French', async () => {
  const admin = await createUser(t.ctx.db, { role: 'admin' });
  const cookie = await loginAs(t.app, admin.email, admin.password);
  const bad = await postForm(t.app, cookie, '/admin/organisations/nouvelle', {
    name: '',
    kind: 'roi',
    website: 'javascript:alert(1)',
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Saisissez le nom de l’organisation/);
  assert.match(bad.body, /Choisissez un type dans la liste/);
  assert.match(bad.body, /commençant par https:\/\//);
  const noEpci = await postForm(t.app, cookie, '/admin/organisations/nouvelle', {
    name: 'Une CC',
    kind: 'epci',
  });
  assert.match(noEpci.body, /Choisissez l’intercommunalité de cette organisation/);
  const [epci] = await listEpcis(t.ctx.db);
  const twice = await postForm(t.app, cookie, '/admin/organisations/nouvelle', {
    name: 'Doublon',
    kind: 'epci',
    epciCode: epci.code,
  });
  assert.equal(twice.statusCode, 400);
  assert.match(twice.body, /Une organisation existe déjà pour cette intercommunalité/);
  assert.equal(
    (await t.app.inject({ method: 'GET', url: '/admin/organisations/nimporte', headers: { cookie } }))
      .statusCode,
    404,
  );
});
