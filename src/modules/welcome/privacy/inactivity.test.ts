import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createTestFile } from '../../../../test/helpers/welcome.js';
import { one, rows } from '../../../core/db/index.js';
import { mailOutbox } from '../../../core/mail/index.js';
import { touchFile } from '../files.js';
import { householdSessions } from '../schema.js';
import { inactivityJob } from './inactivity.js';
import { privacyJobs } from './index.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const day = 24 * 60 * 60 * 1000;
const statusOf = async (id: string) =>
  (await one<{ status: string; warned: Date | null }>(
    t.db(),
    sql`select status, inactivity_warned_at as warned from newcomer_files where id = ${id}`,
  ))!;

test('a file idle for three years is warned by email, then erased 30 days later unless the household came back', async () => {
  const db = t.db();
  const lastActivity = new Date('2020-01-10T10:00:00Z');
  const idle = await createTestFile(db, { overrides: { lastActivityAt: lastActivity } });
  const comesBack = await createTestFile(db, { overrides: { lastActivityAt: lastActivity } });
  const active = await createTestFile(db, {
    overrides: { lastActivityAt: new Date('2022-11-01T00:00:00Z') },
  });

  // Two years and eleven months: too early to warn.
  const early = await inactivityJob(t.ctx, new Date('2022-12-01T03:00:00Z'));
  assert.equal(early.warned, 0);
  assert.equal((await statusOf(idle.id)).warned, null);

  // Within 30 days of the three years: the warning.
  const warnDay = new Date('2022-12-20T03:00:00Z');
  const warned = await inactivityJob(t.ctx, warnDay);
  assert.equal(warned.warned, 2);
  const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.recipient, idle.email!));
  assert.ok(mail, 'the household is warned');
  assert.match(mail.subject, /sera supprimé dans 30 jours/);
  assert.match(mail.text, /http:\/\/localhost:3000\/mon-espace/);
  assert.equal((await statusOf(active.id)).warned, null);
  // Warned once only.
  assert.equal((await inactivityJob(t.ctx, new Date(warnDay.getTime() + day))).warned, 0);
  assert.equal((await db.select().from(mailOutbox).where(eq(mailOutbox.recipient, idle.email!))).length, 1);

  // The other household logs in (any activity clears the warning).
  await touchFile(db, comesBack.id);

  const tooSoon = await inactivityJob(t.ctx, new Date(warnDay.getTime() + 10 * day));
  assert.equal(tooSoon.erased, 0);
  assert.equal((await statusOf(idle.id)).status, 'open');

  const erased = await inactivityJob(t.ctx, new Date(warnDay.getTime() + 31 * day));
  assert.equal(erased.erased, 1);
  const row = await one<{ status: string; email: string | null }>(
    db,
    sql`select status, email from newcomer_files where id = ${idle.id}`,
  );
  assert.deepEqual(row, { status: 'erased', email: null });
  assert.equal((await statusOf(comesBack.id)).status, 'open');
  assert.equal((await statusOf(active.id)).status, 'open');
  const by = await one<{ actor_label: string }>(
    db,
    sql`select actor_label from journal where target_id = ${idle.id} and action = 'file.erase'`,
  );
  assert.equal(by?.actor_label, 'système');
});

test('abandoned intakes are erased after 90 days without an email; expired household sessions are purged', async () => {
  const db = t.db();
  const now = new Date('2024-06-01T03:00:00Z');
  const abandoned = await createTestFile(db, {
    status: 'intake',
    overrides: { lastActivityAt: new Date(now.getTime() - 100 * day) },
  });
  const recent = await createTestFile(db, {
    status: 'intake',
    overrides: { lastActivityAt: new Date(now.getTime() - 20 * day) },
  });
  await db.insert(householdSessions).values({
    id: 'expired-session',
    fileId: recent.id,
    expiresAt: new Date(Date.now() - day),
  });
  const result = await inactivityJob(t.ctx, now);
  assert.equal(result.abandoned, 1);
  assert.equal((await statusOf(abandoned.id)).status, 'erased');
  assert.equal((await statusOf(recent.id)).status, 'intake');
  const mails = await rows(db, sql`select id from mail_outbox where recipient = ${abandoned.email}`);
  assert.equal(mails.length, 0);
  assert.equal(
    (await db.select().from(householdSessions).where(eq(householdSessions.id, 'expired-session'))).length,
    0,
  );
});

test('the purge is a daily scheduled job', () => {
  const [job] = privacyJobs(t.ctx);
  assert.equal(job.name, 'welcome.inactivity-purge');
  assert.match(job.cron ?? '', /^\d+ \d+ \* \* \*$/);
});
