import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, asc, eq, sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createTestFile } from '../../../../test/helpers/welcome.js';
import { rows } from '../../../core/db/index.js';
import { mailOutbox } from '../../../core/mail/index.js';
import { checkins } from '../schema.js';
import { cancelCheckins, followupJobs, scheduleCheckins, sendDueCheckins } from './index.js';
import { addMonths } from './schedule.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const checkinsOf = (fileId: string) =>
  t.db().select().from(checkins).where(eq(checkins.fileId, fileId)).orderBy(asc(checkins.months));
const journalOf = (fileId: string, action: string) =>
  rows<{ actor_label: string; diff: unknown }>(
    t.db(),
    sql`select * from journal where target_type = 'file' and target_id = ${fileId} and action = ${action}`,
  );
/** The job looks at every file: each job test starts from no check-in at all, so counts are its own. */
const clearCheckins = () => t.db().execute(sql`delete from file_checkins`);
const mailsTo = (email: string) => t.db().select().from(mailOutbox).where(eq(mailOutbox.recipient, email));

test('addMonths keeps the end of the month inside the target month', () => {
  assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
  assert.equal(addMonths('2028-01-31', 1), '2028-02-29');
  assert.equal(addMonths('2026-11-15', 3), '2027-02-15');
  assert.equal(addMonths('2026-05-31', 6), '2026-11-30');
  assert.throws(() => addMonths('31/01/2026', 1));
});

test('settling on 31 January schedules check-ins at 3, 6, 12 and 24 months, journaled', async () => {
  const file = await createTestFile(t.db());
  await scheduleCheckins(t.db(), file.id, '2026-01-31');
  const rowsNow = await checkinsOf(file.id);
  assert.deepEqual(
    rowsNow.map((c) => [c.months, c.dueOn]),
    [
      [3, '2026-04-30'],
      [6, '2026-07-31'],
      [12, '2027-01-31'],
      [24, '2028-01-31'],
    ],
  );
  const journal = await journalOf(file.id, 'checkin.schedule');
  assert.equal(journal.length, 1);
  assert.match(JSON.stringify(journal[0].diff), /2026-04-30/);
});

test('rescheduling replaces the unsent check-ins and keeps the sent and answered ones', async () => {
  const file = await createTestFile(t.db());
  await scheduleCheckins(t.db(), file.id, '2026-01-31');
  await t
    .db()
    .update(checkins)
    .set({ sentAt: new Date('2026-04-30T07:00:00Z') })
    .where(and(eq(checkins.fileId, file.id), eq(checkins.months, 3)));
  await scheduleCheckins(t.db(), file.id, '2026-03-10');
  const rowsNow = await checkinsOf(file.id);
  assert.deepEqual(
    rowsNow.map((c) => [c.months, c.dueOn, c.sentAt !== null]),
    [
      [3, '2026-04-30', true],
      [6, '2026-09-10', false],
      [12, '2027-03-10', false],
      [24, '2028-03-10', false],
    ],
  );

  await cancelCheckins(t.db(), file.id);
  assert.deepEqual(
    (await checkinsOf(file.id)).map((c) => c.months),
    [3],
    'cancelling drops only what was not sent',
  );
  assert.equal((await journalOf(file.id, 'checkin.cancel')).length, 1);
  await cancelCheckins(t.db(), file.id);
  assert.equal(
    (await journalOf(file.id, 'checkin.cancel')).length,
    1,
    'nothing to cancel, nothing journaled',
  );
});

test('the daily job sends exactly the due check-ins of open files with an email, once', async () => {
  await clearCheckins();
  const [commune] = await rows<{ code: string; name: string }>(
    t.db(),
    sql`select code, name from communes order by code limit 1`,
  );
  const due = await createTestFile(t.db(), {
    email: 'foyer.du@example.org',
    contactName: 'Louise Échéance',
    overrides: { settledCommuneCode: commune.code, settledOn: '2026-01-31' },
  });
  const notYet = await createTestFile(t.db(), { email: 'foyer.pas.encore@example.org' });
  const noEmail = await createTestFile(t.db(), { email: 'foyer.sans@example.org' });
  const erased = await createTestFile(t.db(), { email: 'foyer.efface@example.org' });
  await scheduleCheckins(t.db(), due.id, '2026-01-31');
  await scheduleCheckins(t.db(), notYet.id, '2026-02-15');
  await scheduleCheckins(t.db(), noEmail.id, '2026-01-01');
  await scheduleCheckins(t.db(), erased.id, '2026-01-01');
  await t.db().execute(sql`update newcomer_files set email = null where id = ${noEmail.id}`);
  await t.db().execute(sql`update newcomer_files set status = 'erased' where id = ${erased.id}`);

  // 30 April 2026, 07:00 UTC: the 3-month check-in of the 31 January file is due, not the 15 February one.
  const now = new Date('2026-04-30T07:00:00Z');
  const sent = await sendDueCheckins(t.ctx, now);
  assert.equal(sent, 1);
  const mails = await mailsTo('foyer.du@example.org');
  assert.equal(mails.length, 1);
  assert.equal(mails[0].subject, 'Comment se passe votre installation ?');
  assert.match(mails[0].text, /Bonjour Louise Échéance/);
  assert.ok(mails[0].text.includes(commune.name), 'the email names the commune');
  const link = mails[0].text.match(/http:\/\/localhost:3000\/suivi\/([A-Za-z0-9_-]+)/);
  assert.ok(link, 'the email carries an absolute link to the form');
  const [three] = await checkinsOf(due.id);
  assert.ok(three.sentAt && three.tokenHash, 'sent and its token hash stored');
  assert.notEqual(three.tokenHash, link[1], 'the token itself is never stored');
  assert.equal((await journalOf(due.id, 'checkin.send')).length, 1);
  assert.equal((await mailsTo('foyer.pas.encore@example.org')).length, 0);
  assert.equal((await mailsTo('foyer.efface@example.org')).length, 0);
  assert.equal((await checkinsOf(noEmail.id)).filter((c) => c.sentAt).length, 0);

  assert.equal(await sendDueCheckins(t.ctx, new Date('2026-05-01T07:00:00Z')), 0, 'never twice');
  assert.equal((await mailsTo('foyer.du@example.org')).length, 1);
  assert.equal(await sendDueCheckins(t.ctx, new Date('2026-05-15T07:00:00Z')), 1, 'the next file’s turn');
});

test('a settling entered late sends only the latest due check-in', async () => {
  await clearCheckins();
  const file = await createTestFile(t.db(), { email: 'foyer.tardif@example.org' });
  await scheduleCheckins(t.db(), file.id, '2025-06-01');
  assert.equal(await sendDueCheckins(t.ctx, new Date('2026-01-10T07:00:00Z')), 1);
  const left = await checkinsOf(file.id);
  assert.deepEqual(
    left.map((c) => [c.months, c.sentAt !== null]),
    [
      [6, true],
      [12, false],
      [24, false],
    ],
  );
  assert.equal((await mailsTo('foyer.tardif@example.org')).length, 1);
});

test('the daily job is declared with its cron', () => {
  const [job] = followupJobs(t.ctx);
  assert.equal(job.cron, '0 7 * * *');
});
