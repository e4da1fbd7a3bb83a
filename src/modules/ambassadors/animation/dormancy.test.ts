import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { createTestAmbassador } from '../../../../test/helpers/ambassadors.js';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createUser, loginAs, postForm } from '../../../../test/helpers/factories.js';
import { journal } from '../../../core/journal/index.js';
import { mailOutbox } from '../../../core/mail/index.js';
import { adminPaths } from '../paths.js';
import { ambassadors, missions } from '../schema.js';
import { markActive } from '../session.js';
import { sendReengagementEmails } from './index.js';

let t: TestApp;
let animator: string;
before(async () => {
  t = await testApp();
  const user = await createUser(t.ctx.db, { role: 'animator' });
  animator = await loginAs(t.app, user.email, user.password);
});
after(() => t.close());

const monthsAgo = (n: number) => {
  const d = new Date();
  d.setMonth(d.getMonth() - n);
  return d;
};
const get = (url: string, cookie = animator) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const mailsTo = (email: string) =>
  t.ctx.db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.recipient, email), eq(mailOutbox.kind, 'ambassador.reengage')));

test('the dormant list shows who has been inactive for 7 months, not 1 month; one email per dormant spell', async () => {
  const asleep = await createTestAmbassador(t.ctx.db, {
    name: 'Odile Endormie',
    lastActivityAt: monthsAgo(7),
  });
  await createTestAmbassador(t.ctx.db, { name: 'Rémi Récent', lastActivityAt: monthsAgo(1) });
  await createTestAmbassador(t.ctx.db, { name: 'Paul Parti', status: 'left', lastActivityAt: monthsAgo(9) });
  await t.ctx.db.insert(missions).values([
    {
      kind: 'event',
      title: 'Salon de l’installation à Toulouse',
      description: 'Stand du Lot.',
      status: 'open',
    },
    { kind: 'share', title: 'Mission brouillon', description: 'Pas encore publiée.', status: 'draft' },
  ]);

  const page = await get(adminPaths.dormant);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Odile Endormie/);
  assert.doesNotMatch(page.body, /Rémi Récent/);
  assert.doesNotMatch(page.body, /Paul Parti/, 'only active ambassadors are dormant');
  assert.match(page.body, /Relancer tous ceux qui ne l’ont pas été \(1\)/);

  assert.equal(await sendReengagementEmails(t.ctx), 1);
  const [mail] = await mailsTo(asleep.email);
  assert.ok(mail);
  assert.match(mail.text, /Bonjour Odile Endormie/);
  assert.match(mail.text, /Salon de l’installation à Toulouse/);
  assert.doesNotMatch(mail.text, /Mission brouillon/);
  assert.match(mail.text, /http:\/\/localhost:3000\/ambassadeurs\/espace\/lien\/[A-Za-z0-9_-]{20,}/);
  assert.match(mail.text, /http:\/\/localhost:3000\/ambassadeurs\/espace\/donnees/);
  const [row] = await t.ctx.db.select().from(ambassadors).where(eq(ambassadors.id, asleep.id));
  assert.ok(row.reengagedAt, 'reengagedAt is set');
  const entries = await t.ctx.db
    .select()
    .from(journal)
    .where(and(eq(journal.targetId, asleep.id), eq(journal.action, 'ambassador.reengage')));
  assert.equal(entries.length, 1);

  assert.equal(await sendReengagementEmails(t.ctx), 0, 'a second run sends nothing');
  assert.equal((await mailsTo(asleep.email)).length, 1);
  const again = await get(adminPaths.dormant);
  assert.match(again.body, /Déjà relancé/);
  assert.doesNotMatch(again.body, /Relancer tous ceux/);

  // Coming back ends the dormant spell: off the list.
  await markActive(t.ctx.db, asleep.id);
  assert.doesNotMatch((await get(adminPaths.dormant)).body, /Odile Endormie/);
});

test('staff re-engage one ambassador with the row’s button', async () => {
  const asleep = await createTestAmbassador(t.ctx.db, {
    name: 'Bruno Dormeur',
    lastActivityAt: monthsAgo(8),
  });
  const other = await createTestAmbassador(t.ctx.db, { name: 'Anne Dormeuse', lastActivityAt: monthsAgo(8) });
  const response = await postForm(
    t.app,
    animator,
    `${adminPaths.dormant}/relancer`,
    { id: asleep.id },
    adminPaths.dormant,
  );
  assert.equal(response.statusCode, 303);
  assert.match(response.headers.location ?? '', /envoyes=1/);
  assert.equal((await mailsTo(asleep.email)).length, 1);
  assert.equal((await mailsTo(other.email)).length, 0, 'only the chosen row');
  const page = await get(response.headers.location ?? '');
  assert.match(page.body, /1 e-mail de relance envoyé/);
});

test('the job is declared daily', async () => {
  const { animationJobs } = await import('./index.js');
  const [job] = animationJobs(t.ctx);
  assert.equal(job.name, 'ambassadors.dormancy');
  assert.ok(job.cron);
  await job.handler({});
});

test('staff who do not animate the network get 403', async () => {
  const user = await createUser(t.ctx.db, { role: 'editor' });
  const editor = await loginAs(t.app, user.email, user.password);
  for (const url of [adminPaths.dormant, adminPaths.newsletters, adminPaths.map])
    assert.equal((await get(url, editor)).statusCode, 403, url);
  const response = await postForm(t.app, editor, `${adminPaths.dormant}/relancer`, {}, '/admin');
  assert.equal(response.statusCode, 403);
});
