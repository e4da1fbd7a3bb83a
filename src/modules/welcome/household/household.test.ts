import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, asc, eq, sql } from 'drizzle-orm';
import { cookiesOf, csrfTokenIn, type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createUser, loginAs, postForm } from '../../../../test/helpers/factories.js';
import { createTestFile, twoEpciOrganisations } from '../../../../test/helpers/welcome.js';
import { rows } from '../../../core/db/index.js';
import { mailOutbox } from '../../../core/mail/index.js';
import { issueMagicLink } from '../household-session.js';
import { fileMessages } from '../schema.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const form = 'application/x-www-form-urlencoded';
let ipCounter = 0;
const newIp = () => `10.1.0.${++ipCounter}`;

const mailsTo = (email: string) =>
  t.ctx.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.recipient, email))
    .orderBy(asc(mailOutbox.createdAt));

const pathOf = (url: string) => url.replace(t.config.PUBLIC_URL, '');

/** Asks for a login link on /mon-espace as a visitor would. */
async function requestLink(email: string, ip = newIp()) {
  const page = await t.app.inject({ method: 'GET', url: '/mon-espace', remoteAddress: ip });
  assert.equal(page.statusCode, 200);
  return t.app.inject({
    method: 'POST',
    url: '/mon-espace/connexion',
    remoteAddress: ip,
    headers: { cookie: cookiesOf(page), 'content-type': form },
    payload: new URLSearchParams({ _csrf: csrfTokenIn(page.body), email }).toString(),
  });
}

/** Opens a magic link and presses « Se connecter »; returns the POST's response and the household's cookie. */
async function useLink(path: string) {
  const page = await t.app.inject({ method: 'GET', url: path });
  assert.equal(page.statusCode, 200, page.body);
  assert.match(page.body, /Se connecter/);
  const jar = cookiesOf(page);
  const response = await t.app.inject({
    method: 'POST',
    url: path,
    headers: { cookie: jar, 'content-type': form },
    payload: new URLSearchParams({ _csrf: csrfTokenIn(page.body) }).toString(),
  });
  return { response, cookie: cookiesOf(response, jar) };
}

/** A household session for a file, through a link issued directly. */
async function householdSession(fileId: string) {
  const link = await issueMagicLink(t.ctx, fileId);
  const { response, cookie } = await useLink(pathOf(link));
  assert.equal(response.statusCode, 303);
  return cookie;
}

/** Posts a form of a household page, with that page's CSRF token. */
async function householdPost(cookie: string, url: string, fields: Record<string, string>, formPage: string) {
  const page = await t.app.inject({ method: 'GET', url: formPage, headers: { cookie } });
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: cookiesOf(page, cookie), 'content-type': form },
    payload: new URLSearchParams({ _csrf: csrfTokenIn(page.body), ...fields }).toString(),
  });
}

async function setup() {
  const db = t.db();
  const [orgA, orgB] = await twoEpciOrganisations(db);
  await db.execute(
    sql`update organisations set email = 'accueil@exemple-epci.fr', phone = '05 65 00 00 00' where id = ${orgA.id}`,
  );
  const referent = await createUser(db, {
    role: 'referent',
    organisationId: orgA.id,
    name: 'Jeanne Référente',
  });
  const outsider = await createUser(db, { role: 'referent', organisationId: orgB.id });
  const file = await createTestFile(db, { leadOrganisationId: orgA.id, referentId: referent.id });
  return { orgA, orgB, referent, outsider, file };
}

