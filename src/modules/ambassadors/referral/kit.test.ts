import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ambassadorCookie, createTestAmbassador } from '../../../../test/helpers/ambassadors.js';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createUser, loginAs } from '../../../../test/helpers/factories.js';
import { createTestFile } from '../../../../test/helpers/welcome.js';
import { adminPaths, publicBase, referralPath, spacePaths } from '../paths.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const get = (url: string, cookie = '') => t.app.inject({ method: 'GET', url, headers: { cookie } });

test('the share kit holds the personal link, the QR code and ready-made posts', async () => {
  const a = await createTestAmbassador(t.ctx.db);
  const cookie = await ambassadorCookie(t.ctx.db, a.id);
  const kit = await get(spacePaths.kit, cookie);
  assert.equal(kit.statusCode, 200);
  const link = `${t.ctx.config.PUBLIC_URL}${referralPath(a.code)}`;
  assert.match(kit.body, new RegExp(`value="${link}"`));
  assert.match(kit.body, /Télécharger le QR code/);
  assert.match(kit.body, /download="qr-code-ambassadeur-/);
  assert.match(kit.body, /https:\/\/wa\.me\/\?text=/);
  assert.match(kit.body, /linkedin\.com\/sharing\/share-offsite/);
  assert.match(kit.body, /facebook\.com\/sharer\/sharer\.php/);
  assert.match(kit.body, /mailto:/);
  assert.ok((kit.body.match(new RegExp(link.replaceAll('.', '\\.'), 'g')) ?? []).length >= 6);
  assert.doesNotMatch(kit.body, /<script[^>]+src="https?:/);

  const qr = await get(spacePaths.qrCode, cookie);
  assert.equal(qr.statusCode, 200);
  assert.match(String(qr.headers['content-type']), /image\/svg\+xml/);
  assert.match(qr.body, /<svg/);

  assert.equal((await get(spacePaths.kit)).statusCode, 303);
  assert.equal((await get(spacePaths.qrCode)).statusCode, 303);
});

test('staff see the impact per ambassador, chapter and EPCI; the public page counts settled households', async () => {
  const a = await createTestAmbassador(t.ctx.db, { name: 'Basile Partageur' });
  await get(referralPath(a.code));
  await createTestFile(t.ctx.db, { stageSlug: 'installe', overrides: { ambassadorCode: a.code } });
  const user = await createUser(t.ctx.db, { role: 'animator' });
  const staff = await loginAs(t.app, user.email, user.password);
  const page = await get(adminPaths.impact, staff);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Impact du réseau/);
  assert.match(page.body, /Basile Partageur/);
  assert.match(page.body, /Par intercommunalité/);
  assert.match(page.body, /File du Département/);

  const anonymous = await get(adminPaths.impact);
  assert.notEqual(anonymous.statusCode, 200);

  const landing = await get(publicBase);
  assert.match(landing.body, /<strong>1<\/strong> foyer installé/);
  assert.match(landing.body, /href="\/ambassadeurs\/portraits"/);
});
