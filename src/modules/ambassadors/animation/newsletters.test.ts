import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { createTestAmbassador } from '../../../../test/helpers/ambassadors.js';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createUser, loginAs, postForm } from '../../../../test/helpers/factories.js';
import { journal } from '../../../core/journal/index.js';
import { mailOutbox } from '../../../core/mail/index.js';
import { adminPaths, unsubscribePath } from '../paths.js';
import { ambassadorNewsletters, ambassadors } from '../schema.js';
import { issueAmbassadorToken } from '../tokens.js';

let t: TestApp;
let animator: string;
before(async () => {
  t = await testApp();
  const user = await createUser(t.ctx.db, { role: 'animator' });
  animator = await loginAs(t.app, user.email, user.password);
});
after(() => t.close());

const get = (url: string, cookie = animator) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const letters = (email: string) =>
  t.ctx.db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.recipient, email), eq(mailOutbox.kind, 'ambassador.newsletter')));

async function compose(fields: Record<string, string>) {
  const response = await postForm(t.app, animator, adminPaths.newsletters, fields);
  assert.equal(response.statusCode, 303, response.body.slice(0, 500));
  return response.headers.location as string;
}
const send = (page: string) => postForm(t.app, animator, `${page}/envoyer`, {}, page);

test('a newsletter to a chapter reaches only its active, subscribed ambassadors, once, with an unsubscribe link', async () => {
  const ana = await createTestAmbassador(t.ctx.db, {
    name: 'Ana Parisienne',
    chapterSlug: 'paris',
    communeCode: null,
    city: 'Paris',
  });
  const optedOut = await createTestAmbassador(t.ctx.db, { chapterSlug: 'paris', newsletterOptOut: true });
  const gone = await createTestAmbassador(t.ctx.db, { chapterSlug: 'paris', status: 'left' });
  const toulouse = await createTestAmbassador(t.ctx.db, { name: 'Tom Toulousain', chapterSlug: 'toulouse' });

  const page = await compose({
    objet: 'Des nouvelles de Paris',
    texte: 'Rendez-vous au salon en mars.',
    chapitre: 'paris',
  });
  const preview = await get(page);
  assert.equal(preview.statusCode, 200);
  assert.match(preview.body, /1 ambassadeur/);
  assert.match(preview.body, /Rendez-vous au salon en mars\./);
  assert.match(preview.body, /Envoyer à 1 ambassadeur/);
  assert.equal((await letters(ana.email)).length, 0, 'the preview sends nothing');

  const sent = await send(page);
  assert.equal(sent.statusCode, 303);
  const [mail] = await letters(ana.email);
  assert.equal(mail.subject, 'Des nouvelles de Paris');
  assert.match(mail.text, /Bonjour Ana Parisienne/);
  assert.match(mail.text, /http:\/\/localhost:3000\/ambassadeurs\/desabonnement\/[A-Za-z0-9_-]{20,}/);
  for (const other of [optedOut, gone, toulouse]) assert.equal((await letters(other.email)).length, 0);

  const twice = await send(page);
  assert.match(twice.headers.location ?? '', /ok=already/);
  assert.equal((await letters(ana.email)).length, 1, 'a sent newsletter is not sent again');

  const id = page.split('/').pop() as string;
  const [row] = await t.ctx.db.select().from(ambassadorNewsletters).where(eq(ambassadorNewsletters.id, id));
  assert.equal(row.recipients, 1);
  assert.equal(row.segment, 'chapitre=paris');
  assert.ok(row.sentAt && row.sentBy);
  const entries = await t.ctx.db
    .select()
    .from(journal)
    .where(
      and(eq(journal.targetType, 'ambassador-newsletter'), eq(journal.action, 'ambassador.newsletter-send')),
    );
  assert.equal(entries.length, 1);
  const list = await get(adminPaths.newsletters);
  assert.match(list.body, /Des nouvelles de Paris/);
  assert.match(list.body, /chapitre Lotois de Paris/);

  // The unsubscribe link: a page with a button, then the POST opts out.
  const url = /http:\/\/localhost:3000(\/ambassadeurs\/desabonnement\/[A-Za-z0-9_-]+)/.exec(
    mail.text,
  )?.[1] as string;
  const form = await t.app.inject({ method: 'GET', url });
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /Me désabonner/);
  const done = await t.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'List-Unsubscribe=One-Click',
  });
  assert.equal(done.statusCode, 200);
  assert.match(done.body, /Vous ne recevrez plus les lettres/);
  const [after] = await t.ctx.db.select().from(ambassadors).where(eq(ambassadors.id, ana.id));
  assert.equal(after.newsletterOptOut, true);
  const unsubscribed = await t.ctx.db
    .select()
    .from(journal)
    .where(and(eq(journal.targetId, ana.id), eq(journal.action, 'ambassador.unsubscribe')));
  assert.equal(unsubscribed.length, 1);

  // The next newsletter to everyone skips her.
  const next = await compose({ objet: 'À tout le réseau', texte: 'Bonne année !' });
  await send(next);
  assert.equal((await letters(ana.email)).length, 1);
  assert.equal((await letters(toulouse.email)).length, 1);
});

test('a bad or used unsubscribe link gets a French page; the button form works too', async () => {
  const bad = await t.app.inject({
    method: 'GET',
    url: unsubscribePath('pas-un-vrai-jeton-de-desabonnement'),
  });
  assert.equal(bad.statusCode, 404);
  assert.match(bad.body, /Ce lien de désabonnement ne fonctionne pas/);

  const a = await createTestAmbassador(t.ctx.db);
  const token = await issueAmbassadorToken(t.ctx.db, a.id, 'unsubscribe');
  const page = await t.app.inject({ method: 'GET', url: unsubscribePath(token) });
  const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const post = () =>
    t.app.inject({
      method: 'POST',
      url: unsubscribePath(token),
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf }).toString(),
    });
  assert.equal((await post()).statusCode, 200);
  const again = await post();
  assert.equal(again.statusCode, 200, 'a second click is not an error');
  assert.match(again.body, /Vous ne recevrez plus les lettres/);
  const expired = await t.app.inject({ method: 'POST', url: unsubscribePath('x'.repeat(30)) });
  assert.equal(expired.statusCode, 404);
});

test('the compose form says what is wrong, where it is wrong', async () => {
  const response = await postForm(t.app, animator, adminPaths.newsletters, {
    objet: '',
    texte: 'x'.repeat(10_001),
    chapitre: 'nulle-part',
    activite: 'active',
    mois: '0',
  });
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /Indiquez l’objet de la lettre/);
  assert.ok(/10\s000 caractères au plus/.test(response.body), 'the length limit is said');
  const unknown = await postForm(t.app, animator, adminPaths.newsletters, {
    objet: 'Test',
    texte: 'Texte',
    chapitre: 'nulle-part',
  });
  assert.equal(unknown.statusCode, 400);
  assert.match(unknown.body, /Choisissez un chapitre dans la liste/);
  assert.match(unknown.body, /value="Test"/, 'what was typed is kept');
  assert.equal((await get(adminPaths.newsletter('00000000-0000-0000-0000-000000000000'))).statusCode, 404);
  assert.equal((await get(adminPaths.newsletter('pas-un-id'))).statusCode, 404);
});
