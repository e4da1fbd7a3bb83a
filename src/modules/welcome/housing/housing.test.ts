import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createUser, loginAs, postForm } from '../../../../test/helpers/factories.js';
import { createTestOpportunity } from '../../../../test/helpers/opportunities.js';
import { createTestFile, epciOrganisation } from '../../../../test/helpers/welcome.js';
import { rows } from '../../../core/db/index.js';
import { housingRequests, newcomerFiles } from '../schema.js';
import { parseFrenchDate } from './form.js';
import { housingSummaryForHousehold } from './index.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

const journalActions = async (fileId: string) =>
  (
    await rows<{ action: string }>(
      t.ctx.db,
      sql`select action from journal where target_type = 'file' and target_id = ${fileId} and action like 'housing.%' order by id`,
    )
  ).map((r) => r.action);

async function setup() {
  const [cahors] = await rows<{ epci: string }>(
    t.ctx.db,
    sql`select epci_code as epci from communes where code = '46042'`,
  );
  const mine = await epciOrganisation(t.ctx.db, cahors.epci);
  const [other] = await rows<{ id: string }>(
    t.ctx.db,
    sql`select id from organisations where kind = 'epci' and id <> ${mine.id} limit 1`,
  );
  const referent = await createUser(t.ctx.db, { role: 'referent', organisationId: mine.id });
  const outsider = await createUser(t.ctx.db, { role: 'referent', organisationId: other.id });
  const file = await createTestFile(t.ctx.db, {
    leadOrganisationId: mine.id,
    referentId: referent.id,
    overrides: { needsTemporaryHousing: true, housingTenure: 'rent' },
  });
  return {
    file,
    cookie: await loginAs(t.app, referent.email, referent.password),
    outsiderCookie: await loginAs(t.app, outsider.email, outsider.password),
  };
}

const tab = (id: string) => `/admin/dossiers/${id}/logement`;

test('French dates: typed or from a date picker, real calendar days only', () => {
  assert.equal(parseFrenchDate('15/09/2026'), '2026-09-15');
  assert.equal(parseFrenchDate('1.2.2027'), '2027-02-01');
  assert.equal(parseFrenchDate('2026-09-15'), '2026-09-15');
  assert.equal(parseFrenchDate('31/02/2026'), null);
  assert.equal(parseFrenchDate('demain'), null);
});

