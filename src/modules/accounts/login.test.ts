import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { cookiesOf, csrfTokenIn, type TestApp, testApp } from '../../../test/helpers/app.js';
import { createUser, loginAs } from '../../../test/helpers/factories.js';
import { rows } from '../../core/db/index.js';
import { safeReturnPath } from './login.js';

let t: TestApp;
before(async () => {
  t = await testApp({ LOGIN_RATE_LIMIT: '3' });
});
after(() => t.close());

const form = 'application/x-www-form-urlencoded';

/** GETs the login form and POSTs it, from a given IP. */
async function attempt(email: string, password: string, options: { ip?: string; retour?: string } = {}) {
  const page = await t.app.inject({ method: 'GET', url: '/connexion', remoteAddress: options.ip });
  const jar = cookiesOf(page);
  const fields: Record<string, string> = { _csrf: csrfTokenIn(page.body), email, password };
  if (options.retour) fields.retour = options.retour;
  return t.app.inject({
    method: 'POST',
    url: '/connexion',
    remoteAddress: options.ip,
    headers: { cookie: jar, 'content-type': form },
    payload: new URLSearchParams(fields).toString(),
  });
}

const sessionCookie = (response: { cookies: { name: string; value: string }[] }) =>
  response.cookies.find((c) => c.name === 'choisir_session');

test('the login page is French, accessible and carries a CSRF field', async () => {
  const response = await t.app.inject({ method: 'GET', url: '/connexion' });
  assert.equal(response.statusCode, 200);
  assert.match(response.body, /<label for="email">Adresse e-mail<\/label>/);
  assert.match(response.body, /<label for="password">Mot de passe<\/label>/);
  assert.match(response.body, /autocomplete="current-password"/);
  assert.match(response.body, /name="_csrf"/);
  assert.doesNotMatch(response.body, /style=/);
});

test('a correct login opens a session: HttpOnly, SameSite=Lax, Path=/, and lands on the dashboard', async () => {
  const user = await createUser(t.ctx.db, { role: 'editor' });
  const response = await attempt(user.email, user.password, { ip: '10.0.0.1' });
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, '/admin');
  const cookie = sessionCookie(response);
  assert.ok(cookie, 'a session cookie is set');
  const header = String(
    [response.headers['set-cookie']].flat().find((h) => String(h).startsWith('choisir_session=')),
  );
  assert.match(header, /HttpOnly/i);
  assert.match(header, /SameSite=Lax/i);
  assert.match(header, /Path=\//);
  assert.doesNotMatch(header, /Secure/i, 'not Secure on http://localhost');
  const dashboard = await t.app.inject({
    method: 'GET',
    url: '/admin',
    headers: { cookie: `choisir_session=${cookie.value}` },
  });
  assert.equal(dashboard.statusCode, 200);
  assert.match(dashboard.body, new RegExp(`Bonjour ${user.name}`));
  assert.equal(dashboard.headers['cache-control'], 'private, no-store');
  const [session] = await rows<{ user_id: string }>(
    t.ctx.db,
    sql`select user_id from sessions where user_id = ${user.id}`,
  );
  assert.ok(session, 'the session is in the database');
});

test('the session cookie is Secure when the site is served over https', async () => {
  const secure = await testApp({ PUBLIC_URL: 'https://choisir.example.org' });
  try {
    const user = await createUser(secure.ctx.db, { role: 'editor' });
    const page = await secure.app.inject({ method: 'GET', url: '/connexion' });
    const response = await secure.app.inject({
      method: 'POST',
      url: '/connexion',
      headers: { cookie: cookiesOf(page), 'content-type': form },
      payload: new URLSearchParams({
        _csrf: csrfTokenIn(page.body),
        email: user.email,
        password: user.password,
      }).toString(),
    });
    assert.equal(response.statusCode, 303);
    const header = String(
      [response.headers['set-cookie']].flat().find((h) => String(h).startsWith('choisir_session=')),
    );
    assert.match(header, /Secure/);
  } finally {
    await secure.close();
  }
});

