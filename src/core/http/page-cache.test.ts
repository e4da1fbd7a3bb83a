import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../test/helpers/app.js';
import { bumpDataVersion } from './page-cache.js';

let t: TestApp;
before(async () => {
  t = await testApp({ PAGE_CACHE_TTL_MS: '0' });
});
after(() => t.close());

test('an anonymous page is rendered once, then served from the cache, compressed when accepted', async () => {
  const first = await t.app.inject({ url: '/programme' });
  assert.equal(first.headers['x-cache'], 'MISS');
  const second = await t.app.inject({
    url: '/programme',
    headers: { 'accept-encoding': 'gzip, deflate, br' },
  });
  assert.equal(second.headers['x-cache'], 'HIT');
  assert.equal(second.headers['content-encoding'], 'br');
  assert.equal(zlib.brotliDecompressSync(second.rawPayload).toString(), first.body);
  const gzip = await t.app.inject({ url: '/programme', headers: { 'accept-encoding': 'gzip' } });
  assert.equal(zlib.gunzipSync(gzip.rawPayload).toString(), first.body);
  assert.match(
    String(second.headers['content-security-policy']),
    /script-src 'self'/,
    'security headers kept',
  );
});

test('a change to public data shows at once after the version is bumped', async () => {
  await t.app.inject({ url: '/profils/jeunes' });
  await t
    .db()
    .execute(sql`update target_profiles set tagline = 'Revenez, on vous attend' where slug = 'jeunes'`);
  await bumpDataVersion(t.db());
  const response = await t.app.inject({ url: '/profils/jeunes' });
  assert.equal(response.headers['x-cache'], 'MISS');
  assert.match(response.body, /Revenez, on vous attend/);
});

test('pages with a form or for a signed-in person are never cached', async () => {
  const login = await t.app.inject({ url: '/connexion' });
  assert.equal(login.statusCode, 200);
  assert.equal(login.headers['x-cache'], undefined);
  const again = await t.app.inject({ url: '/connexion' });
  assert.notEqual(again.headers['x-cache'], 'HIT');
  await t.app.inject({ url: '/mentions-legales' });
  const withSession = await t.app.inject({
    url: '/mentions-legales',
    headers: { cookie: 'choisir_session=whatever' },
  });
  assert.notEqual(withSession.headers['x-cache'], 'HIT');
});

test('error pages are not cached', async () => {
  await t.app.inject({ url: '/nulle-part' });
  const again = await t.app.inject({ url: '/nulle-part' });
  assert.equal(again.statusCode, 404);
  assert.notEqual(again.headers['x-cache'], 'HIT');
});
