import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { asc, eq, sql } from 'drizzle-orm';
import { ambassadorCookie, createTestAmbassador } from '../../../../test/helpers/ambassadors.js';
import { cookiesOf, csrfTokenIn, type TestApp, testApp } from '../../../../test/helpers/app.js';
import { one, rows } from '../../../core/db/index.js';
import { mailOutbox } from '../../../core/mail/index.js';
import { spacePaths } from '../paths.js';
import { ambassadors } from '../schema.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t?.close());

const form = 'application/x-www-form-urlencoded';
let ip = 0;
const newIp = () => `10.7.0.${++ip}`;

const mailsTo = (email: string) =>
  t.ctx.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.recipient, email))
    .orderBy(asc(mailOutbox.createdAt));

/** GETs a page (with the cookies given), then POSTs its form with the page's CSRF token. */
async function submit(url: string, fields: Record<string, string | string[]>, cookie = '', page = url) {
  const remoteAddress = newIp();
  const shown = await t.app.inject({ method: 'GET', url: page, headers: { cookie }, remoteAddress });
  const payload = new URLSearchParams({ _csrf: csrfTokenIn(shown.body) });
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) payload.append(k, x);
  return t.app.inject({
    method: 'POST',
    url,
    remoteAddress,
    headers: { cookie: cookiesOf(shown, cookie), 'content-type': form },
    payload: payload.toString(),
  });
}

const linkIn = (text: string) => {
  const match = text.match(/http:\/\/localhost:3000(\/ambassadeurs\/espace\/lien\/[A-Za-z0-9_-]+)/);
  assert.ok(match, 'the email carries the login link');
  return match[1];
};

test('an active ambassador logs in from the emailed link, and the link works once', async () => {
  const a = await createTestAmbassador(t.ctx.db, { name: 'Louise Lotoise' });
  const asked = await submit(spacePaths.login, { email: a.email.toUpperCase() });
  assert.equal(asked.statusCode, 200);
  assert.match(asked.body, /Vérifiez votre boîte de réception/);
  const [mail] = await mailsTo(a.email);
  assert.ok(mail, 'a login email was sent');
  const link = linkIn(mail.text);

  const shown = await t.app.inject({ method: 'GET', url: link });
  assert.equal(shown.statusCode, 200);
  assert.match(shown.body, /Me connecter/);
  // Opening the link (a mail scanner does) uses nothing: the button does.
  const used = await one<{ n: number }>(
    t.ctx.db,
    sql`select count(*)::int as n from ambassador_tokens where ambassador_id = ${a.id} and used_at is not null`,
  );
  assert.equal(Number(used?.n), 0);

  const login = await submit(link, {}, '', link);
  assert.equal(login.statusCode, 303);
  assert.equal(login.headers.location, spacePaths.home);
  const cookie = cookiesOf(login);
  assert.match(cookie, /choisir_ambassadeur=/);
  const home = await t.app.inject({ method: 'GET', url: spacePaths.home, headers: { cookie } });
  assert.equal(home.statusCode, 200);
  assert.match(home.body, /Bonjour Louise Lotoise/);
  assert.ok(home.body.includes(`http://localhost:3000/a/${a.code}`), 'the tracked link is shown');
  const journaled = await rows(
    t.ctx.db,
    sql`select 1 from journal where target_id = ${a.id} and action = 'ambassador.login'`,
  );
  assert.equal(journaled.length, 1);

  const again = await t.app.inject({ method: 'GET', url: link });
  assert.equal(again.statusCode, 410);
  assert.match(again.body, /Ce lien a expiré/);
  assert.match(again.body, /Recevoir mon lien de connexion/);
  const bogus = await t.app.inject({ method: 'GET', url: spacePaths.link('pas-un-jeton') });
  assert.equal(bogus.statusCode, 400);
});