test('a wrong password and an unknown account get the same French message, journaled without the password', async () => {
  const user = await createUser(t.ctx.db, { role: 'editor' });
  const wrong = await attempt(user.email, 'pas le bon mot de passe', { ip: '10.0.0.2' });
  const unknown = await attempt('personne@nulle-part.fr', 'pas le bon mot de passe', { ip: '10.0.0.3' });
  for (const response of [wrong, unknown]) {
    assert.equal(response.statusCode, 401);
    assert.match(response.body, /Adresse e-mail ou mot de passe incorrect\./);
    assert.equal(sessionCookie(response), undefined);
  }
  const entries = await rows<{ action: string; diff: unknown; ip: string }>(
    t.ctx.db,
    sql`select action, diff, host(ip) as ip from journal where action = 'user.login_failed' and target_id = ${user.id}`,
  );
  assert.equal(entries.length, 1);
  assert.equal(entries[0].ip, '10.0.0.2');
  assert.doesNotMatch(JSON.stringify(entries), /pas le bon/);
});

test('an invited account (no password yet) and a disabled account cannot sign in', async () => {
  const invited = await createUser(t.ctx.db, { role: 'editor', status: 'invited' });
  const disabled = await createUser(t.ctx.db, { role: 'editor', status: 'disabled' });
  const a = await attempt(invited.email, invited.password, { ip: '10.0.0.4' });
  assert.equal(a.statusCode, 401);
  const b = await attempt(disabled.email, disabled.password, { ip: '10.0.0.5' });
  assert.equal(b.statusCode, 401);
  assert.match(b.body, /désactivé/);
});

test('after N failures the account is blocked with a French 429, even with the right password', async () => {
  const user = await createUser(t.ctx.db, { role: 'editor' });
  for (let i = 0; i < 3; i++) {
    const response = await attempt(user.email, `mauvais ${i}`, { ip: `10.1.0.${i}` });
    assert.equal(response.statusCode, 401);
  }
  const blocked = await attempt(user.email, user.password, { ip: '10.1.0.9' });
  assert.equal(blocked.statusCode, 429);
  assert.match(blocked.body, /Trop de tentatives de connexion/);
  assert.match(blocked.body, /réessayez dans \d+ minutes? \(vers \d\d h \d\d\)/);
  assert.ok(Number(blocked.headers['retry-after']) > 0);
  assert.equal(sessionCookie(blocked), undefined, 'no session while blocked');
});

test('after N failures from one IP, that IP is blocked for every account', async () => {
  const victim = await createUser(t.ctx.db, { role: 'editor' });
  for (let i = 0; i < 3; i++) await attempt(`inconnu${i}@example.org`, 'x', { ip: '10.2.0.1' });
  const blocked = await attempt(victim.email, victim.password, { ip: '10.2.0.1' });
  assert.equal(blocked.statusCode, 429);
  const elsewhere = await attempt(victim.email, victim.password, { ip: '10.2.0.2' });
  assert.equal(elsewhere.statusCode, 303, 'another IP still signs in');
});

test('successful logins do not use up the limit', async () => {
  const user = await createUser(t.ctx.db, { role: 'editor' });
  for (let i = 0; i < 5; i++) {
    const response = await attempt(user.email, user.password, { ip: '10.3.0.1' });
    assert.equal(response.statusCode, 303);
  }
});

test('logout deletes the session: the old cookie no longer opens the back office', async () => {
  const user = await createUser(t.ctx.db, { role: 'editor' });
  const cookie = await loginAs(t.app, user.email, user.password);
  const dashboard = await t.app.inject({ method: 'GET', url: '/admin', headers: { cookie } });
  assert.equal(dashboard.statusCode, 200);
  const logout = await t.app.inject({
    method: 'POST',
    url: '/deconnexion',
    headers: { cookie, 'content-type': form },
    payload: new URLSearchParams({ _csrf: csrfTokenIn(dashboard.body) }).toString(),
  });
  assert.equal(logout.statusCode, 303);
  assert.equal(logout.headers.location, '/connexion?deconnexion=1');
  const after = await t.app.inject({ method: 'GET', url: '/admin', headers: { cookie } });
  assert.equal(after.statusCode, 303);
  assert.match(String(after.headers.location), /^\/connexion\?retour=/);
  const actions = await rows<{ action: string }>(
    t.ctx.db,
    sql`select action from journal where actor_id = ${user.id} order by id`,
  );
  assert.deepEqual(
    actions.map((a) => a.action),
    ['user.login', 'user.logout'],
  );
});

