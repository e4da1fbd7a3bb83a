import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { asc, eq, sql } from 'drizzle-orm';
import { cookiesOf, csrfTokenIn, type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createUser } from '../../../../test/helpers/factories.js';
import { one, rows } from '../../../core/db/index.js';
import { mailOutbox } from '../../../core/mail/index.js';
import { ambassadors } from '../schema.js';
import { signupsPerIpPerHour } from './index.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t?.close());

const form = 'application/x-www-form-urlencoded';
let ipCounter = 0;
/** Each test signs up from its own address, so the per-IP limit of one never trips another. */
const newIp = () => `10.5.0.${++ipCounter}`;

const mailsTo = (email: string) =>
  t.ctx.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.recipient, email))
    .orderBy(asc(mailOutbox.createdAt));
const recordsOf = (email: string) => t.ctx.db.select().from(ambassadors).where(eq(ambassadors.email, email));

/** Opens the form and submits it as a visitor without JavaScript would. */
async function signUp(fields: Record<string, string | string[]>, ip = newIp()) {
  const page = await t.app.inject({ method: 'GET', url: '/ambassadeurs/devenir', remoteAddress: ip });
  assert.equal(page.statusCode, 200);
  const payload = new URLSearchParams({ _csrf: csrfTokenIn(page.body) });
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) payload.append(k, x);
  return t.app.inject({
    method: 'POST',
    url: '/ambassadeurs/devenir',
    remoteAddress: ip,
    headers: { cookie: cookiesOf(page), 'content-type': form },
    payload: payload.toString(),
  });
}

/** A Lot commune in an EPCI, and the local chapter of that EPCI. */
async function communeWithChapter() {
  const row = await one<{ name: string; code: string; slug: string }>(
    t.db(),
    sql`select c.name, c.code, ch.slug from communes c join ambassador_chapters ch on ch.epci_code = c.epci_code
        order by c.code limit 1`,
  );
  assert.ok(row, 'the seed has a commune in an EPCI with a chapter');
  return row;
}

const linkIn = (text: string) => {
  const match = text.match(/http:\/\/localhost:3000(\/ambassadeurs\/confirmer\/[A-Za-z0-9_-]+)/);
  assert.ok(match, 'the email carries the confirmation link');
  return match[1];
};

test('the form shows the charter in full and the fields, with fieldsets', async () => {
  const page = await t.app.inject({ method: 'GET', url: '/ambassadeurs/devenir' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1>Devenir ambassadeur du Lot<\/h1>/);
  assert.match(page.body, /Charte des ambassadeurs du Lot/);
  assert.match(page.body, /<p>Je ne parle pas au nom du Département/);
  assert.match(page.body, /J’ai lu et j’accepte la charte/);
  assert.match(page.body, /<legend>Votre lien avec le Lot<\/legend>/);
  assert.match(page.body, /Lotois d’adoption/);
  assert.match(page.body, /Accueillir un nouvel arrivant \(parrainage\)/);
  assert.match(page.body, /<datalist id="amb-communes">/);
  assert.doesNotMatch(page.body, /id="portraitOptIn"[^>]*checked/, 'the portrait is opt-in');
});

test('errors are in French, at the field, and the values are kept', async () => {
  const response = await signUp({
    kind: 'firm',
    name: 'Jeanne Martin',
    email: 'pas-une-adresse',
    tie: 'adopted',
    commune: 'Toulouse',
    skills: 'menuiserie, numérique',
    willing: ['share', 'speak'],
    portraitText: 'Menuisière à Figeac',
  });
  assert.equal(response.statusCode, 400);
  const body = response.body;
  assert.match(body, /Le formulaire contient/);
  assert.match(body, /Indiquez le nom de l’entreprise\./);
  assert.match(body, /Saisissez une adresse e-mail valide/);
  assert.match(body, /Cette commune n’est pas une commune du Lot/);
  assert.match(body, /Cochez la case pour accepter la charte/);
  assert.match(body, /value="Jeanne Martin"/);
  assert.match(body, /value="menuiserie, numérique"/);
  assert.match(body, /value="Toulouse"/);
  assert.match(body, /id="tie-adopted"[^>]*checked/);
  assert.match(body, /id="willing-speak"[^>]*checked/);
  assert.match(body, />Menuisière à Figeac<\/textarea>/);
  assert.equal((await recordsOf('pas-une-adresse')).length, 0);
});

test('a charter changed while the form was open must be accepted again', async () => {
  const commune = await communeWithChapter();
  const email = 'charte.ancienne@example.fr';
  const response = await signUp({
    kind: 'person',
    name: 'Ancienne Charte',
    email,
    tie: 'born',
    commune: commune.name,
    charter: 'oui',
    charterVersion: '2020-01-v0',
  });
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /La charte a été mise à jour/);
  assert.match(response.body, new RegExp(`value="${commune.name}"`));
  assert.equal((await recordsOf(email)).length, 0);
});