test('a request is validated in French, created, offered a housing of the inventory, then closed', async () => {
  const { file, cookie } = await setup();
  const housing = await createTestOpportunity(t.ctx.db, {
    kind: 'housing',
    title: 'Gîte communal des Chartreux',
    details: { housingKind: 'gite-communal', capacity: 4 },
  });
  const job = await createTestOpportunity(t.ctx.db, { title: 'Un emploi, pas un logement' });

  const page = await get(tab(file.id), cookie);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Souhaité/);
  assert.match(page.body, /Gîte communal des Chartreux/);
  assert.match(page.body, /Aucune demande pour l’instant/);

  const bad = await postForm(t.app, cookie, `${tab(file.id)}/demandes`, {
    fromOn: '31/02/2026',
    toOn: '01/01/2026',
    people: '0',
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /La date d’arrivée n’est pas une date valide : écrivez-la comme 15\/09\/2026/);
  assert.match(bad.body, /Indiquez un nombre de personnes entre 1 et 30/);
  assert.match(bad.body, /value="31\/02\/2026"/, 'what was typed is kept');
  const backwards = await postForm(t.app, cookie, `${tab(file.id)}/demandes`, {
    fromOn: '15/09/2026',
    toOn: '01/09/2026',
  });
  assert.equal(backwards.statusCode, 400);
  assert.match(backwards.body, /La date de départ doit être le même jour que l’arrivée ou après/);
  const missing = await postForm(t.app, cookie, `${tab(file.id)}/demandes`, { fromOn: '' });
  assert.match(missing.body, /Indiquez la date d’arrivée souhaitée/);
  assert.equal(
    (await t.ctx.db.select().from(housingRequests).where(eq(housingRequests.fileId, file.id))).length,
    0,
  );

  const before = (await t.ctx.db.select().from(newcomerFiles).where(eq(newcomerFiles.id, file.id)))[0];
  const created = await postForm(t.app, cookie, `${tab(file.id)}/demandes`, {
    fromOn: '15/09/2026',
    toOn: '30/11/2026',
    people: '3',
  });
  assert.equal(created.statusCode, 303);
  const [request] = await t.ctx.db.select().from(housingRequests).where(eq(housingRequests.fileId, file.id));
  assert.equal(request.fromOn, '2026-09-15');
  assert.equal(request.toOn, '2026-11-30');
  assert.equal(request.people, 3);
  assert.equal(request.status, 'requested');
  const touched = (await t.ctx.db.select().from(newcomerFiles).where(eq(newcomerFiles.id, file.id)))[0];
  assert.ok(touched.lastActivityAt >= before.lastActivityAt);
  assert.match(
    (await get(tab(file.id), cookie)).body,
    /Du 15 septembre 2026 au 30 novembre 2026, 3 personnes/,
  );

  const notHousing = await postForm(
    t.app,
    cookie,
    `${tab(file.id)}/demandes/${request.id}/proposer`,
    { opportunityId: job.id },
    tab(file.id),
  );
  assert.equal(notHousing.statusCode, 400);
  assert.match(notHousing.body, /Choisissez un logement temporaire publié dans la liste/);

  const offered = await postForm(
    t.app,
    cookie,
    `${tab(file.id)}/demandes/${request.id}/proposer`,
    { opportunityId: housing.id },
    tab(file.id),
  );
  assert.equal(offered.statusCode, 303);
  const [linked] = await t.ctx.db.select().from(housingRequests).where(eq(housingRequests.id, request.id));
  assert.equal(linked.opportunityId, housing.id);
  assert.equal(linked.status, 'offered');

  const skip = await postForm(
    t.app,
    cookie,
    `${tab(file.id)}/demandes/${request.id}/statut`,
    { status: 'requested' },
    tab(file.id),
  );
  assert.equal(skip.statusCode, 400, 'an offered request cannot go back to requested');
  const accepted = await postForm(
    t.app,
    cookie,
    `${tab(file.id)}/demandes/${request.id}/statut`,
    { status: 'accepted', outcome: 'Le foyer s’installe au gîte le 15 septembre.' },
    tab(file.id),
  );
  assert.equal(accepted.statusCode, 303);
  const summary = await housingSummaryForHousehold(t.ctx.db, file.id);
  assert.equal(summary.length, 1);
  assert.equal(summary[0].statusLabel, 'Accepté par le foyer');
  assert.deepEqual(summary[0].opportunity, { id: housing.id, title: 'Gîte communal des Chartreux' });
  assert.deepEqual(await journalActions(file.id), ['housing.request', 'housing.offer', 'housing.status']);
});

test('every housing route answers 404 to another EPCI’s referent', async () => {
  const { file, outsiderCookie } = await setup();
  const [request] = await t.ctx.db
    .insert(housingRequests)
    .values({ fileId: file.id, fromOn: '2026-10-01' })
    .returning();
  const housing = await createTestOpportunity(t.ctx.db, { kind: 'housing', title: 'Logement passerelle' });
  assert.equal((await get(tab(file.id), outsiderCookie)).statusCode, 404);
  const posts = [
    [`${tab(file.id)}/demandes`, { fromOn: '01/10/2026' }],
    [`${tab(file.id)}/demandes/${request.id}/proposer`, { opportunityId: housing.id }],
    [`${tab(file.id)}/demandes/${request.id}/statut`, { status: 'closed' }],
  ] as const;
  for (const [url, fields] of posts) {
    const response = await postForm(t.app, outsiderCookie, url, { ...fields }, '/admin');
    assert.equal(response.statusCode, 404, url);
  }
  const [still] = await t.ctx.db.select().from(housingRequests).where(eq(housingRequests.fileId, file.id));
  assert.equal(still.status, 'requested');
  assert.equal(await journalActions(file.id).then((a) => a.length), 0);
});