test('an unknown address gets the same answer and no email', async () => {
  const email = 'inconnu.du.reseau@exemple.fr';
  const asked = await submit(spacePaths.login, { email });
  assert.equal(asked.statusCode, 200);
  assert.match(asked.body, /Vérifiez votre boîte de réception/);
  assert.equal((await mailsTo(email)).length, 0);
  const bad = await submit(spacePaths.login, { email: 'pas-une-adresse' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Saisissez une adresse e-mail valide/);
});

test('a pending ambassador gets a waiting email, no login link, and no space', async () => {
  const a = await createTestAmbassador(t.ctx.db, { status: 'pending', emailConfirmedAt: null });
  await submit(spacePaths.login, { email: a.email });
  const mails = await mailsTo(a.email);
  assert.equal(mails.length, 1);
  assert.match(mails[0].subject, /en attente/);
  assert.doesNotMatch(mails[0].text, /espace\/lien/);
  const cookie = await ambassadorCookie(t.ctx.db, a.id);
  const home = await t.app.inject({ method: 'GET', url: spacePaths.home, headers: { cookie } });
  assert.equal(home.statusCode, 303);
  assert.equal(home.headers.location, spacePaths.login);
  const refused = await createTestAmbassador(t.ctx.db, { status: 'refused' });
  await submit(spacePaths.login, { email: refused.email });
  assert.equal((await mailsTo(refused.email)).length, 0);
});

test('the space needs a session', async () => {
  for (const url of [spacePaths.home, spacePaths.profile, spacePaths.data]) {
    const page = await t.app.inject({ method: 'GET', url });
    assert.equal(page.statusCode, 303, url);
    assert.equal(page.headers.location, spacePaths.login);
  }
});

test('the profile keeps what was typed on an error, then saves lists and ages', async () => {
  const a = await createTestAmbassador(t.ctx.db);
  const cookie = await ambassadorCookie(t.ctx.db, a.id);
  const fields = {
    phone: '05 65 00 00 00',
    commune: 'Cahors',
    city: '',
    country: '',
    chapter: '',
    trade: 'Boulanger',
    skills: 'pain, pâtisserie , pain',
    languages: 'occitan',
    interests: '',
    willing: ['share', 'speak'],
    childrenAges: '4, trente',
    newsletterOptOut: 'oui',
  };
  const bad = await submit(spacePaths.profile, fields, cookie);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /id="childrenAges-error"/);
  assert.match(bad.body, /de 0 à 25/);
  assert.match(bad.body, /value="pain, pâtisserie , pain"/);
  const unchanged = await one<{ trade: string }>(
    t.ctx.db,
    sql`select trade from ambassadors where id = ${a.id}`,
  );
  assert.equal(unchanged?.trade, 'Infirmière');

  const saved = await submit(spacePaths.profile, { ...fields, childrenAges: '9, 4' }, cookie);
  assert.equal(saved.statusCode, 303);
  const [row] = await t.ctx.db.select().from(ambassadors).where(eq(ambassadors.id, a.id));
  assert.deepEqual(row.skills, ['pain', 'pâtisserie']);
  assert.deepEqual(row.languages, ['occitan']);
  assert.deepEqual(row.interests, []);
  assert.deepEqual(row.willing, ['share', 'speak']);
  assert.deepEqual(row.childrenAges, [4, 9]);
  assert.equal(row.trade, 'Boulanger');
  assert.equal(row.newsletterOptOut, true);
  assert.equal(row.communeCode, '46042');
  const [entry] = await rows<{ diff: Record<string, { before: unknown; after: unknown }> }>(
    t.ctx.db,
    sql`select diff from journal where target_id = ${a.id} and action = 'ambassador.profile'`,
  );
  assert.equal(entry.diff.trade.after, 'Boulanger');
  assert.equal(entry.diff.communeCode, undefined, 'unchanged fields are not journaled');
  const page = await t.app.inject({
    method: 'GET',
    url: saved.headers.location as string,
    headers: { cookie },
  });
  assert.match(page.body, /Votre profil est enregistré/);

  const wrongCommune = await submit(
    spacePaths.profile,
    { ...fields, commune: 'Paris', childrenAges: '' },
    cookie,
  );
  assert.equal(wrongCommune.statusCode, 400);
  assert.match(wrongCommune.body, /n’est pas une commune du Lot/);
});