test('a Lot resident signs up, confirms by a button, and the staff are told', async () => {
  const commune = await communeWithChapter();
  const animator = await createUser(t.db(), { role: 'animator' });
  const editor = await createUser(t.db(), { role: 'editor' });
  const email = 'jeanne.lot@example.fr';
  const response = await signUp({
    kind: 'person',
    name: 'Jeanne Lot',
    email: 'Jeanne.Lot@example.fr',
    phone: '05 65 00 00 00',
    tie: 'returned',
    commune: commune.name,
    trade: 'Menuisière',
    skills: ' menuiserie ,numérique,, menuiserie ',
    languages: 'anglais, occitan',
    interests: 'randonnée',
    willing: ['share', 'host'],
    charter: 'oui',
  });
  assert.equal(response.statusCode, 200);
  assert.match(response.body, /Vérifiez votre boîte mail/);

  const [row] = await recordsOf(email);
  assert.ok(row, 'the record is stored');
  assert.equal(row.status, 'pending');
  assert.equal(row.communeCode, commune.code);
  assert.equal(row.chapterSlug, commune.slug, 'the chapter comes from the commune’s EPCI');
  assert.deepEqual(row.skills, ['menuiserie', 'numérique']);
  assert.deepEqual(row.languages, ['anglais', 'occitan']);
  assert.deepEqual(row.willing, ['share', 'host']);
  assert.equal(row.charterVersion, '2026-11-v1');
  assert.ok(row.charterAcceptedAt);
  assert.equal(row.portraitOptIn, false);
  assert.match(row.code, /^LOT-[A-Z2-9]{5}$/);

  const journal = await rows<{ diff: Record<string, unknown>; actor: string }>(
    t.db(),
    sql`select diff, actor_label as actor from journal where action = 'ambassador.signup' and target_id = ${row.id}`,
  );
  assert.equal(journal.length, 1);
  assert.equal(journal[0].actor, `ambassadeur ${row.code}`);
  assert.deepEqual(Object.keys(journal[0].diff).sort(), ['chapter', 'kind', 'tie']);
  assert.doesNotMatch(JSON.stringify(journal[0].diff), /Jeanne|example|Menuisière/);

  const [mail] = await mailsTo(email);
  assert.equal(mail.subject, 'Confirmez votre inscription au réseau des ambassadeurs');
  const link = linkIn(mail.text);

  const confirmPage = await t.app.inject({ method: 'GET', url: link });
  assert.equal(confirmPage.statusCode, 200);
  assert.match(confirmPage.body, /Confirmer mon inscription/);
  assert.equal((await recordsOf(email))[0].status, 'pending', 'opening the link changes nothing');

  const confirmed = await t.app.inject({
    method: 'POST',
    url: link,
    headers: { cookie: cookiesOf(confirmPage), 'content-type': form },
    payload: new URLSearchParams({ _csrf: csrfTokenIn(confirmPage.body) }).toString(),
  });
  assert.equal(confirmed.statusCode, 200);
  assert.match(confirmed.body, /Merci, votre inscription sera validée par l’équipe/);
  const [after] = await recordsOf(email);
  assert.equal(after.status, 'submitted');
  assert.ok(after.emailConfirmedAt);

  const [notice] = await mailsTo(animator.email);
  assert.equal(notice?.subject, 'Nouvelle inscription d’ambassadeur à valider');
  assert.match(notice.text, /\/admin\/ambassadeurs/);
  assert.match(notice.text, new RegExp(after.code));
  assert.doesNotMatch(notice.text, /Jeanne|example\.fr/, 'no personal data in the staff email');
  assert.equal((await mailsTo(editor.email)).length, 0, 'only admins and animators are told');

  const again = await t.app.inject({ method: 'GET', url: link });
  assert.equal(again.statusCode, 410);
  assert.match(again.body, /Lien expiré ou déjà utilisé/);
  const reused = await t.app.inject({
    method: 'POST',
    url: link,
    headers: { cookie: cookiesOf(confirmPage), 'content-type': form },
    payload: new URLSearchParams({ _csrf: csrfTokenIn(confirmPage.body) }).toString(),
  });
  assert.equal(reused.statusCode, 410);
  const malformed = await t.app.inject({ method: 'GET', url: '/ambassadeurs/confirmer/abc' });
  assert.equal(malformed.statusCode, 400);
  assert.match(malformed.body, /Lien incorrect/);
});

