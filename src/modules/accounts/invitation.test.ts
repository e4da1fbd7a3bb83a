import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { desc, eq, sql } from 'drizzle-orm';
import { cookiesOf, csrfTokenIn, type TestApp, testApp } from '../../../test/helpers/app.js';
import { createOrganisation, createUser, loginAs, postForm } from '../../../test/helpers/factories.js';
import { rows } from '../../core/db/index.js';
import { mailOutbox } from '../../core/mail/index.js';
import { accountTokens, users } from './schema.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const form = 'application/x-www-form-urlencoded';

async function lastMailTo(email: string) {
  const [message] = await t.ctx.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.recipient, email))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  return message;
}

/** Follows a one-time link as a new visitor and submits the password form. */
async function choosePassword(path: string, password: string, confirmation = password) {
  const page = await t.app.inject({ method: 'GET', url: path });
  if (page.statusCode !== 200) return page;
  return t.app.inject({
    method: 'POST',
    url: path,
    headers: { cookie: cookiesOf(page), 'content-type': form },
    payload: new URLSearchParams({ _csrf: csrfTokenIn(page.body), password, confirmation }).toString(),
  });
}

test('an administrator invites a user, who follows the emailed link, chooses a password and is signed in', async () => {
  const admin = await createUser(t.ctx.db, { role: 'admin' });
  const org = await createOrganisation(t.ctx.db, {
    name: 'Communauté de test',
    kind: 'epci',
    epciCode: 'TEST-1',
  });
  const cookie = await loginAs(t.app, admin.email, admin.password);
  const invited = await postForm(t.app, cookie, '/admin/utilisateurs/inviter', {
    name: 'Camille Martin',
    email: 'Camille.Martin@Example.org',
    organisationId: org.id,
    role: 'referent',
  });
  assert.equal(invited.statusCode, 303);
  const userPage = await t.app.inject({
    method: 'GET',
    url: invited.headers.location as string,
    headers: { cookie },
  });
  assert.match(userPage.body, /L’invitation a été envoyée/);
  assert.match(userPage.body, /Invité/);

  const message = await lastMailTo('camille.martin@example.org');
  assert.ok(message, 'the invitation is in the outbox');
  assert.equal(message.kind, 'invitation');
  assert.match(message.text, /Bonjour Camille Martin/);
  assert.match(message.text, /Communauté de test/);
  const link = message.text.match(/http:\/\/localhost:3000(\/invitation\/[\w-]+)/);
  assert.ok(link, `a link to ${t.config.PUBLIC_URL}/invitation/…`);
  const [token] = await t.ctx.db.select().from(accountTokens).where(eq(accountTokens.purpose, 'invitation'));
  assert.ok(!message.text.includes(token.id), 'only the hash is stored, and it is not the link');
  assert.ok(token.expiresAt.getTime() - Date.now() > 6.9 * 24 * 3600 * 1000, 'valid 7 days');

  const formPage = await t.app.inject({ method: 'GET', url: link[1] });
  assert.match(formPage.body, /Activer votre compte/);
  assert.match(formPage.body, /Bonjour Camille Martin/);

  const tooShort = await choosePassword(link[1], 'court');
  assert.equal(tooShort.statusCode, 400);
  assert.match(tooShort.body, /au moins 12 caractères/);
  const mismatch = await choosePassword(link[1], 'une longue phrase de passe', 'une autre phrase de passe');
  assert.match(mismatch.body, /ne sont pas identiques/);

  const done = await choosePassword(link[1], 'une longue phrase de passe');
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, '/admin');
  const session = cookiesOf(done);
  const dashboard = await t.app.inject({ method: 'GET', url: '/admin', headers: { cookie: session } });
  assert.match(dashboard.body, /Bonjour Camille Martin/);
  assert.match(dashboard.body, /Référent accueil · Communauté de test/);

  // The link works once.
  const again = await t.app.inject({ method: 'GET', url: link[1] });
  assert.equal(again.statusCode, 410);
  assert.match(again.body, /Lien expiré ou déjà utilisé/);
  const replay = await t.app.inject({
    method: 'POST',
    url: link[1],
    headers: { cookie: cookiesOf(formPage), 'content-type': form },
    payload: new URLSearchParams({
      _csrf: csrfTokenIn(formPage.body),
      password: 'encore une autre phrase',
      confirmation: 'encore une autre phrase',
    }).toString(),
  });
  assert.equal(replay.statusCode, 410);

  // And the new account signs in with its password.
  await loginAs(t.app, 'camille.martin@example.org', 'une longue phrase de passe');
  const [user] = await t.ctx.db.select().from(users).where(eq(users.email, 'camille.martin@example.org'));
  assert.equal(user.status, 'active');
  const journal = await rows<{ action: string }>(
    t.ctx.db,
    sql`select action from journal where target_id = ${user.id} order by id`,
  );
  assert.deepEqual(
    journal.map((j) => j.action),
    ['user.invite', 'user.activate', 'user.login'],
  );
});

