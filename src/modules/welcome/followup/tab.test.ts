import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { type CreatedUser, createUser, loginAs, postForm } from '../../../../test/helpers/factories.js';
import { createTestFile, twoEpciOrganisations } from '../../../../test/helpers/welcome.js';
import { hashToken, newToken } from '../../../core/auth/index.js';
import { one, rows } from '../../../core/db/index.js';
import { mailOutbox } from '../../../core/mail/index.js';
import type { Organisation } from '../../partners/index.js';
import { checkins } from '../schema.js';
import { checkinCounts, scheduleCheckins } from './index.js';

let t: TestApp;
let orgA: Organisation;
let orgB: Organisation;
let referentA: CreatedUser;
let cookieA: string;
let cookieB: string;
before(async () => {
  t = await testApp();
  [orgA, orgB] = await twoEpciOrganisations(t.db());
  referentA = await createUser(t.db(), { role: 'referent', organisationId: orgA.id });
  const referentB = await createUser(t.db(), { role: 'referent', organisationId: orgB.id });
  cookieA = await loginAs(t.app, referentA.email, referentA.password);
  cookieB = await loginAs(t.app, referentB.email, referentB.password);
});
after(() => t.close());

/** A settled file of EPCI A (or B) with its check-ins; `sent` months went out with a known token. */
async function settledFile(options: { org?: Organisation; email?: string; sent?: number[] } = {}) {
  const [commune] = await rows<{ code: string; name: string }>(
    t.db(),
    sql`select code, name from communes order by code limit 1`,
  );
  const file = await createTestFile(t.db(), {
    leadOrganisationId: (options.org ?? orgA).id,
    email: options.email,
    overrides: { settledCommuneCode: commune.code, settledOn: '2026-01-31' },
  });
  await scheduleCheckins(t.db(), file.id, '2026-01-31');
  const tokens: Record<number, string> = {};
  for (const months of options.sent ?? []) {
    tokens[months] = newToken();
    await t
      .db()
      .update(checkins)
      .set({ sentAt: new Date(), tokenHash: hashToken(tokens[months]) })
      .where(and(eq(checkins.fileId, file.id), eq(checkins.months, months)));
  }
  return { file, commune, tokens };
}

const answer = (fileId: string, months: number, values: Partial<typeof checkins.$inferInsert>) =>
  t
    .db()
    .update(checkins)
    .set({ sentAt: new Date(), answeredAt: new Date(), ...values })
    .where(and(eq(checkins.fileId, fileId), eq(checkins.months, months)));

test('the « Suivi » tab shows the settling, the check-ins and the answers', async () => {
  const { file, commune } = await settledFile({ sent: [3] });
  await answer(file.id, 3, {
    stillHere: false,
    satisfaction: 4,
    missing: 'Une piscine',
    leftReason: 'emploi: Mutation',
  });
  const page = await t.app.inject({
    method: 'GET',
    url: `/admin/dossiers/${file.id}/suivi`,
    headers: { cookie: cookieA },
  });
  assert.equal(page.statusCode, 200, page.body);
  assert.match(page.body, new RegExp(`<title>Suivi — dossier ${file.reference}`));
  assert.ok(page.body.includes(commune.name));
  assert.match(page.body, /31 janvier 2026/);
  assert.match(page.body, /30 avril 2026/);
  assert.match(page.body, /31 janvier 2028/);
  assert.match(page.body, /4\/5 — Satisfait/);
  assert.match(page.body, /Une piscine/);
  assert.match(page.body, /L’emploi : Mutation/);
  assert.match(page.body, /aria-current="page">Suivi</);
  const read = await one<{ count: number }>(
    t.db(),
    sql`select count(*)::int as count from journal where target_id = ${file.id} and action = 'file.read'`,
  );
  assert.equal(read?.count, 1, 'the read is journaled');
});

test('a referent of another EPCI gets 404 on the tab and on the resend button', async () => {
  const { file } = await settledFile({ email: 'foyer.perimetre@example.org', sent: [3] });
  const page = await t.app.inject({
    method: 'GET',
    url: `/admin/dossiers/${file.id}/suivi`,
    headers: { cookie: cookieB },
  });
  assert.equal(page.statusCode, 404);
  const [three] = await t
    .db()
    .select()
    .from(checkins)
    .where(and(eq(checkins.fileId, file.id), eq(checkins.months, 3)));
  const forged = await postForm(
    t.app,
    cookieB,
    `/admin/dossiers/${file.id}/suivi/${three.id}/renvoyer`,
    {},
    '/admin/dossiers',
  );
  assert.equal(forged.statusCode, 404);
  const mails = await t
    .db()
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.recipient, 'foyer.perimetre@example.org'));
  assert.equal(mails.length, 0);
});

