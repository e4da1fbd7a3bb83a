import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createUser, loginAs, postForm } from '../../../../test/helpers/factories.js';
import { createTestOpportunity } from '../../../../test/helpers/opportunities.js';
import { one, rows } from '../../../core/db/index.js';
import { recordFile } from '../journal.js';
import { checkins, fileMessages, housingRequests, interactions, proposals, tasks } from '../schema.js';
import { householdPost, householdSession, setup } from './test-support.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

test('the household deletes its file: nothing personal remains, the anonymous count does', async () => {
  const { orgA, referent, file } = await setup(t);
  const db = t.db();
  const email = file.email!;
  // Brought by an ambassador: the code must survive erasure so the ambassador's counts hold.
  await db.execute(sql`update newcomer_files set ambassador_code = 'LOT-ERASE' where id = ${file.id}`);
  const cookie = await householdSession(t, file.id);
  await householdPost(t, cookie, '/mon-espace/messages', { body: 'Message à effacer' }, '/mon-espace');
  const opportunity = await createTestOpportunity(db);
  await db
    .insert(interactions)
    .values({ fileId: file.id, kind: 'call', body: 'Appel', organisationId: orgA.id });
  await db
    .insert(tasks)
    .values({ fileId: file.id, title: 'Rappeler Camille', dueOn: '2030-01-01', organisationId: orgA.id });
  await db.insert(proposals).values({ fileId: file.id, opportunityId: opportunity.id, note: 'Pour Camille' });
  await db
    .insert(housingRequests)
    .values({ fileId: file.id, fromOn: '2030-01-01', outcome: 'Gîte chez M. Dupont' });
  await db.insert(checkins).values([
    {
      fileId: file.id,
      months: 3,
      dueOn: '2030-01-01',
      sentAt: new Date(),
      answeredAt: new Date(),
      stillHere: true,
      satisfaction: 4,
      missing: 'Une crèche',
      tokenHash: 'abc',
    },
    { fileId: file.id, months: 6, dueOn: '2030-04-01' },
  ]);
  // A diff holding personal values, as a contact edit would leave.
  await recordFile(
    db,
    null,
    file.id,
    'file.update',
    { email, phone: '06 00 00 00 00' },
    { email: 'nouvelle@example.org' },
  );

  const confirm = await get('/mon-espace/donnees/supprimer', cookie);
  assert.equal(confirm.statusCode, 200);
  assert.match(confirm.body, /définitive/);
  const erased = await householdPost(
    t,
    cookie,
    '/mon-espace/donnees/supprimer',
    {},
    '/mon-espace/donnees/supprimer',
  );
  assert.equal(erased.statusCode, 200);
  assert.match(erased.body, /Votre dossier est supprimé/);

  const f = await one<Record<string, unknown>>(db, sql`select * from newcomer_files where id = ${file.id}`);
  assert.equal(f?.status, 'erased');
  assert.ok(f?.erased_at);
  for (const column of ['contact_name', 'email', 'phone', 'project_note', 'heard_detail'])
    assert.equal(f?.[column], null, column);
  // The ambassador who brought the household keeps the count: the code names the ambassador, not the person.
  assert.equal(f?.ambassador_code, 'LOT-ERASE');
  for (const table of [
    'file_members',
    'file_messages',
    'file_interactions',
    'file_tasks',
    'file_proposals',
    'file_housing_requests',
    'household_sessions',
    'household_tokens',
  ]) {
    const n = await one<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${sql.identifier(table)} where file_id = ${file.id}`,
    );
    assert.equal(n?.n, 0, table);
  }
  const kept = await rows<{
    months: number;
    satisfaction: number;
    missing: string | null;
    token_hash: string | null;
  }>(db, sql`select months, satisfaction, missing, token_hash from file_checkins where file_id = ${file.id}`);
  assert.deepEqual(kept, [{ months: 3, satisfaction: 4, missing: null, token_hash: null }]);
  const diffs = await one<{ n: number }>(
    db,
    sql`select count(*)::int as n from journal where target_type = 'file' and target_id = ${file.id} and diff is not null`,
  );
  assert.equal(diffs?.n, 0);
  const erase = await one<{ actor_label: string }>(
    db,
    sql`select actor_label from journal where target_id = ${file.id} and action = 'file.erase'`,
  );
  assert.equal(erase?.actor_label, `foyer ${file.reference}`);
  const shares = await one<{ n: number }>(
    db,
    sql`select count(*)::int as n from file_shares where file_id = ${file.id} and revoked_at is null`,
  );
  assert.equal(shares?.n, 0);

  // The address is nowhere: files, members, journal diffs, outbox.
  const found = await one<{ files: number; members: number; journal: number; outbox: number }>(
    db,
    sql`select (select count(*)::int from newcomer_files where email = ${email} or (id = ${file.id} and contact_name is not null)) as files,
          (select count(*)::int from file_members where first_name = 'Camille' and file_id = ${file.id}) as members,
          (select count(*)::int from journal where diff::text like ${`%${email}%`}) as journal,
          (select count(*)::int from mail_outbox where recipient = ${email} or text like ${`%${email}%`}) as outbox`,
  );
  assert.deepEqual(found, { files: 0, members: 0, journal: 0, outbox: 0 });

  // The anonymous count still finds it.
  const count = await one<{ n: number }>(
    db,
    sql`select count(*)::int as n from newcomer_files where epci_code = ${orgA.epciCode} and stage_id is not null and id = ${file.id}`,
  );
  assert.equal(count?.n, 1);

  // The session is gone; staff get 404.
  const space = await get('/mon-espace', cookie);
  assert.match(space.body, /Recevoir un lien de connexion/);
  assert.equal((await get('/mon-espace/donnees', cookie)).statusCode, 303);
  const admin = await createUser(db, { role: 'admin' });
  const staff = await loginAs(t.app, admin.email, admin.password);
  for (const tab of ['messages', 'donnees'])
    assert.equal((await get(`/admin/dossiers/${file.id}/${tab}`, staff)).statusCode, 404, tab);
  const mine = await loginAs(t.app, referent.email, referent.password);
  assert.equal((await get(`/admin/dossiers/${file.id}/messages`, mine)).statusCode, 404);
  const messages = await db.select().from(fileMessages);
  assert.ok(!messages.some((m) => m.body === 'Message à effacer'));
});

test('staff erasure: only the lead’s referent or an admin, with the confirmation box', async () => {
  const { chamberAdviser, referent, file } = await setup(t);
  const adviser = await loginAs(t.app, chamberAdviser.email, chamberAdviser.password);
  const tab = await get(`/admin/dossiers/${file.id}/donnees`, adviser);
  assert.equal(tab.statusCode, 200);
  assert.doesNotMatch(tab.body, /Effacer définitivement/);
  const refused = await postForm(
    t.app,
    adviser,
    `/admin/dossiers/${file.id}/donnees/effacer`,
    { confirm: 'oui' },
    `/admin/dossiers/${file.id}/messages`,
  );
  assert.equal(refused.statusCode, 403);

  const staff = await loginAs(t.app, referent.email, referent.password);
  const unchecked = await postForm(
    t.app,
    staff,
    `/admin/dossiers/${file.id}/donnees/effacer`,
    {},
    `/admin/dossiers/${file.id}/donnees`,
  );
  assert.equal(unchecked.statusCode, 400);
  assert.match(unchecked.body, /Cochez la case/);
  const status = await one<{ status: string }>(
    t.db(),
    sql`select status from newcomer_files where id = ${file.id}`,
  );
  assert.equal(status?.status, 'open');

  const done = await postForm(
    t.app,
    staff,
    `/admin/dossiers/${file.id}/donnees/effacer`,
    { confirm: 'oui' },
    `/admin/dossiers/${file.id}/donnees`,
  );
  assert.equal(done.statusCode, 200);
  assert.match(done.body, /Dossier effacé/);
  const after = await one<{ status: string; email: string | null }>(
    t.db(),
    sql`select status, email from newcomer_files where id = ${file.id}`,
  );
  assert.deepEqual(after, { status: 'erased', email: null });
  assert.equal((await get(`/admin/dossiers/${file.id}/donnees`, staff)).statusCode, 404);
});