test('a Lotois outside the Lot gives a city, a country and a diaspora chapter', async () => {
  const email = 'paul.paris@example.fr';
  const missing = await signUp({ kind: 'association', name: 'Paul', email, tie: 'diaspora', charter: 'oui' });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /Indiquez la ville où vous vivez\./);
  assert.match(missing.body, /Choisissez le groupe de Lotois hors du Lot/);
  assert.match(missing.body, /Indiquez le nom de l’association\./);

  const response = await signUp({
    kind: 'association',
    organisationName: 'Les Lotois de Paris',
    name: 'Paul Durand',
    email,
    tie: 'diaspora',
    city: 'Paris',
    country: 'France',
    chapter: 'paris',
    charter: 'oui',
    portraitOptIn: 'oui',
    portraitText: 'Cadurcien exilé.',
  });
  assert.equal(response.statusCode, 200);
  const [row] = await recordsOf(email);
  assert.equal(row.kind, 'association');
  assert.equal(row.organisationName, 'Les Lotois de Paris');
  assert.equal(row.city, 'Paris');
  assert.equal(row.country, 'France');
  assert.equal(row.chapterSlug, 'paris');
  assert.equal(row.communeCode, null);
  assert.equal(row.portraitOptIn, true);
  assert.equal(row.portraitText, 'Cadurcien exilé.');
});

test('signing up again with a known address sends « already registered » and creates nothing', async () => {
  const commune = await communeWithChapter();
  const email = 'deux.fois@example.fr';
  const fields = {
    kind: 'person',
    name: 'Deux Fois',
    email,
    tie: 'born',
    commune: commune.name,
    charter: 'oui',
  };
  const first = await signUp(fields);
  const second = await signUp({ ...fields, email: 'DEUX.fois@example.fr' });
  assert.equal(second.statusCode, 200);
  assert.equal(
    first.body.match(/<main[\s\S]*<\/main>/)?.[0].replace(/name="_csrf" value="[^"]*"/, ''),
    second.body.match(/<main[\s\S]*<\/main>/)?.[0].replace(/name="_csrf" value="[^"]*"/, ''),
    'the page does not tell whether the address is known',
  );
  assert.equal((await recordsOf(email)).length, 1);
  const mails = await mailsTo(email);
  assert.deepEqual(
    mails.map((m) => m.subject),
    [
      'Confirmez votre inscription au réseau des ambassadeurs',
      'Vous êtes déjà inscrit au réseau des ambassadeurs',
    ],
  );
});

test('sign-ups are limited per connection with a French 429 page', async () => {
  const ip = newIp();
  for (let i = 0; i < signupsPerIpPerHour; i++) await signUp({ name: 'x' }, ip);
  const blocked = await signUp({ name: 'x' }, ip);
  assert.equal(blocked.statusCode, 429);
  assert.match(blocked.body, /Trop d’inscriptions depuis votre connexion/);
});

test('the public page explains the role and counts active ambassadors', async () => {
  // Only the active ones count: the others stay pending or submitted.
  await t.db().execute(sql`update ambassadors set status = 'active' where tie <> 'diaspora'`);
  const active = Number(
    (
      await one<{ n: number }>(
        t.db(),
        sql`select count(*)::int as n from ambassadors where status = 'active'`,
      )
    )?.n,
  );
  assert.ok(active >= 2);
  const response = await t.app.inject({ method: 'GET', url: '/ambassadeurs' });
  assert.equal(response.statusCode, 200);
  assert.match(response.body, /Devenir ambassadeur du Lot/);
  assert.match(response.body, /Accueillir<\/strong> un nouvel arrivant/);
  assert.match(response.body, /href="\/ambassadeurs\/devenir"/);
  const all = (await t.ctx.db.select().from(ambassadors)).length;
  assert.ok(all > active, 'some sign-ups are not active and are not counted');
  assert.match(response.body, new RegExp(`<strong>${active}</strong> ambassadeurs actifs`));
});