test('a household logs in by an emailed link, sees its status and referent, and exchanges messages', async () => {
  const { orgA, referent, file } = await setup();
  const email = file.email!;

  const login = await t.app.inject({ method: 'GET', url: '/mon-espace' });
  assert.equal(login.statusCode, 200);
  assert.match(login.body, /Recevoir un lien de connexion/);
  assert.match(login.headers['cache-control'] as string, /no-store/);

  const asked = await requestLink(email.toUpperCase());
  assert.equal(asked.statusCode, 200);
  assert.match(asked.body, /Vérifiez votre boîte de réception/);
  const unknown = await requestLink('personne.inconnue@example.org');
  assert.equal(unknown.statusCode, 200);
  assert.equal(
    unknown.body.replace(/personne\.inconnue@example\.org/g, 'X').replace(/name="_csrf" value="[^"]*"/, ''),
    asked.body.replace(email.toLowerCase(), 'X').replace(/name="_csrf" value="[^"]*"/, ''),
    'the same answer whether the address has a file or not',
  );
  assert.equal((await mailsTo('personne.inconnue@example.org')).length, 0);

  const [mail] = await mailsTo(email);
  assert.ok(mail, 'the login link is emailed');
  assert.match(mail.subject, new RegExp(file.reference));
  const link = mail.text.match(/http:\/\/localhost:3000(\/mon-espace\/lien\/[A-Za-z0-9_-]+)/);
  assert.ok(link, mail.text);

  const { response, cookie } = await useLink(link[1]);
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, '/mon-espace');

  const reused = await t.app.inject({ method: 'GET', url: link[1] });
  assert.equal(reused.statusCode, 410);
  assert.match(reused.body, /déjà servi/);
  assert.match(reused.body, /Recevoir un lien de connexion/);
  const bogus = await t.app.inject({ method: 'GET', url: '/mon-espace/lien/pas-un-vrai-lien' });
  assert.equal(bogus.statusCode, 400);
  assert.match(bogus.body, /n’est pas valide/);

  const space = await t.app.inject({ method: 'GET', url: '/mon-espace', headers: { cookie } });
  assert.equal(space.statusCode, 200);
  assert.match(space.headers['cache-control'] as string, /no-store/);
  assert.match(space.body, new RegExp(file.reference));
  assert.match(space.body, /Premier contact/);
  assert.match(space.body, /Jeanne Référente/);
  assert.ok(space.body.includes(orgA.name.replaceAll('’', '’')), 'the referent’s organisation');
  assert.match(space.body, /accueil@exemple-epci\.fr/);
  assert.match(space.body, /Emploi salarié/, 'the project summary');
  assert.match(space.body, /Dans l’année/);
  assert.match(space.body, /Camille — Infirmière \(cherche un emploi\)/);
  assert.match(space.body, /Mon kit d’accueil/);
  assert.match(space.body, /href="\/mon-espace\/donnees"/);

  // Household → referent: the referent is emailed that a message waits, not what it says.
  const sent = await householdPost(
    cookie,
    '/mon-espace/messages',
    { body: 'Bonjour, la maison de Figeac est-elle encore disponible ?' },
    '/mon-espace',
  );
  assert.equal(sent.statusCode, 303);
  const [notice] = await mailsTo(referent.email);
  assert.ok(notice, 'the referent is notified');
  assert.match(notice.text, new RegExp(`Vous avez un nouveau message dans le dossier ${file.reference}`));
  assert.match(notice.text, new RegExp(`/admin/dossiers/${file.id}/messages`));
  assert.doesNotMatch(notice.text, /Figeac/);

  const empty = await householdPost(cookie, '/mon-espace/messages', { body: '   ' }, '/mon-espace');
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /Écrivez votre message/);

  // Staff tab: the thread, household messages marked read, then a reply.
  const staff = await loginAs(t.app, referent.email, referent.password);
  const tab = await t.app.inject({
    method: 'GET',
    url: `/admin/dossiers/${file.id}/messages`,
    headers: { cookie: staff },
  });
  assert.equal(tab.statusCode, 200);
  assert.match(tab.body, /la maison de Figeac/);
  const unread = await t
    .db()
    .select()
    .from(fileMessages)
    .where(and(eq(fileMessages.fileId, file.id), sql`read_at is null`));
  assert.equal(unread.length, 0, 'opening the tab marks the household’s messages read');

  const replied = await postForm(t.app, staff, `/admin/dossiers/${file.id}/messages`, {
    body: 'Oui, je vous propose une visite jeudi.',
  });
  assert.equal(replied.statusCode, 303);
  const household = await mailsTo(email);
  const last = household[household.length - 1];
  assert.match(last.text, /http:\/\/localhost:3000\/mon-espace/);
  assert.doesNotMatch(last.text, /visite jeudi/);

  const after = await t.app.inject({ method: 'GET', url: '/mon-espace', headers: { cookie } });
  assert.match(after.body, /je vous propose une visite jeudi/);
  assert.match(after.body, /la maison de Figeac/);

  const journal = await rows<{ action: string; actor_label: string; diff: unknown }>(
    t.db(),
    sql`select action, actor_label, diff from journal where target_type = 'file' and target_id = ${file.id}`,
  );
  const byHousehold = journal.filter((j) => j.actor_label === `foyer ${file.reference}`).map((j) => j.action);
  assert.ok(byHousehold.includes('household.login'));
  assert.ok(byHousehold.includes('message.send'));
  assert.ok(!JSON.stringify(journal).includes('Figeac'), 'the journal never keeps a message');

  // Logging out ends the session.
  const out = await householdPost(cookie, '/mon-espace/deconnexion', {}, '/mon-espace');
  assert.equal(out.statusCode, 303);
  const gone = await t.app.inject({ method: 'GET', url: '/mon-espace', headers: { cookie } });
  assert.match(gone.body, /Recevoir un lien de connexion/);
});

