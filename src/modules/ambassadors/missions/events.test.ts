import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { ambassadorCookie, createTestAmbassador } from '../../../../test/helpers/ambassadors.js';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createTestEvent } from '../../../../test/helpers/content.js';
import { createUser, loginAs, postForm } from '../../../../test/helpers/factories.js';
import { journal } from '../../../core/journal/index.js';
import { mailOutbox } from '../../../core/mail/index.js';
import { inviteEventPath, spaceEventsPath, staffEventsPath } from './events.js';

let t: TestApp;
let animator: string;
before(async () => {
  t = await testApp();
  const user = await createUser(t.ctx.db, { role: 'animator' });
  animator = await loginAs(t.app, user.email, user.password);
});
after(() => t.close());

const day = 24 * 60 * 60 * 1000;
const event = (title: string, values: Parameters<typeof createTestEvent>[2] = {}) =>
  createTestEvent(t.ctx.db, title, values);

test('the ambassador’s space lists upcoming public events for the network only', async () => {
  await event('Apéro des ambassadeurs');
  await event('Concert grand public', { forAmbassadors: false });
  await event('Réunion en brouillon', { status: 'draft' });
  const ambassador = await createTestAmbassador(t.ctx.db);
  const res = await t.app.inject({
    method: 'GET',
    url: spaceEventsPath,
    headers: { cookie: await ambassadorCookie(t.ctx.db, ambassador.id) },
  });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Apéro des ambassadeurs/);
  assert.doesNotMatch(res.body, /Concert grand public|Réunion en brouillon/);
  const anonymous = await t.app.inject({ method: 'GET', url: spaceEventsPath });
  assert.equal(anonymous.statusCode, 303);
});

test('staff invite active ambassadors once per event, opted-out and erased ones excepted', async () => {
  const e = await event('Journée du réseau', {
    placeAddress: '2 rue du Château',
    startsAt: new Date('2030-07-14T18:30:00Z'),
  });
  const active = await createTestAmbassador(t.ctx.db, { name: 'Lou Active' });
  const optedOut = await createTestAmbassador(t.ctx.db, { newsletterOptOut: true });
  const pending = await createTestAmbassador(t.ctx.db, { status: 'submitted' });
  const erased = await createTestAmbassador(t.ctx.db, { erasedAt: new Date() });

  const page = await t.app.inject({ method: 'GET', url: staffEventsPath, headers: { cookie: animator } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Journée du réseau/);
  assert.match(page.body, /Inviter les ambassadeurs par e-mail/);

  const res = await postForm(t.app, animator, inviteEventPath(e.id), {}, staffEventsPath);
  assert.equal(res.statusCode, 303);
  const mails = await t.ctx.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.kind, 'ambassador.event-invitation'));
  const to = mails.map((m) => m.recipient);
  assert.ok(to.includes(active.email));
  for (const other of [optedOut, pending, erased]) assert.ok(!to.includes(other.email));
  const mine = mails.find((m) => m.recipient === active.email)!;
  assert.equal(mine.subject, 'Invitation : Journée du réseau');
  assert.match(mine.text, /Bonjour Lou Active/);
  assert.match(mine.text, new RegExp(`http://localhost:3000/agenda/${e.slug}`));
  assert.match(mine.text, /Salle des fêtes, 2 rue du Château, Cahors/);
  assert.match(mine.text, /« Journée du réseau », dimanche 14 juillet 2030 à 20 h 30, Salle des fêtes/);
  assert.match(mine.text, /http:\/\/localhost:3000\/ambassadeurs\/desabonnement\//);

  const logged = await t.ctx.db
    .select()
    .from(journal)
    .where(and(eq(journal.action, 'ambassador.event-invitation'), eq(journal.targetId, e.id)));
  assert.equal(logged.length, 1);

  const again = await postForm(t.app, animator, inviteEventPath(e.id), {}, staffEventsPath);
  assert.equal(again.headers.location, `${staffEventsPath}?ok=already`);
  const after = await t.ctx.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.kind, 'ambassador.event-invitation'));
  assert.equal(after.length, mails.length);
  const listed = await t.app.inject({ method: 'GET', url: staffEventsPath, headers: { cookie: animator } });
  assert.match(listed.body, /Invitation envoyée le/);
});

test('an unknown, malformed, past or non-network event cannot be invited to; others may not invite', async () => {
  const publicOnly = await event('Fête publique', { forAmbassadors: false });
  const past = await event('Ancienne réunion', { startsAt: new Date(Date.now() - 3 * day) });
  for (const id of [publicOnly.id, past.id, '00000000-0000-4000-8000-000000000000', 'pas-un-id']) {
    const res = await postForm(t.app, animator, inviteEventPath(id), {}, staffEventsPath);
    assert.equal(res.statusCode, 404, id);
    assert.match(res.body, /n’existe pas/);
  }
  const editor = await createUser(t.ctx.db, { role: 'editor' });
  const cookie = await loginAs(t.app, editor.email, editor.password);
  const denied = await t.app.inject({ method: 'GET', url: staffEventsPath, headers: { cookie } });
  assert.equal(denied.statusCode, 403);
});
