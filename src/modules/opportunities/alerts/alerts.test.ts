import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import { cookiesOf, csrfTokenIn, type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createTestOpportunity } from '../../../../test/helpers/opportunities.js';
import { hashToken } from '../../../core/auth/index.js';
import { type Message, mailOutbox } from '../../../core/mail/index.js';
import { savedSearches } from '../schema.js';
import { type DigestDeps, sendDigests } from './digest.js';
import { alertJobs } from './jobs.js';
import { alertPaths } from './mails.js';
import { manageToken, maxAlertsPerEmail, subscribe } from './store.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const form = 'application/x-www-form-urlencoded';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let ipCounter = 0;
/** Each test posts from its own address, so the per-IP rate limit of one test never trips another. */
const newIp = () => `10.0.0.${++ipCounter}`;

/** Digests go through a mailer that also keeps each message, headers included (the outbox keeps none). */
const sentMessages: Message[] = [];
const deps = (): DigestDeps => ({
  db: t.ctx.db,
  publicUrl: t.config.PUBLIC_URL,
  siteName: t.ctx.siteName(),
  mailer: {
    send(message) {
      sentMessages.push(message);
      return t.ctx.mailer.send(message);
    },
  },
});

const mailsTo = (email: string) =>
  t.ctx.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.recipient, email))
    .orderBy(asc(mailOutbox.createdAt));
const alertsOf = (email: string) =>
  t.ctx.db.select().from(savedSearches).where(eq(savedSearches.email, email));

/** Opens the alert page for a search and submits its form, as a visitor without JavaScript would. */
async function requestAlert(query: string, fields: Record<string, string>, ip = newIp()) {
  const page = await t.app.inject({ method: 'GET', url: `/opportunites/alerte?${query}`, remoteAddress: ip });
  assert.equal(page.statusCode, 200);
  const hidden = page.body.match(/name="query" value="([^"]*)"/);
  assert.ok(hidden, 'the form carries the search');
  return t.app.inject({
    method: 'POST',
    url: '/opportunites/alerte',
    remoteAddress: ip,
    headers: { cookie: cookiesOf(page), 'content-type': form },
    payload: new URLSearchParams({
      _csrf: csrfTokenIn(page.body),
      query: hidden[1].replaceAll('&amp;', '&'),
      ...fields,
    }).toString(),
  });
}

/** Submits the one-button form of a page reached from an email link. */
async function pressButton(path: string) {
  const page = await t.app.inject({ method: 'GET', url: path });
  assert.equal(page.statusCode, 200, page.body);
  return t.app.inject({
    method: 'POST',
    url: path,
    headers: { cookie: cookiesOf(page), 'content-type': form },
    payload: new URLSearchParams({ _csrf: csrfTokenIn(page.body) }).toString(),
  });
}

const linkIn = (text: string, path: string) => {
  const match = text.match(new RegExp(`http://localhost:3000(${path}/[\\w.-]+)`));
  assert.ok(match, `a link to ${path} in:\n${text}`);
  return match[1];
};

test('the alert page describes the search in French and asks for an address and consent', async () => {
  const page = await t.app.inject({
    method: 'GET',
    url: '/opportunites/alerte?type=job&q=infirmier&commune=46042&rayon=20&epci=200023737&contrat=cdi&tri=bidule',
  });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Offres d’emploi/);
  assert.match(page.body, /contenant « infirmier »/i);
  assert.match(page.body, /à moins de 20 km de Cahors/i);
  assert.match(page.body, /intercommunalité : [^<]*Cahors/i);
  assert.match(page.body, /contrat : CDI/i);
  assert.match(page.body, /Tri inconnu/, 'what was not understood is said, not silently dropped');
  assert.match(page.body, /<label for="email">Votre adresse e-mail<\/label>/);
  assert.match(page.body, /type="checkbox" id="consent" name="consent" value="oui"/);
  assert.match(page.body, /sert uniquement à vous envoyer cette alerte/);
  assert.match(page.body, /name="_csrf"/);

  const all = await t.app.inject({ method: 'GET', url: '/opportunites/alerte' });
  assert.match(all.body, /Toutes les opportunités/);
});