test('a household sees only its own file; staff out of scope get 404 on the Messages tab', async () => {
  const { orgA, outsider, file } = await setup();
  const other = await createTestFile(t.db(), { leadOrganisationId: orgA.id, contactName: 'Autre Foyer' });
  const cookieA = await householdSession(file.id);
  const cookieB = await householdSession(other.id);
  const a = await t.app.inject({ method: 'GET', url: '/mon-espace', headers: { cookie: cookieA } });
  const b = await t.app.inject({ method: 'GET', url: '/mon-espace', headers: { cookie: cookieB } });
  assert.ok(a.body.includes(file.reference) && !a.body.includes(other.reference));
  assert.ok(b.body.includes(other.reference) && !b.body.includes(file.reference));

  // A household cookie is no staff session.
  const asHousehold = await t.app.inject({
    method: 'GET',
    url: `/admin/dossiers/${file.id}/messages`,
    headers: { cookie: cookieA },
  });
  assert.notEqual(asHousehold.statusCode, 200);

  const staff = await loginAs(t.app, outsider.email, outsider.password);
  for (const url of [`/admin/dossiers/${file.id}/messages`, '/admin/dossiers/not-a-uuid/messages']) {
    const page = await t.app.inject({ method: 'GET', url, headers: { cookie: staff } });
    assert.equal(page.statusCode, 404, url);
  }
  const posted = await postForm(
    t.app,
    staff,
    `/admin/dossiers/${file.id}/messages`,
    { body: 'Intrusion' },
    '/admin',
  );
  assert.equal(posted.statusCode, 404);
  const messages = await t.db().select().from(fileMessages).where(eq(fileMessages.fileId, file.id));
  assert.equal(messages.length, 0);
});

test('a link to a file still in intake resumes the intake; the login form is rate limited', async () => {
  const file = await createTestFile(t.db(), { status: 'intake' });
  const link = await issueMagicLink(t.ctx, file.id);
  const { response } = await useLink(pathOf(link));
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, '/mon-projet');

  const invalid = await requestLink('pas-une-adresse');
  assert.equal(invalid.statusCode, 400);
  assert.match(invalid.body, /Saisissez une adresse e-mail valide/);

  const ip = newIp();
  let last = await requestLink(file.email!, ip);
  for (let i = 0; i < 5; i++) last = await requestLink(file.email!, ip);
  assert.equal(last.statusCode, 429);
  assert.match(last.body, /Trop de demandes/);
  const keys = await rows<{ key: string }>(t.db(), sql`select key from rate_limits`);
  assert.ok(!keys.some((k) => k.key.includes(file.email!)), 'no address in the rate-limit table');
});
