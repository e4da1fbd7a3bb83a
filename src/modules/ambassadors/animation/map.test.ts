import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestAmbassador } from '../../../../test/helpers/ambassadors.js';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createUser, loginAs } from '../../../../test/helpers/factories.js';
import { adminPaths } from '../paths.js';

let t: TestApp;
let animator: string;
before(async () => {
  t = await testApp();
  const user = await createUser(t.ctx.db, { role: 'animator' });
  animator = await loginAs(t.app, user.email, user.password);
});
after(() => t.close());

const get = (url: string, cookie = animator) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const cahorsRow = /<th scope="row"><a [^>]*>Cahors<\/a><\/th><td>[^<]*<\/td><td>(\d+)<\/td>/;

test('the map counts active ambassadors per commune and the diaspora per chapter and city', async () => {
  await createTestAmbassador(t.ctx.db, { chapterSlug: 'paris' });
  await createTestAmbassador(t.ctx.db, { status: 'left' });
  await createTestAmbassador(t.ctx.db, {
    tie: 'diaspora',
    communeCode: null,
    city: 'Lyon',
    country: 'France',
    chapterSlug: 'france',
  });

  const page = await get(adminPaths.map);
  assert.equal(page.statusCode, 200);
  assert.equal(
    cahorsRow.exec(page.body)?.[1],
    '1',
    'Cahors: one active ambassador (the one who left is not counted)',
  );
  assert.ok(
    page.body.includes('<title>Cahors : 1 ambassadeur actif</title>'),
    'each commune of the map is named',
  );
  assert.ok(page.body.includes('<title>Figeac : 0 ambassadeur actif</title>'));
  assert.ok(page.body.includes('Lyon'), 'the diaspora by city');
  assert.ok(/Lotois ailleurs en France<\/th><td>1<\/td>/.test(page.body), 'the diaspora by chapter');
  assert.ok(page.body.includes('Légende'));

  const toulouse = await get(`${adminPaths.map}?chapitre=toulouse`);
  assert.equal(toulouse.statusCode, 200);
  assert.equal(cahorsRow.exec(toulouse.body), null, 'filtered by chapter');
  const bad = await get(`${adminPaths.map}?chapitre=nulle-part`);
  assert.equal(bad.statusCode, 400);
  assert.ok(bad.body.includes('Choisissez un chapitre dans la liste.'));
});
