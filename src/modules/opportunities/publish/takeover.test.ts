import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { csrfTokenIn, type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createOrganisation, createUser, loginAs } from '../../../../test/helpers/factories.js';
import { one } from '../../../core/db/index.js';
import { findPublicOpportunity } from '../public.js';
import { findOpportunity, findSeller } from '../store.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

async function post(cookie: string, url: string, fields: Record<string, string>, formPage = url) {
  const page = await t.app.inject({ method: 'GET', url: formPage, headers: { cookie } });
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrfTokenIn(page.body), ...fields }).toString(),
  });
}
const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const idFrom = (location: unknown) => String(location).match(/opportunites\/([0-9a-f-]{36})/)?.[1] ?? '';

const chamber = async () =>
  (await one<{ id: string }>(t.ctx.db, sql`select id from organisations where slug = 'cma-du-lot'`))!.id;

const takeover = (adviserId: string) => ({
  title: 'Boulangerie-pâtisserie en centre-bourg',
  description: 'Boulangerie réputée, four récent, deux salariés, clientèle fidèle et tournées en campagne.',
  communeCode: '46042',
  businessKind: 'commerce',
  operation: 'fonds',
  priceBand: '150-300k',
  minContribution: '40 000',
  housingIncluded: '1',
  confidentiality: 'epci',
  adviserId,
  sellerName: 'Jeanne Fournil',
  sellerCompany: 'SARL Au Bon Pain',
  sellerEmail: 'jeanne.fournil@example.org',
  intent: 'submit',
});

test('a chamber adviser files a takeover: the seller is kept apart, shown only to those allowed', async () => {
  const chamberId = await chamber();
  const adviser = await createUser(t.ctx.db, { role: 'adviser', organisationId: chamberId });
  const cookie = await loginAs(t.app, adviser.email, adviser.password);
  const url = '/admin/opportunites/nouvelle?type=takeover';
  const form = await get(cookie, url);
  assert.match(
    form.body,
    new RegExp(`<option value="${adviser.id}" selected>`),
    'the adviser is preselected',
  );

  const missing = await post(cookie, url, {
    ...takeover(adviser.id),
    sellerName: '',
    adviserId: crypto.randomUUID(),
  });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /Saisissez le nom du cédant/);
  assert.match(missing.body, /Choisissez un conseiller dans la liste\./);
  assert.match(missing.body, /value="SARL Au Bon Pain"/);

  const saved = await post(cookie, url, takeover(adviser.id));
  assert.equal(saved.statusCode, 303);
  const id = idFrom(saved.headers.location);
  const o = await findOpportunity(t.ctx.db, id);
  assert.equal(o?.status, 'pending');
  assert.equal(o?.adviserId, adviser.id);
  assert.equal(o?.publicCommuneCode, null, 'the commune is blurred to the EPCI');
  assert.equal(o?.communeCode, '46042');
  assert.equal(o?.employerName, null);
  assert.deepEqual(o?.details, {
    businessKind: 'commerce',
    operation: 'fonds',
    minContribution: 40000,
    housingIncluded: true,
    confidentiality: 'epci',
  });
  assert.equal((await findSeller(t.ctx.db, id))?.name, 'Jeanne Fournil');
  const journal = await one<{ n: number }>(
    t.ctx.db,
    sql`select count(*)::int as n from journal where target_id = ${id} and action = 'opportunity.seller'`,
  );
  assert.equal(journal?.n, 1);
  const diff = await one<{ diff: string }>(
    t.ctx.db,
    sql`select diff::text as diff from journal where target_id = ${id} and action = 'opportunity.seller'`,
  );
  assert.doesNotMatch(diff!.diff, /Fournil/, 'the journal names the seller fields, not their values');

  const own = await get(cookie, `/admin/opportunites/${id}`);
  assert.match(own.body, /Jeanne Fournil/);
  assert.match(own.body, new RegExp(`href="/admin/opportunites/${id}/demandes"`));
  assert.match((await get(cookie, `/admin/opportunites/${id}/modifier`)).body, /value="Jeanne Fournil"/);

  // An employer of another organisation: the page does not exist for them.
  const otherOrg = await createOrganisation(t.ctx.db, { kind: 'employeur' });
  const stranger = await createUser(t.ctx.db, { role: 'employer', organisationId: otherOrg.id });
  const strangerCookie = await loginAs(t.app, stranger.email, stranger.password);
  const denied = await get(strangerCookie, `/admin/opportunites/${id}`);
  assert.equal(denied.statusCode, 404);
  assert.doesNotMatch(denied.body, /Fournil/);

  // A colleague of the chamber who is not an adviser edits the takeover but never sees the seller.
  const colleague = await createUser(t.ctx.db, { role: 'referent', organisationId: chamberId });
  const colleagueCookie = await loginAs(t.app, colleague.email, colleague.password);
  const page = await get(colleagueCookie, `/admin/opportunites/${id}`);
  assert.equal(page.statusCode, 200);
  assert.doesNotMatch(page.body, /Fournil|Au Bon Pain|Le cédant|\/demandes"/);
  const edit = await get(colleagueCookie, `/admin/opportunites/${id}/modifier`);
  assert.doesNotMatch(edit.body, /Fournil|sellerName/);
  const { sellerName: _n, sellerCompany: _c, sellerEmail: _e, ...withoutSeller } = takeover(adviser.id);
  const saved2 = await post(colleagueCookie, `/admin/opportunites/${id}/modifier`, {
    ...withoutSeller,
    title: 'Boulangerie-pâtisserie avec logement',
  });
  assert.equal(saved2.statusCode, 303);
  assert.equal((await findSeller(t.ctx.db, id))?.name, 'Jeanne Fournil', 'the seller is left untouched');

  // The moderator (an administrator) reads it and approves; the public projection has no seller.
  const admin = await createUser(t.ctx.db, { role: 'admin' });
  const adminCookie = await loginAs(t.app, admin.email, admin.password);
  assert.match((await get(adminCookie, `/admin/opportunites/${id}`)).body, /Jeanne Fournil/);
  await post(adminCookie, `/admin/opportunites/${id}/valider`, {}, `/admin/opportunites/${id}`);
  const published = await findPublicOpportunity(t.ctx.db, id);
  assert.ok(published);
  assert.equal(published.communeCode, null);
  assert.doesNotMatch(JSON.stringify(published), /Fournil|Bon Pain|jeanne/i);
});
