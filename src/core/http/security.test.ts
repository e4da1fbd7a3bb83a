import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, testApp } from '../../../test/helpers/app.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

test('pages carry a strict CSP with no inline script and no other host', async () => {
  const response = await t.app.inject({ method: 'GET', url: '/' });
  const csp = String(response.headers['content-security-policy']);
  assert.match(csp, /script-src 'self'(;|$)/);
  // The one exception: the three video players a visitor loads with a click (content videos).
  assert.match(
    csp,
    /frame-src 'self' https:\/\/www\.youtube-nocookie\.com https:\/\/player\.vimeo\.com https:\/\/www\.dailymotion\.com(;|$)/,
  );
  assert.doesNotMatch(csp.replace(/frame-src [^;]*/, ''), /unsafe-inline|unsafe-eval|https?:/);
  assert.equal(response.headers['x-content-type-options'], 'nosniff');
  assert.ok(!/<script(?![^>]*\bsrc=)[^>]*>/.test(response.body), 'no inline script');
  assert.ok(!/\sstyle="/.test(response.body), 'no inline style attribute');
  const loaded = [
    ...response.body.matchAll(/<(?:script|img|link(?![^>]*rel="canonical"))[^>]*\s(?:src|href)="([^"]+)"/g),
  ].map((m) => m[1]);
  assert.ok(loaded.length >= 2, 'stylesheet and icon found');
  for (const url of loaded) assert.ok(url.startsWith('/'), `resource from another host: ${url}`);
});

test('an unknown page is a French 404 page', async () => {
  const response = await t.app.inject({ method: 'GET', url: '/nulle-part' });
  assert.equal(response.statusCode, 404);
  assert.match(response.body, /<title>Page introuvable/);
  assert.match(response.body, /lang="fr"/);
});

test('an unknown API path answers JSON in French', async () => {
  const response = await t.app.inject({ method: 'GET', url: '/api/nulle-part' });
  assert.equal(response.statusCode, 404);
  assert.equal(response.json().error.code, 'not_found');
});

test('a POST without CSRF token is refused with a French message, not a 500', async () => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/',
    payload: 'a=b',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.ok([403, 404].includes(response.statusCode), `status ${response.statusCode}`);
});

test('/healthz reports the database kind', async () => {
  const response = await t.app.inject({ method: 'GET', url: '/healthz' });
  assert.equal(response.statusCode, 200);
  assert.equal(response.json().database, process.env.DATABASE_URL ? 'postgres' : 'pglite');
});

test('/healthz tells whether this process runs the job queue', async () => {
  const before = await t.app.inject({ method: 'GET', url: '/healthz' });
  assert.equal(before.json().jobs, false);
  t.ctx.jobs = {} as typeof t.ctx.jobs;
  const after = await t.app.inject({ method: 'GET', url: '/healthz' });
  assert.equal(after.json().jobs, true);
  t.ctx.jobs = null;
});
