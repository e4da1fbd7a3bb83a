import assert from 'node:assert/strict';
import { after, before, mock, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createUser, loginAs } from '../../../../test/helpers/factories.js';
import { createTestOpportunity } from '../../../../test/helpers/opportunities.js';
import { rows } from '../../../core/db/index.js';
import { systemActor } from '../../../core/journal/index.js';
import { setStatus } from '../store.js';
import { loadDetail } from './data.js';

/** Opportunity pages are served from the page cache to anonymous visitors, their data from the detail cache. */
let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

async function codeOf(slug: string): Promise<string> {
  const [found] = await rows<{ code: string }>(t.ctx.db, sql`select code from communes where slug = ${slug}`);
  assert.ok(found, slug);
  return found.code;
}

test('an anonymous visitor gets the page from the shared page cache: no cookie, nothing private', async () => {
  const job = await createTestOpportunity(t.ctx.db, {
    title: 'Menuisier',
    contactEmail: 'menuiserie@example.org',
  });
  const first = await get(`/opportunites/${job.id}`);
  assert.equal(first.statusCode, 200);
  assert.equal(first.headers['set-cookie'], undefined, 'no cookie: nothing ties the page to its visitor');
  assert.doesNotMatch(String(first.headers['cache-control'] ?? ''), /private|no-store/);
  assert.equal(first.headers['x-cache'], 'MISS');
  const second = await get(`/opportunites/${job.id}`);
  assert.equal(second.headers['x-cache'], 'HIT', 'the next visitor is served from the cache');
  assert.equal(second.body, first.body);
  assert.match(second.body, new RegExp(`href="/opportunites/${job.id}/contact"`));

  // The form's page is the private one, and a signed-in visitor's page is never shared.
  const contact = await get(`/opportunites/${job.id}/contact`);
  assert.equal(contact.headers['cache-control'], 'private, no-store');
  assert.equal(contact.headers['x-cache'], undefined);
  const user = await createUser(t.ctx.db, { role: 'editor' });
  const cookie = await loginAs(t.app, user.email, user.password);
  const signedIn = await t.app.inject({ method: 'GET', url: `/opportunites/${job.id}`, headers: { cookie } });
  assert.equal(signedIn.statusCode, 200);
  assert.equal(signedIn.headers['cache-control'], 'private, no-store');
  assert.equal(signedIn.headers['x-cache'], undefined);
});

test('a new similar offer or a withdrawal shows at once despite the caches', async () => {
  const gramat = await codeOf('gramat');
  const base = await createTestOpportunity(t.ctx.db, {
    title: 'Boulanger',
    communeCode: gramat,
    sector: 'commerce',
  });
  const before = (await get(`/opportunites/${base.id}`)).body;
  assert.doesNotMatch(before, /Vendeur en boulangerie/);
  await createTestOpportunity(t.ctx.db, {
    title: 'Vendeur en boulangerie',
    communeCode: gramat,
    sector: 'commerce',
  });
  assert.match((await get(`/opportunites/${base.id}`)).body, /Vendeur en boulangerie/, 'a new similar offer');
  await setStatus(t.ctx.db, systemActor, base.id, 'withdrawn');
  const gone = await get(`/opportunites/${base.id}`);
  assert.equal(gone.statusCode, 404, 'a withdrawn offer is gone at once');
});

test('the detail data is kept per opportunity, and an offer past its expiry leaves within a minute', async () => {
  const job = await createTestOpportunity(t.ctx.db, { title: 'Charpentier' });
  const first = await loadDetail(t.ctx.db, job.id);
  assert.equal(first?.opportunity.title, 'Charpentier');
  assert.equal(await loadDetail(t.ctx.db, job.id), first, 'the same value, not a new query');
  assert.equal(await loadDetail(t.ctx.db, job.id.toUpperCase()), first, 'whatever the case of the id');
  // Expiry is a matter of time, not of a write: nothing tells the cache, its age does.
  await t.ctx.db.execute(
    sql`update opportunities set expires_at = now() - interval '1 second' where id = ${job.id}`,
  );
  assert.equal(await loadDetail(t.ctx.db, job.id), first, 'still within the minute');
  mock.timers.enable({ apis: ['Date'], now: Date.now() + 61_000 });
  try {
    assert.equal(await loadDetail(t.ctx.db, job.id), undefined);
  } finally {
    mock.timers.reset();
  }
});
