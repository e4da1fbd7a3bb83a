import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createUser } from '../../../../test/helpers/factories.js';
import { createTestOpportunity } from '../../../../test/helpers/opportunities.js';
import { rows } from '../../../core/db/index.js';
import { mailOutbox } from '../../../core/mail/index.js';
import { findPublicOpportunity } from '../public.js';
import { findOpportunity } from '../store.js';
import { expireOpportunities, warnBeforeExpiry } from './expiry.js';
import { expiryJobs } from './jobs.js';
import type { MailSite } from './mail.js';

let t: TestApp;
let site: MailSite;
before(async () => {
  t = await testApp();
  site = { mailer: t.ctx.mailer, publicUrl: 'https://choisir.example', siteName: 'Choisir le Lot' };
});
after(() => t.close());

const day = 86_400_000;
const mailsTo = (email: string, kind: string) =>
  t.ctx.db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.recipient, email), eq(mailOutbox.kind, kind)));

test('owners are warned once, seven days before expiry, with a link to extend; a new date warns again', async () => {
  const owner = await createUser(t.ctx.db, { role: 'employer' });
  const now = new Date();
  const soon = await createTestOpportunity(t.ctx.db, {
    title: 'Chauffeur de car scolaire',
    ownerId: owner.id,
    organisationId: owner.organisationId,
    expiresAt: new Date(now.getTime() + 5 * day),
  });
  await createTestOpportunity(t.ctx.db, {
    title: 'Offre lointaine',
    ownerId: owner.id,
    expiresAt: new Date(now.getTime() + 20 * day),
  });
  await createTestOpportunity(t.ctx.db, {
    title: 'Offre importée sans propriétaire',
    source: 'france-travail',
    expiresAt: new Date(now.getTime() + 3 * day),
  });

  assert.equal(await warnBeforeExpiry(t.ctx.db, site, now), 1);
  const [mail] = await mailsTo(owner.email, 'opportunity.expiry_warning');
  assert.match(mail.subject, /Chauffeur de car scolaire.*expire le/);
  assert.ok(mail.text.includes(`https://choisir.example/admin/opportunites/${soon.id}/modifier`));
  assert.ok((await findOpportunity(t.ctx.db, soon.id))?.expiryWarnedAt);

  assert.equal(await warnBeforeExpiry(t.ctx.db, site, new Date(now.getTime() + day)), 0, 'only once');
  assert.equal((await mailsTo(owner.email, 'opportunity.expiry_warning')).length, 1);

  // Extended by 30 days: its new date gets its own warning when it comes near.
  await t.ctx.db.execute(
    sql`update opportunities set expires_at = expires_at + interval '30 days' where id = ${soon.id}`,
  );
  assert.equal(await warnBeforeExpiry(t.ctx.db, site, new Date(now.getTime() + 2 * day)), 0);
  assert.equal(await warnBeforeExpiry(t.ctx.db, site, new Date(now.getTime() + 30 * day)), 1);
  assert.equal((await mailsTo(owner.email, 'opportunity.expiry_warning')).length, 2);
});

test('the expiry job expires what is past its date: not public anymore, journaled, owner told; imports stay silent', async () => {
  const owner = await createUser(t.ctx.db, { role: 'employer' });
  const past = new Date(Date.now() - 3_600_000);
  const mine = await createTestOpportunity(t.ctx.db, {
    title: 'Vendeur en boulangerie',
    ownerId: owner.id,
    expiresAt: past,
  });
  const imported = await createTestOpportunity(t.ctx.db, {
    title: 'Offre France Travail',
    source: 'france-travail',
    sourceId: 'FT-123',
    expiresAt: past,
  });
  const alive = await createTestOpportunity(t.ctx.db, {
    ownerId: owner.id,
    expiresAt: new Date(Date.now() + 10 * day),
  });
  const draft = await createTestOpportunity(t.ctx.db, {
    status: 'draft',
    ownerId: owner.id,
    expiresAt: past,
  });
  const outboxBefore = (await t.ctx.db.select().from(mailOutbox)).length;

  assert.equal(await expireOpportunities(t.ctx.db, site, new Date()), 2);
  for (const o of [mine, imported]) {
    assert.equal((await findOpportunity(t.ctx.db, o.id))?.status, 'expired');
    assert.equal(await findPublicOpportunity(t.ctx.db, o.id), undefined);
    const journal = await rows<{ action: string; actor_label: string }>(
      t.ctx.db,
      sql`select action, actor_label from journal where target_id = ${o.id} order by id desc limit 1`,
    );
    assert.deepEqual(journal[0], { action: 'opportunity.expired', actor_label: 'système' });
  }
  assert.equal((await findOpportunity(t.ctx.db, alive.id))?.status, 'published');
  assert.equal((await findOpportunity(t.ctx.db, draft.id))?.status, 'draft');
  const [mail] = await mailsTo(owner.email, 'opportunity.expired');
  assert.match(mail.subject, /Vendeur en boulangerie.*a expiré/);
  assert.equal(
    (await t.ctx.db.select().from(mailOutbox)).length,
    outboxBefore + 1,
    'one email: the import has no owner',
  );
  assert.equal(await expireOpportunities(t.ctx.db, site, new Date()), 0, 'nothing left to expire');
});

test('both jobs are scheduled daily', () => {
  const jobs = expiryJobs(t.ctx);
  assert.deepEqual(
    jobs.map((j) => j.name),
    ['opportunities.expire', 'opportunities.warn_expiry'],
  );
  for (const job of jobs) assert.match(job.cron ?? '', /^\d+ \d+ \* \* \*$/);
});
