import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { loginAs } from '../../../../test/helpers/factories.js';
import { one, rows } from '../../../core/db/index.js';
import { interactions } from '../schema.js';
import { householdPost, householdSession, setup } from './test-support.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

test('the household downloads everything held about its file; staff exports are journaled and scoped', async () => {
  const { referent, outsider, file } = await setup(t);
  const cookie = await householdSession(t, file.id);
  await householdPost(
    t,
    cookie,
    '/mon-espace/messages',
    { body: 'Une question sur les écoles.' },
    '/mon-espace',
  );
  await t.db().insert(interactions).values({
    fileId: file.id,
    kind: 'note',
    visibility: 'private',
    body: 'Note interne : rappeler mardi',
    organisationId: referent.organisationId,
  });

  const page = await get('/mon-espace/donnees', cookie);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /RGPD/);
  assert.match(page.body, /Télécharger toutes mes données/);
  assert.match(page.body, /Retirer mon accord/);

  const download = await get('/mon-espace/donnees/export.json', cookie);
  assert.equal(download.statusCode, 200);
  assert.match(download.headers['content-type'] as string, /application\/json/);
  assert.match(download.headers['content-disposition'] as string, /^attachment; filename="dossier-/);
  const data = JSON.parse(download.body);
  assert.equal(data.dossier.référence, file.reference);
  assert.equal(data.dossier.contact.email, file.email);
  assert.deepEqual(
    data.membres_du_foyer.map((m: { type: string; prénom: string | null; âge: number | null }) => [
      m.type,
      m.prénom,
      m.âge,
    ]),
    [
      ['adulte', 'Camille', null],
      ['enfant', null, 7],
    ],
  );
  assert.equal(data.messages[0].texte, 'Une question sur les écoles.');
  assert.equal(data.échanges_avec_les_partenaires[0].texte, 'Note interne : rappeler mardi');
  assert.ok(
    data.accords.length >= 2 && data.accords.every((a: { version_du_texte: string }) => a.version_du_texte),
  );
  assert.ok(data.journal.some((j: { action: string }) => j.action === 'household.login'));

  const exports = await rows<{ actor_label: string }>(
    t.db(),
    sql`select actor_label from journal where target_id = ${file.id} and action = 'file.export'`,
  );
  assert.deepEqual(
    exports.map((e) => e.actor_label),
    [`foyer ${file.reference}`],
  );

  const staff = await loginAs(t.app, referent.email, referent.password);
  const tab = await get(`/admin/dossiers/${file.id}/donnees`, staff);
  assert.equal(tab.statusCode, 200);
  assert.match(tab.body, /Accords du foyer/);
  const staffExport = await get(`/admin/dossiers/${file.id}/donnees/export.json`, staff);
  assert.equal(staffExport.statusCode, 200);
  assert.equal(JSON.parse(staffExport.body).dossier.référence, file.reference);
  const staffExports = await one<{ n: number }>(
    t.db(),
    sql`select count(*)::int as n from journal where target_id = ${file.id} and action = 'file.export' and actor_id = ${referent.id}`,
  );
  assert.equal(staffExports?.n, 1);

  const other = await loginAs(t.app, outsider.email, outsider.password);
  for (const url of [`/admin/dossiers/${file.id}/donnees`, `/admin/dossiers/${file.id}/donnees/export.json`])
    assert.equal((await get(url, other)).statusCode, 404, url);
});

test('withdrawing consent revokes a partner’s access at once; the lead’s withdrawal returns the file to the Département', async () => {
  const { chamber, chamberAdviser, referent, dep, file } = await setup(t);
  const cookie = await householdSession(t, file.id);
  const adviser = await loginAs(t.app, chamberAdviser.email, chamberAdviser.password);
  assert.equal((await get(`/admin/dossiers/${file.id}/messages`, adviser)).statusCode, 200);

  const required = await householdPost(
    t,
    cookie,
    `/mon-espace/donnees/accords/${dep.id}/retirer`,
    {},
    '/mon-espace/donnees',
  );
  assert.equal(required.statusCode, 400);
  assert.match(required.body, /ne peut pas être retiré/);

  const done = await householdPost(
    t,
    cookie,
    `/mon-espace/donnees/accords/${chamber.id}/retirer`,
    {},
    '/mon-espace/donnees',
  );
  assert.equal(done.statusCode, 303);
  const page = await get(done.headers.location as string, cookie);
  assert.match(page.body, /Votre accord à Chambre de test est retiré/);
  assert.equal((await get(`/admin/dossiers/${file.id}/messages`, adviser)).statusCode, 404);
  const consent = await one<{ withdrawn_at: Date | null }>(
    t.db(),
    sql`select withdrawn_at from file_consents where file_id = ${file.id} and organisation_id = ${chamber.id}`,
  );
  assert.ok(consent?.withdrawn_at);
  const told = await one<{ text: string }>(
    t.db(),
    sql`select text from mail_outbox where recipient = ${chamberAdviser.email} and kind = 'welcome.consent-withdrawn'`,
  );
  assert.match(told?.text ?? '', new RegExp(file.reference));
  const again = await householdPost(
    t,
    cookie,
    `/mon-espace/donnees/accords/${chamber.id}/retirer`,
    {},
    '/mon-espace/donnees',
  );
  assert.equal(again.statusCode, 400);

  // The lead (the EPCI) withdrawn: the Département's queue, no referent, a Département share.
  const lead = await householdPost(
    t,
    cookie,
    `/mon-espace/donnees/accords/${referent.organisationId}/retirer`,
    {},
    '/mon-espace/donnees',
  );
  assert.equal(lead.statusCode, 303);
  const staff = await loginAs(t.app, referent.email, referent.password);
  assert.equal((await get(`/admin/dossiers/${file.id}/messages`, staff)).statusCode, 404);
  const row = await one<{ lead: string; referent: string | null; shares: number }>(
    t.db(),
    sql`select lead_organisation_id as lead, referent_id as referent,
          (select count(*)::int from file_shares where file_id = ${file.id} and organisation_id = ${dep.id} and revoked_at is null) as shares
        from newcomer_files where id = ${file.id}`,
  );
  assert.equal(row?.lead, dep.id);
  assert.equal(row?.referent, null);
  assert.equal(row?.shares, 1);
  const actions = await rows<{ action: string }>(
    t.db(),
    sql`select action from journal where target_id = ${file.id} and action = 'consent.withdraw'`,
  );
  assert.equal(actions.length, 2);
});
