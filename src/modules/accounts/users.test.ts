import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../test/helpers/app.js';
import { createOrganisation, createUser, loginAs, postForm } from '../../../test/helpers/factories.js';
import { rows } from '../../core/db/index.js';
import type { AppError } from '../../core/http/index.js';
import { journal } from '../../core/journal/index.js';
import { accountsPolicy, createAdmin, ensureFirstAdmin } from './index.js';
import { users } from './schema.js';
import { actorFor, changeUser, countActiveAdmins, listUsers } from './users.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

test('staff who are not administrators get a French 403 on every admin-only page, and see only their tools', async () => {
  const editor = await createUser(t.ctx.db, { role: 'editor' });
  const cookie = await loginAs(t.app, editor.email, editor.password);
  for (const url of [
    '/admin/utilisateurs',
    '/admin/utilisateurs/inviter',
    `/admin/utilisateurs/${editor.id}`,
    '/admin/journal',
    '/admin/courriels',
    '/admin/organisations',
  ]) {
    const response = await get(url, cookie);
    assert.equal(response.statusCode, 403, url);
    assert.match(response.body, /Accès refusé/);
    assert.match(response.body, /Vous n’avez pas accès à cette page/);
  }
  const forged = await postForm(
    t.app,
    cookie,
    `/admin/utilisateurs/${editor.id}`,
    { name: 'x', role: 'admin', organisationId: editor.organisationId },
    '/admin',
  );
  assert.equal(forged.statusCode, 403, 'a non-admin cannot promote itself');
  const dashboard = await get('/admin', cookie);
  assert.equal(dashboard.statusCode, 200);
  assert.match(dashboard.body, /Éditeur · Organisation /);
  assert.doesNotMatch(
    dashboard.body,
    /href="\/admin\/utilisateurs"/,
    'no link to what the editor may not use',
  );
  assert.doesNotMatch(dashboard.body, /href="\/admin\/journal"/);
});

test('services check the policy themselves, not only the routes', async () => {
  const editor = await createUser(t.ctx.db, { role: 'editor' });
  const actor = await actorFor(t.ctx.db, editor.id);
  await assert.rejects(
    listUsers(t.ctx.db, actor, {}, { limit: 10, offset: 0 }),
    (e: AppError) => e.status === 403,
  );
  await assert.rejects(
    changeUser(t.ctx.db, null, editor.id, { role: 'admin' }),
    (e: AppError) => e.status === 403,
  );
  assert.equal(accountsPolicy(actor, 'readJournal'), false);
  assert.equal(accountsPolicy(actor, 'useBackOffice'), true);
});

test('an administrator sees every tool in the staff navigation', async () => {
  const admin = await createUser(t.ctx.db, { role: 'admin' });
  const cookie = await loginAs(t.app, admin.email, admin.password);
  const dashboard = await get('/admin', cookie);
  for (const href of ['/admin/utilisateurs', '/admin/organisations', '/admin/journal', '/admin/courriels']) {
    assert.match(dashboard.body, new RegExp(`href="${href}"`), href);
  }
});

test('the users list filters by organisation, role, status and searches name and email', async () => {
  const admin = await createUser(t.ctx.db, { role: 'admin' });
  const org = await createOrganisation(t.ctx.db, { name: 'Chambre des tests', kind: 'chambre' });
  await createUser(t.ctx.db, {
    role: 'adviser',
    organisationId: org.id,
    name: 'Zoé Conseil',
    email: 'zoe@cci.example',
  });
  await createUser(t.ctx.db, {
    role: 'referent',
    organisationId: org.id,
    name: 'Yann Référent',
    email: 'yann@cci.example',
  });
  const cookie = await loginAs(t.app, admin.email, admin.password);
  const byOrg = await get(`/admin/utilisateurs?organisation=${org.id}`, cookie);
  assert.match(byOrg.body, /2 utilisateurs/);
  const byRole = await get(`/admin/utilisateurs?organisation=${org.id}&role=adviser`, cookie);
  assert.match(byRole.body, /Zoé Conseil/);
  assert.doesNotMatch(byRole.body, /Yann Référent/);
  assert.match(byRole.body, /<option value="adviser" selected/);
  const search = await get('/admin/utilisateurs?q=YANN%40cci', cookie);
  assert.match(search.body, /1 utilisateur</);
  assert.match(search.body, /Yann Référent/);
  const wildcard = await get('/admin/utilisateurs?q=%25', cookie);
  assert.match(wildcard.body, /0 utilisateur/, 'a % is searched for, not a wildcard');
  const bad = await get('/admin/utilisateurs?organisation=pas-un-id&role=roi', cookie);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Choisissez une valeur dans la liste/);
});

test('changing a role is journaled with a diff; the user’s sessions close', async () => {
  const admin = await createUser(t.ctx.db, { role: 'admin' });
  const user = await createUser(t.ctx.db, { role: 'viewer' });
  const userCookie = await loginAs(t.app, user.email, user.password);
  const cookie = await loginAs(t.app, admin.email, admin.password);
  const response = await postForm(t.app, cookie, `/admin/utilisateurs/${user.id}`, {
    name: user.name,
    role: 'animator',
    organisationId: user.organisationId,
  });
  assert.equal(response.statusCode, 303);
  const page = await get(response.headers.location as string, cookie);
  assert.match(page.body, /Les modifications ont été enregistrées/);
  assert.match(page.body, /user\.update/);
  const [entry] = await t.ctx.db.select().from(journal).where(eq(journal.action, 'user.update'));
  assert.equal(entry.targetId, user.id);
  assert.equal(entry.actorId, admin.id);
  assert.deepEqual(entry.diff, { role: { before: 'viewer', after: 'animator' } });
  assert.equal(
    (await get('/admin', userCookie)).statusCode,
    303,
    'the user signs in again with the new role',
  );
});