test('« Renvoyer le questionnaire » emails a new link and the old one stops working', async () => {
  const { file, tokens } = await settledFile({ email: 'foyer.relance@example.org', sent: [3] });
  const tab = `/admin/dossiers/${file.id}/suivi`;
  const page = await t.app.inject({ method: 'GET', url: tab, headers: { cookie: cookieA } });
  const buttons = page.body.match(/Renvoyer le questionnaire/g) ?? [];
  assert.equal(buttons.length, 1, 'only the sent, unanswered check-in can be resent');
  const action = page.body.match(/action="([^"]+\/renvoyer)"/)?.[1];
  assert.ok(action);
  const resent = await postForm(t.app, cookieA, action, {}, tab);
  assert.equal(resent.statusCode, 303);
  const after = await t.app.inject({
    method: 'GET',
    url: resent.headers.location as string,
    headers: { cookie: cookieA },
  });
  assert.match(after.body, /Le questionnaire a été renvoyé au foyer/);
  const mails = await t
    .db()
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.recipient, 'foyer.relance@example.org'));
  assert.equal(mails.length, 1);
  const token = mails[0].text.match(/\/suivi\/([A-Za-z0-9_-]+)/)?.[1];
  assert.ok(token && token !== tokens[3]);
  assert.equal((await t.app.inject({ method: 'GET', url: `/suivi/${tokens[3]}` })).statusCode, 404);
  assert.equal((await t.app.inject({ method: 'GET', url: `/suivi/${token}` })).statusCode, 200);
  const journal = await rows<{ actor_id: string }>(
    t.db(),
    sql`select actor_id from journal where target_id = ${file.id} and action = 'checkin.resend'`,
  );
  assert.deepEqual(
    journal.map((j) => j.actor_id),
    [referentA.id],
  );

  const [six] = await t
    .db()
    .select()
    .from(checkins)
    .where(and(eq(checkins.fileId, file.id), eq(checkins.months, 6)));
  const early = await postForm(t.app, cookieA, `${tab}/${six.id}/renvoyer`, {}, tab);
  assert.equal(early.statusCode, 303);
  assert.match(early.headers.location as string, /renvoi=unavailable/);
  const bad = await postForm(t.app, cookieA, `${tab}/pas-un-id/renvoyer`, {}, tab);
  assert.equal(bad.statusCode, 303, 'a malformed check-in id is no 500');
});

test('checkinCounts: per month, by EPCI and due date, erased files included', async () => {
  await t.db().execute(sql`delete from file_checkins`);
  const a1 = await settledFile({ sent: [3] });
  const a2 = await settledFile({});
  const a3 = await settledFile({});
  const b1 = await settledFile({ org: orgB });
  await answer(a1.file.id, 3, { stillHere: true, satisfaction: 5 });
  await answer(a2.file.id, 3, { stillHere: false, satisfaction: 2, leftReason: 'emploi: Mutation' });
  await answer(a3.file.id, 3, { stillHere: false, satisfaction: 3, leftReason: 'emploi' });
  await answer(a3.file.id, 6, { stillHere: false, satisfaction: 1, leftReason: 'cout' });
  await answer(b1.file.id, 3, { stillHere: true, satisfaction: 4 });
  // Erasure keeps the anonymous answers (the free detail of a reason goes, its code stays).
  await t
    .db()
    .execute(sql`update newcomer_files set status = 'erased', email = null where id = ${a3.file.id}`);

  const all = await checkinCounts(t.db());
  assert.deepEqual(
    all.map((c) => c.months),
    [3, 6, 12, 24],
  );
  const [three, six, twelve] = all;
  assert.deepEqual(
    { ...three },
    {
      months: 3,
      scheduled: 4,
      sent: 4,
      answered: 4,
      stillHere: { yes: 2, no: 2 },
      averageSatisfaction: 3.5,
      leftReasons: { emploi: 2 },
    },
  );
  assert.equal(six.scheduled, 4);
  assert.equal(six.answered, 1);
  assert.deepEqual(six.leftReasons, { cout: 1 });
  assert.equal(twelve.sent, 0);
  assert.equal(twelve.averageSatisfaction, null);

  const [threeA] = await checkinCounts(t.db(), { epciCode: orgA.epciCode! });
  assert.equal(threeA.answered, 3);
  assert.equal(threeA.averageSatisfaction, 3.33);
  const window = await checkinCounts(t.db(), { from: '2026-04-01', to: '2026-06-30' });
  assert.deepEqual(
    window.map((c) => c.scheduled),
    [4, 0, 0, 0],
  );
});