test('the invitation form explains each mistake in French, and refuses an address already used', async () => {
  const admin = await createUser(t.ctx.db, { role: 'admin' });
  const cookie = await loginAs(t.app, admin.email, admin.password);
  const empty = await postForm(t.app, cookie, '/admin/utilisateurs/inviter', {
    name: '',
    email: 'pas-une-adresse',
    organisationId: '',
    role: '',
  });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /Le formulaire contient 4 erreurs/);
  assert.match(empty.body, /Saisissez le nom et le prénom\./);
  assert.match(empty.body, /Saisissez une adresse e-mail valide/);
  assert.match(empty.body, /href="#organisationId"/);
  assert.match(empty.body, /aria-invalid="true"/);
  const taken = await postForm(t.app, cookie, '/admin/utilisateurs/inviter', {
    name: 'Doublon',
    email: admin.email.toUpperCase(),
    organisationId: admin.organisationId,
    role: 'editor',
  });
  assert.equal(taken.statusCode, 400);
  assert.match(taken.body, /Un compte existe déjà avec cette adresse e-mail/);
});

test('an expired invitation is refused with a clear page; resending gives a new link and kills the old one', async () => {
  const admin = await createUser(t.ctx.db, { role: 'admin' });
  const cookie = await loginAs(t.app, admin.email, admin.password);
  const invited = await postForm(t.app, cookie, '/admin/utilisateurs/inviter', {
    name: 'Lou Retard',
    email: 'lou@example.org',
    organisationId: admin.organisationId,
    role: 'viewer',
  });
  const userUrl = invited.headers.location as string;
  const first = (await lastMailTo('lou@example.org')).text.match(/\/invitation\/[\w-]+/)![0];
  await t.ctx.db.execute(sql`update account_tokens set expires_at = now() - interval '1 minute'`);
  const expired = await choosePassword(first, 'une longue phrase de passe');
  assert.equal(expired.statusCode, 410);
  assert.match(expired.body, /expiré/);
  assert.match(expired.body, /nouvelle invitation/);

  const resend = await postForm(t.app, cookie, `${userUrl.split('?')[0]}/invitation`, {}, userUrl);
  assert.equal(resend.statusCode, 303);
  const second = (await lastMailTo('lou@example.org')).text.match(/\/invitation\/[\w-]+/)![0];
  assert.notEqual(second, first);
  assert.equal((await choosePassword(second, 'une longue phrase de passe')).statusCode, 303);
});

test('a garbage or reset-purpose token does not open the invitation page', async () => {
  assert.equal((await t.app.inject({ method: 'GET', url: '/invitation/abc' })).statusCode, 410);
  assert.equal((await t.app.inject({ method: 'GET', url: `/invitation/${'x'.repeat(43)}` })).statusCode, 410);
});

test('forgotten password: same answer whether the address exists, a one-time link, other sessions closed', async () => {
  const user = await createUser(t.ctx.db, { role: 'editor' });
  const oldSession = await loginAs(t.app, user.email, user.password);
  const ask = async (email: string) => {
    const page = await t.app.inject({ method: 'GET', url: '/mot-de-passe-oublie' });
    return t.app.inject({
      method: 'POST',
      url: '/mot-de-passe-oublie',
      headers: { cookie: cookiesOf(page), 'content-type': form },
      payload: new URLSearchParams({ _csrf: csrfTokenIn(page.body), email }).toString(),
    });
  };
  const known = await ask(user.email);
  const unknown = await ask('inconnu@example.org');
  assert.equal(known.statusCode, 200);
  assert.equal(unknown.statusCode, 200);
  const strip = (html: string) =>
    html.replace(/name="_csrf" value="[^"]+"/, '').replace(/[\w.]+@example\.org/g, '');
  assert.equal(strip(known.body), strip(unknown.body), 'the answer does not tell who has an account');
  assert.equal(await lastMailTo('inconnu@example.org'), undefined);

  const message = await lastMailTo(user.email);
  assert.equal(message.kind, 'password_reset');
  const link = message.text.match(/\/mot-de-passe-oublie\/[\w-]+/)![0];
  assert.equal(
    (await t.app.inject({ method: 'GET', url: link.replace('/mot-de-passe-oublie/', '/invitation/') }))
      .statusCode,
    410,
  );
  const done = await choosePassword(link, 'ma nouvelle phrase de passe');
  assert.equal(done.statusCode, 303);
  const old = await t.app.inject({ method: 'GET', url: '/admin', headers: { cookie: oldSession } });
  assert.equal(old.statusCode, 303, 'the session opened with the old password is closed');
  await loginAs(t.app, user.email, 'ma nouvelle phrase de passe');
  assert.equal((await choosePassword(link, 'encore une phrase de passe')).statusCode, 410);
});

test('no password hash and no token ever reach the journal', async () => {
  const entries = await rows<{ diff: unknown }>(t.ctx.db, sql`select diff from journal`);
  const text = JSON.stringify(entries);
  assert.ok(entries.length > 5);
  assert.doesNotMatch(text, /\$argon2/);
  assert.doesNotMatch(text, /phrase de passe/);
  assert.match(text, /masqué/, 'password changes show as masked');
});