test('a bad address or a missing consent gets French errors and saves nothing', async () => {
  const bad = await requestAlert('type=job', { email: 'pas-une-adresse', consent: 'oui' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Saisissez une adresse e-mail valide/);
  assert.match(bad.body, /value="pas-une-adresse"/, 'what was typed is kept');
  assert.match(bad.body, /error-summary/);

  const both = await requestAlert('type=job', { email: '' });
  assert.equal(both.statusCode, 400);
  const summary = both.body.slice(
    both.body.indexOf('error-summary'),
    both.body.indexOf('</ul>', both.body.indexOf('error-summary')),
  );
  assert.ok(summary.includes('#email') && summary.includes('#consent'));
  assert.ok(
    summary.indexOf('#email') < summary.indexOf('#consent'),
    'errors listed in the order of the fields',
  );

  const noConsent = await requestAlert('type=job', { email: 'sans.accord@example.fr' });
  assert.equal(noConsent.statusCode, 400);
  assert.match(noConsent.body, /Cochez la case pour accepter/);
  assert.equal((await alertsOf('sans.accord@example.fr')).length, 0);
  assert.equal((await mailsTo('sans.accord@example.fr')).length, 0);
});

test('double opt-in, daily digest of new matches only, one-click unsubscribe', async () => {
  const email = 'camille.alerte@example.fr';
  // Published before the alert exists: never "new" for it.
  await createTestOpportunity(t.ctx.db, {
    title: 'Infirmier de jour au centre hospitalier',
    publishedAt: new Date(Date.now() - 60_000),
  });

  const created = await requestAlert('type=job&q=infirmier&commune=46042&rayon=20', {
    email: 'Camille.Alerte@Example.fr',
    consent: 'oui',
  });
  assert.equal(created.statusCode, 200);
  assert.match(created.body, /Vérifiez votre boîte de réception/);

  const [alert] = await alertsOf(email);
  assert.ok(alert, 'the alert is saved with the address in lower case');
  assert.equal(alert.query, 'q=infirmier&type=job&commune=46042&rayon=20');
  assert.match(alert.label, /Offres d’emploi, contenant « infirmier », à moins de 20 km de Cahors/);
  assert.equal(alert.confirmedAt, null);

  const [confirmation] = await mailsTo(email);
  assert.equal(confirmation.kind, 'alert-confirmation');
  assert.match(confirmation.text, /pour la recherche :\nOffres d’emploi, contenant « infirmier »/);
  assert.match(confirmation.text, /sert uniquement à vous envoyer cette alerte/);
  const confirmPath = linkIn(confirmation.text, '/opportunites/alerte/confirmer');
  const token = confirmPath.split('/').at(-1) as string;
  assert.equal(alert.tokenHash, hashToken(token), 'only the hash of the token is stored');
  assert.ok(!JSON.stringify(alert).includes(token));

  // Not confirmed yet: a match published now sends nothing.
  await sleep(5);
  await createTestOpportunity(t.ctx.db, { title: 'Infirmier de bloc opératoire' });
  const before = await sendDigests(deps(), new Date());
  assert.equal(before.sent, 0);
  assert.equal((await mailsTo(email)).length, 1);

  // Opening the link (as a mail scanner would) confirms nothing; the button does.
  const opened = await t.app.inject({ method: 'GET', url: confirmPath });
  assert.equal(opened.statusCode, 200);
  assert.match(opened.body, /Confirmer mon alerte/);
  assert.equal((await alertsOf(email))[0].confirmedAt, null);
  const confirmed = await pressButton(confirmPath);
  assert.equal(confirmed.statusCode, 200);
  assert.match(confirmed.body, /Alerte activée/);
  const unsubscribePath = linkIn(
    confirmed.body.replace(/href="/g, 'href="http://localhost:3000'),
    '/opportunites/alerte/desabonner',
  );
  assert.ok((await alertsOf(email))[0].confirmedAt);
  const again = await t.app.inject({ method: 'GET', url: confirmPath });
  assert.match(again.body, /Alerte activée/, 'a second visit says it is already active');

  await sleep(5);
  const match = await createTestOpportunity(t.ctx.db, { title: 'Infirmier de nuit en EHPAD' });
  await createTestOpportunity(t.ctx.db, { title: 'Boulanger au fournil' });
  await createTestOpportunity(t.ctx.db, {
    kind: 'housing',
    title: 'Gîte communal pour infirmier',
    contactEmail: 'mairie@example.fr',
  });
  await sleep(5);
  const first = await sendDigests(deps(), new Date());
  assert.equal(first.sent, 1);
  const digests = (await mailsTo(email)).filter((m) => m.kind === 'alert-digest');
  assert.equal(digests.length, 1, 'exactly one digest');
  const [digest] = digests;
  assert.match(digest.subject, /1 nouvelle opportunité/);
  assert.match(digest.text, /Infirmier de nuit en EHPAD — Cahors \(Offre d’emploi\)/);
  assert.ok(digest.text.includes(`http://localhost:3000/opportunites/${match.id}`), 'absolute link');
  assert.doesNotMatch(digest.text, /Boulanger|Gîte communal|bloc opératoire|centre hospitalier/);
  assert.match(
    digest.text,
    /Voir toutes les opportunités de cette recherche : http:\/\/localhost:3000\/opportunites\?/,
  );
  assert.ok(digest.text.includes(`http://localhost:3000${unsubscribePath}`), 'the unsubscribe link');
  assert.match(digest.text, /\/opportunites\/alerte\/supprimer\//);
  assert.match(
    digest.html ?? '',
    /<a href="http:\/\/localhost:3000\/opportunites\/[^"]+">Infirmier de nuit en EHPAD<\/a>/,
  );
  const headers = sentMessages.at(-1)?.headers ?? {};
  assert.equal(headers['List-Unsubscribe'], `<http://localhost:3000${unsubscribePath}>`);
  assert.equal(headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
  assert.ok((await alertsOf(email))[0].lastSentAt);

  // The scheduled job runs the same function: nothing new, nothing sent.
  const [job] = alertJobs(t.ctx);
  assert.match(job.cron ?? '', /^\d+ \d+ \* \* \*$/);
  await job.handler({});
  assert.equal((await mailsTo(email)).filter((m) => m.kind === 'alert-digest').length, 1);

  // RFC 8058: the mail client posts to the header's address, no cookie, no CSRF token.
  const oneClick = await t.app.inject({
    method: 'POST',
    url: unsubscribePath,
    headers: { 'content-type': form },
    payload: 'List-Unsubscribe=One-Click',
  });
  assert.equal(oneClick.statusCode, 200);
  assert.match(oneClick.body, /Vous êtes désabonné/);
  assert.ok((await alertsOf(email))[0].unsubscribedAt);
  await sleep(5);
  await createTestOpportunity(t.ctx.db, { title: 'Infirmier libéral en cabinet' });
  const afterUnsubscribe = await sendDigests(deps(), new Date());
  assert.equal(afterUnsubscribe.sent, 0);
  assert.equal((await mailsTo(email)).filter((m) => m.kind === 'alert-digest').length, 1);
  const confirmAfter = await t.app.inject({ method: 'GET', url: confirmPath });
  assert.equal(confirmAfter.statusCode, 404, 'an unsubscribed alert cannot be confirmed again');
});

test('one-click unsubscribe also accepts a multipart post; the page offers one button', async () => {
  const email = 'multipart@example.fr';
  const outcome = await subscribe(t.ctx.db, { email, query: 'type=housing', label: 'Logements temporaires' });
  assert.equal(outcome.kind, 'created');
  const unsubscribePath = alertPaths.unsubscribe(manageToken(outcome.search));
  const page = await t.app.inject({ method: 'GET', url: unsubscribePath });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<button class="button" type="submit">Me désabonner<\/button>/);
  const boundary = 'XyZ';
  const posted = await t.app.inject({
    method: 'POST',
    url: unsubscribePath,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
  });
  assert.equal(posted.statusCode, 200);
  assert.ok((await alertsOf(email))[0].unsubscribedAt);
});

test('unknown, tampered or malformed links get a French 404 page', async () => {
  const outcome = await subscribe(t.ctx.db, { email: 'lien@example.fr', query: '', label: 'Toutes' });
  assert.equal(outcome.kind, 'created');
  const manage = manageToken(outcome.search);
  assert.equal((await t.app.inject({ method: 'GET', url: alertPaths.unsubscribe(manage) })).statusCode, 200);
  const tampered = `${manage.slice(0, -1)}${manage.endsWith('A') ? 'B' : 'A'}`;
  for (const url of [
    '/opportunites/alerte/confirmer/inconnu-inconnu-inconnu-inconnu',
    '/opportunites/alerte/confirmer/%3Cscript%3E',
    `/opportunites/alerte/desabonner/${tampered}`,
    '/opportunites/alerte/desabonner/00000000-0000-0000-0000-000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    '/opportunites/alerte/supprimer/nimportequoi',
  ]) {
    const page = await t.app.inject({ method: 'GET', url });
    assert.equal(page.statusCode, 404, url);
    assert.match(page.body, /Lien inconnu ou expiré/);
  }
  const post = await t.app.inject({
    method: 'POST',
    url: `/opportunites/alerte/desabonner/${tampered}`,
    headers: { 'content-type': form },
    payload: 'List-Unsubscribe=One-Click',
  });
  assert.equal(post.statusCode, 404);
});

test('asking again: a pending alert gets a new link, an active one is not duplicated', async () => {
  const email = 'deux.fois@example.fr';
  await requestAlert('type=takeover', { email, consent: 'oui' });
  const firstLink = linkIn((await mailsTo(email))[0].text, '/opportunites/alerte/confirmer');
  await requestAlert('type=takeover', { email, consent: 'oui' });
  assert.equal((await alertsOf(email)).length, 1);
  const secondLink = linkIn((await mailsTo(email))[1].text, '/opportunites/alerte/confirmer');
  assert.notEqual(firstLink, secondLink);
  assert.equal((await t.app.inject({ method: 'GET', url: firstLink })).statusCode, 404, 'the old link died');
  assert.equal((await pressButton(secondLink)).statusCode, 200);

  const page = await requestAlert('type=takeover', { email, consent: 'oui' });
  assert.match(page.body, /Vérifiez votre boîte de réception/, 'the page says nothing about the address');
  assert.equal((await alertsOf(email)).length, 1);
  assert.equal((await mailsTo(email)).at(-1)?.kind, 'alert-already-active');
});

test('an address has at most a few alerts, and requests are rate limited', async () => {
  const email = 'collection@example.fr';
  for (let i = 0; i < maxAlertsPerEmail; i++)
    await subscribe(t.ctx.db, { email, query: `q=metier${i}`, label: `Recherche ${i}` });
  const page = await requestAlert('q=encore', { email, consent: 'oui' });
  assert.equal(page.statusCode, 200);
  assert.equal((await alertsOf(email)).length, maxAlertsPerEmail);
  assert.equal((await mailsTo(email)).at(-1)?.kind, 'alert-limit');

  const ip = newIp();
  const limited = 'souvent@example.fr';
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++)
    statuses.push((await requestAlert(`q=essai${i}`, { email: limited, consent: 'oui' }, ip)).statusCode);
  assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429]);
  const refused = await requestAlert('q=essai-final', { email: limited, consent: 'oui' }, ip);
  assert.match(refused.body, /Trop de demandes d’alerte pour cette adresse/);
});

