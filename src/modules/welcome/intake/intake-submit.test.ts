import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { fileByEmail, fillAll, Household, mailsTo } from './test-household.js';

let t: TestApp;
before(async () => {
  t = await testApp({ LOG_LEVEL: 'silent' });
});
after(() => t.close());

test('when assignment fails, the project is still sent and confirmed', async () => {
  const email = 'sans-affectation@example.org';
  const h = new Household(t);
  await fillAll(t, h, email, { placeUnknown: 'oui' });
  // Without a Département organisation, the assignment cannot queue the file and throws.
  await t.ctx.db.execute(sql`update organisations set kind = 'autre' where kind = 'departement'`);
  const recap = await h.get('/mon-projet/recapitulatif');
  assert.equal(recap.statusCode, 200);
  const r = await h.postDirect('/mon-projet/recapitulatif', {});
  assert.equal(r.headers.location, '/mon-projet/merci');
  const file = await fileByEmail(t, email);
  assert.equal(file.status, 'open');
  assert.equal(file.leadOrganisationId, null, 'unassigned: the Département’s queue picks it up');
  const thanks = await h.get('/mon-projet/merci');
  assert.ok(thanks.body.includes('vous contactera sous 5 jours ouvrés'));
  assert.ok(thanks.body.includes(file.reference));
  const confirmations = (await mailsTo(t, email)).filter((m) => m.kind === 'welcome-intake-confirmation');
  assert.equal(confirmations.length, 1);

  // A second press of the button (another tab) sends nothing twice.
  const again = await h.postDirect('/mon-projet/recapitulatif', {});
  assert.equal(again.headers.location, '/mon-espace');
  assert.equal((await mailsTo(t, email)).filter((m) => m.kind === 'welcome-intake-confirmation').length, 1);
});