test('disabling a user closes its sessions; enabling restores sign-in', async () => {
  const admin = await createUser(t.ctx.db, { role: 'admin' });
  const user = await createUser(t.ctx.db, { role: 'referent' });
  const userCookie = await loginAs(t.app, user.email, user.password);
  const cookie = await loginAs(t.app, admin.email, admin.password);
  const off = await postForm(
    t.app,
    cookie,
    `/admin/utilisateurs/${user.id}/statut`,
    { status: 'disabled' },
    `/admin/utilisateurs/${user.id}`,
  );
  assert.equal(off.statusCode, 303);
  assert.equal((await get('/admin', userCookie)).statusCode, 303);
  await assert.rejects(loginAs(t.app, user.email, user.password));
  const on = await postForm(
    t.app,
    cookie,
    `/admin/utilisateurs/${user.id}/statut`,
    { status: 'active' },
    `/admin/utilisateurs/${user.id}`,
  );
  assert.equal(on.statusCode, 303);
  await loginAs(t.app, user.email, user.password);
  const actions = await rows<{ action: string; diff: unknown }>(
    t.ctx.db,
    sql`select action, diff from journal where target_id = ${user.id} and action like 'user.%able' order by id`,
  );
  assert.deepEqual(actions, [
    { action: 'user.disable', diff: { status: { before: 'active', after: 'disabled' } } },
    { action: 'user.enable', diff: { status: { before: 'disabled', after: 'active' } } },
  ]);
});

test('the last active administrator can be neither demoted nor disabled', async () => {
  // Only this test's administrator stays active.
  await t.ctx.db.execute(sql`update users set status = 'disabled' where role = 'admin'`);
  const admin = await createUser(t.ctx.db, { role: 'admin' });
  assert.equal(await countActiveAdmins(t.ctx.db), 1);
  const cookie = await loginAs(t.app, admin.email, admin.password);
  const demote = await postForm(t.app, cookie, `/admin/utilisateurs/${admin.id}`, {
    name: admin.name,
    role: 'editor',
    organisationId: admin.organisationId,
  });
  assert.equal(demote.statusCode, 409);
  assert.match(demote.body, /dernier administrateur actif/);
  const actor = await actorFor(t.ctx.db, admin.id);
  await assert.rejects(
    changeUser(t.ctx.db, actor, admin.id, { status: 'disabled' }),
    (e: AppError) => e.status === 409,
  );

  // With a second administrator, the first may step down, and then the second is the last one.
  const second = await createUser(t.ctx.db, { role: 'admin' });
  await changeUser(t.ctx.db, actor, admin.id, { role: 'editor' });
  const secondActor = await actorFor(t.ctx.db, second.id);
  await assert.rejects(
    changeUser(t.ctx.db, secondActor, second.id, { role: 'viewer' }),
    (e: AppError) => e.status === 409,
  );
  const [row] = await t.ctx.db.select().from(users).where(eq(users.id, second.id));
  assert.equal(row.role, 'admin');
  const page = await postForm(
    t.app,
    await loginAs(t.app, second.email, second.password),
    `/admin/utilisateurs/${second.id}/statut`,
    { status: 'disabled' },
    `/admin/utilisateurs/${second.id}`,
  );
  assert.equal(page.statusCode, 409);
  assert.match(page.body, /Vous ne pouvez pas désactiver votre propre compte/);
});

test('an unknown or malformed user id is a 404, not a 500', async () => {
  const admin = await createUser(t.ctx.db, { role: 'admin' });
  const cookie = await loginAs(t.app, admin.email, admin.password);
  assert.equal((await get('/admin/utilisateurs/pas-un-id', cookie)).statusCode, 404);
  assert.equal(
    (await get('/admin/utilisateurs/00000000-0000-4000-8000-000000000000', cookie)).statusCode,
    404,
  );
});

test('first start: ensureFirstAdmin creates one administrator in the Département, once', async () => {
  await t.ctx.db.execute(sql`update users set status = 'disabled' where role = 'admin'`);
  const first = await ensureFirstAdmin(t.ctx.db, { email: 'premier@choisir.local' });
  assert.ok(first);
  assert.ok(first.password.length >= 20);
  assert.equal(await ensureFirstAdmin(t.ctx.db), null, 'not twice');
  const actor = await actorFor(
    t.ctx.db,
    (await t.ctx.db.select().from(users).where(eq(users.email, first.email)))[0].id,
  );
  assert.equal(actor?.role, 'admin');
  assert.equal(actor?.organisationKind, 'departement');
  await loginAs(t.app, first.email, first.password);
});

test('createAdmin (the CLI) validates its input in French and generates a password when none is given', async () => {
  const made = await createAdmin(t.ctx.db, { email: 'Ops@Example.org', name: 'Équipe exploitation' });
  assert.equal(made.user.email, 'ops@example.org');
  assert.equal(made.generated, true);
  await loginAs(t.app, 'ops@example.org', made.password);
  await assert.rejects(createAdmin(t.ctx.db, { email: 'ops@example.org', name: 'Encore' }), /existe déjà/);
  await assert.rejects(createAdmin(t.ctx.db, { email: 'nope', name: 'X' }), /Adresse e-mail invalide/);
  await assert.rejects(
    createAdmin(t.ctx.db, { email: 'x@example.org', name: 'X', password: 'court' }),
    /au moins 12/,
  );
  await assert.rejects(
    createAdmin(t.ctx.db, { email: 'y@example.org', name: 'Y', organisationSlug: 'inconnue' }),
    /Aucune organisation/,
  );
});