test('a POST without its CSRF token is a French 403, not a 500', async () => {
  const user = await createUser(t.ctx.db, { role: 'editor' });
  const noToken = await t.app.inject({
    method: 'POST',
    url: '/connexion',
    headers: { 'content-type': form },
    payload: new URLSearchParams({ email: user.email, password: user.password }).toString(),
  });
  assert.equal(noToken.statusCode, 403);
  assert.match(noToken.body, /Ce formulaire a expiré/);
  const cookie = await loginAs(t.app, user.email, user.password);
  const logout = await t.app.inject({
    method: 'POST',
    url: '/deconnexion',
    headers: { cookie, 'content-type': form },
    payload: '',
  });
  assert.equal(logout.statusCode, 403);
  const still = await t.app.inject({ method: 'GET', url: '/admin', headers: { cookie } });
  assert.equal(still.statusCode, 200, 'the session survived the forged logout');
});

test('?retour= leads back to a local page only: no open redirect', async () => {
  const user = await createUser(t.ctx.db, { role: 'editor' });
  const local = await attempt(user.email, user.password, { retour: '/admin/journal?action=user.' });
  assert.equal(local.headers.location, '/admin/journal?action=user.');
  for (const evil of [
    'https://evil.example',
    '//evil.example',
    '/\\evil.example',
    'javascript:alert(1)',
    '/\r\nSet-Cookie:x',
  ]) {
    const response = await attempt(user.email, user.password, { retour: evil });
    assert.equal(response.headers.location, '/admin', `refused: ${evil}`);
  }
  const page = await t.app.inject({
    method: 'GET',
    url: `/connexion?retour=${encodeURIComponent('//evil.example')}`,
  });
  assert.doesNotMatch(page.body, /evil\.example/);
  assert.equal(safeReturnPath('/admin/utilisateurs'), '/admin/utilisateurs');
  assert.equal(safeReturnPath(undefined), '/admin');
});

test('a visitor is sent to the login page from the back office, and comes back after signing in', async () => {
  const response = await t.app.inject({ method: 'GET', url: '/admin/utilisateurs?role=admin' });
  assert.equal(response.statusCode, 303);
  assert.equal(
    response.headers.location,
    `/connexion?retour=${encodeURIComponent('/admin/utilisateurs?role=admin')}`,
  );
  const post = await t.app.inject({ method: 'POST', url: '/admin/utilisateurs/inviter', payload: {} });
  assert.equal(post.statusCode, 401);
  const page = await t.app.inject({ method: 'GET', url: response.headers.location as string });
  assert.match(page.body, /name="retour" value="\/admin\/utilisateurs\?role=admin"/);
});

test('a disabled user loses access at the next request', async () => {
  const user = await createUser(t.ctx.db, { role: 'editor' });
  const cookie = await loginAs(t.app, user.email, user.password);
  await t.ctx.db.execute(sql`update users set status = 'disabled' where id = ${user.id}`);
  const response = await t.app.inject({ method: 'GET', url: '/admin', headers: { cookie } });
  assert.equal(response.statusCode, 303);
});

test('an unknown session cookie is cleared and the request treated as a visitor’s', async () => {
  const response = await t.app.inject({
    method: 'GET',
    url: '/connexion',
    headers: { cookie: 'choisir_session=forged' },
  });
  assert.equal(response.statusCode, 200);
  const cleared = response.cookies.find((c) => c.name === 'choisir_session');
  assert.ok(cleared && cleared.value === '', 'the bad cookie is cleared');
});