test('deleting every alert of an address, from the link of any email', async () => {
  const email = 'tout.effacer@example.fr';
  await requestAlert('type=job', { email, consent: 'oui' });
  await requestAlert('type=housing', { email, consent: 'oui' });
  const deletePath = linkIn((await mailsTo(email))[0].text, '/opportunites/alerte/supprimer');
  const page = await t.app.inject({ method: 'GET', url: deletePath });
  assert.match(page.body, /2 alertes/);
  assert.match(page.body, /t•••@example\.fr/);
  const done = await pressButton(deletePath);
  assert.equal(done.statusCode, 200);
  assert.match(done.body, /Vos 2 alertes ont été supprimées/);
  assert.equal((await alertsOf(email)).length, 0);
  assert.equal((await t.app.inject({ method: 'GET', url: deletePath })).statusCode, 404);
});

test('the daily run forgets alerts never confirmed within a week', async () => {
  const email = 'oubli@example.fr';
  const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
  const old = await subscribe(t.ctx.db, { email, query: 'type=job', label: 'Offres' }, eightDaysAgo);
  const recent = await subscribe(t.ctx.db, { email, query: 'type=housing', label: 'Logements' });
  assert.ok(old.kind === 'created' && recent.kind === 'created');
  const expiredLink = await t.app.inject({
    method: 'GET',
    url: `/opportunites/alerte/confirmer/${old.token}`,
  });
  assert.equal(expiredLink.statusCode, 404, 'its link died with the week, before the job');
  const report = await sendDigests(deps(), new Date());
  assert.ok(report.purged >= 1);
  const left = await alertsOf(email);
  assert.deepEqual(
    left.map((a) => a.query),
    ['type=housing'],
  );
});
