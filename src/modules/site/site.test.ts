import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../test/helpers/app.js';
import { rows } from '../../core/db/index.js';
import { seedAll } from '../../seed.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

test('the home page offers one entry per target profile, from the database', async () => {
  const response = await t.app.inject({ url: '/' });
  assert.equal(response.statusCode, 200);
  for (const slug of ['secondes-vies', 'wanted', 'jeunes', 'touristes']) {
    assert.match(response.body, new RegExp(`href="/profils/${slug}"`));
  }
  assert.match(response.body, /producteur d’opportunités personnelles et professionnelles/);
  assert.match(response.body, /<a class="skip-link" href="#contenu">/);
  assert.match(response.body, /<main id="contenu"/);
});

test('a profile edited in the database shows on its page', async () => {
  await t.db().execute(sql`update target_profiles set tagline = 'Une ligne modifiée' where slug = 'wanted'`);
  const response = await t.app.inject({ url: '/profils/wanted' });
  assert.equal(response.statusCode, 200);
  assert.match(response.body, /Une ligne modifiée/);
  assert.match(response.body, /<h1>Wanted<\/h1>/);
});

test('an unknown profile is a 404, a malformed one a 400, both in French', async () => {
  const unknown = await t.app.inject({ url: '/profils/astronautes' });
  assert.equal(unknown.statusCode, 404);
  assert.match(unknown.body, /Page introuvable/);
  const malformed = await t.app.inject({ url: '/profils/%3Cscript%3E' });
  assert.equal(malformed.statusCode, 400);
  assert.match(malformed.body, /n’est pas valide/);
});

test('the programme page lists the 4 workstreams and the 14 actions', async () => {
  const response = await t.app.inject({ url: '/programme' });
  assert.equal(response.statusCode, 200);
  assert.equal((response.body.match(/class="programme-stream"/g) ?? []).length, 4);
  assert.equal(
    (response.body.match(/<span class="visually-hidden">Action \d+ : <\/span>/g) ?? []).length,
    14,
  );
  assert.match(response.body, /Faciliter l’emploi du conjoint/);
});

test('seeding again changes nothing and keeps editors’ changes', async () => {
  await t.db().execute(sql`update programme_actions set status = 'en_cours' where number = 2`);
  const count = async () =>
    rows<{ n: number }>(
      t.db(),
      sql`select (select count(*) from target_profiles) + (select count(*) from workstreams)
            + (select count(*) from programme_actions) + (select count(*) from brand_platforms) as n`,
    );
  const before = Number((await count())[0].n);
  await seedAll(t.db());
  assert.equal(Number((await count())[0].n), before);
  const [action] = await rows<{ status: string }>(
    t.db(),
    sql`select status from programme_actions where number = 2`,
  );
  assert.equal(action.status, 'en_cours');
  assert.equal(before, 4 + 4 + 14 + 1);
});

test('legal pages exist, and robots.txt points to the sitemap', async () => {
  for (const url of ['/mentions-legales', '/accessibilite', '/donnees-personnelles', '/plan-du-site']) {
    const response = await t.app.inject({ url });
    assert.equal(response.statusCode, 200, url);
    assert.match(response.body, /<h1>/);
  }
  const robots = await t.app.inject({ url: '/robots.txt' });
  assert.match(robots.body, /Sitemap: http:\/\/localhost:3000\/sitemap\.xml/);
  assert.match(robots.body, /Disallow: \/admin/);
});

test('the sitemap lists the site pages as absolute URLs', async () => {
  const response = await t.app.inject({ url: '/sitemap.xml' });
  assert.equal(response.statusCode, 200);
  assert.match(String(response.headers['content-type']), /application\/xml/);
  for (const path of ['/', '/profils/jeunes', '/programme', '/accessibilite']) {
    assert.ok(response.body.includes(`<loc>http://localhost:3000${path}</loc>`), path);
  }
});
