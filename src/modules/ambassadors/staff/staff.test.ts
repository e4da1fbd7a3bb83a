import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { csrfTokenIn, type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createUser, loginAs } from '../../../../test/helpers/factories.js';
import { journal } from '../../../core/journal/index.js';
import { mailOutbox } from '../../../core/mail/index.js';
import { adminAmbassadorPath, adminBase } from '../paths.js';
import { ambassadors } from '../schema.js';
import { newAmbassadorCode } from '../tokens.js';

let t: TestApp;
let animator: string;
before(async () => {
  t = await testApp();
  const user = await createUser(t.ctx.db, { role: 'animator' });
  animator = await loginAs(t.app, user.email, user.password);
});
after(() => t.close());

type Insert = typeof ambassadors.$inferInsert;
async function ambassador(values: Partial<Insert> = {}) {
  const [row] = await t.ctx.db
    .insert(ambassadors)
    .values({
      name: 'Ambassadeur',
      email: `amb.${Math.random().toString(36).slice(2)}@example.org`,
      tie: 'born',
      charterVersion: '2026-11-v1',
      charterAcceptedAt: new Date(),
      code: newAmbassadorCode(),
      status: 'active',
      ...values,
    })
    .returning();
  return row;
}

const get = (url: string, cookie = animator) => t.app.inject({ method: 'GET', url, headers: { cookie } });
async function post(url: string, fields: Record<string, string>, formPage: string) {
  const page = await get(formPage);
  const body = new URLSearchParams({ _csrf: csrfTokenIn(page.body), ...fields });
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: animator, 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
}

test('the directory lists and filters by status, chapter, willing and accent-insensitive search', async () => {
  await ambassador({ name: 'Hélène Périgord', trade: 'Ébéniste', chapterSlug: 'paris', willing: ['host'] });
  await ambassador({ name: 'Marc Quercy', status: 'submitted', willing: ['speak'], communeCode: '46042' });
  await ambassador({ name: 'Paul Attente', status: 'pending' });

  const all = await get(adminBase);
  assert.equal(all.statusCode, 200);
  assert.match(all.body, /Hélène Périgord/);
  assert.match(all.body, /Marc Quercy/);
  assert.doesNotMatch(all.body, /Paul Attente/, 'unconfirmed sign-ups stay out of the default list');
  assert.match(all.body, /À valider \(1\)/);

  const pending = await get(`${adminBase}?statut=pending`);
  assert.match(pending.body, /Paul Attente/);

  const submitted = await get(`${adminBase}?statut=submitted`);
  assert.match(submitted.body, /Marc Quercy/);
  assert.doesNotMatch(submitted.body, /Hélène Périgord/);
  assert.match(submitted.body, /1 ambassadeur\b/);

  const chapter = await get(`${adminBase}?chapitre=paris`);
  assert.match(chapter.body, /Hélène Périgord/);
  assert.doesNotMatch(chapter.body, /Marc Quercy/);

  const willing = await get(`${adminBase}?volontaire=speak`);
  assert.match(willing.body, /Marc Quercy/);
  assert.doesNotMatch(willing.body, /Hélène Périgord/);

  const commune = await get(`${adminBase}?commune=46042`);
  assert.match(commune.body, /Marc Quercy/);
  assert.doesNotMatch(commune.body, /Hélène Périgord/);

  const search = await get(`${adminBase}?q=${encodeURIComponent('EBENISTE')}`);
  assert.match(search.body, /Hélène Périgord/);
  assert.doesNotMatch(search.body, /Marc Quercy/);
  const byName = await get(`${adminBase}?q=${encodeURIComponent('perigord')}`);
  assert.match(byName.body, /Hélène Périgord/);

  const bad = await get(`${adminBase}?statut=nimporte&chapitre=inconnu`);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Choisissez un statut dans la liste/);
});

test('a referent gets a French 403, a visitor is sent to log in', async () => {
  const user = await createUser(t.ctx.db, { role: 'referent' });
  const cookie = await loginAs(t.app, user.email, user.password);
  const res = await get(adminBase, cookie);
  assert.equal(res.statusCode, 403);
  assert.match(res.body, /accès/);
  const a = await ambassador();
  assert.equal((await get(adminAmbassadorPath(a.id), cookie)).statusCode, 403);
  const visitor = await t.app.inject({ method: 'GET', url: adminBase });
  assert.ok([302, 303].includes(visitor.statusCode));
});

test('the record is journaled; unknown or malformed ids answer 404', async () => {
  const a = await ambassador({ name: 'Lucie Lue', portraitOptIn: true, portraitText: 'J’aime le causse.' });
  const res = await get(adminAmbassadorPath(a.id));
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /J’aime le causse/);
  assert.match(res.body, new RegExp(a.code));
  assert.match(res.body, /version 2026-11-v1/);
  const reads = await t.ctx.db
    .select()
    .from(journal)
    .where(and(eq(journal.targetId, a.id), eq(journal.action, 'ambassador.read')));
  assert.equal(reads.length, 1);
  assert.equal((await get(adminAmbassadorPath('pas-un-id'))).statusCode, 404);
  const missing = await get(adminAmbassadorPath('00000000-0000-4000-8000-000000000000'));
  assert.equal(missing.statusCode, 404);
  assert.match(missing.body, /n’existe pas/);
});

test('validating sends the welcome email with the code and activates; only a submitted sign-up', async () => {
  const a = await ambassador({ name: 'Vera Valide', status: 'submitted' });
  const path = adminAmbassadorPath(a.id);
  const res = await post(`${path}/valider`, {}, path);
  assert.equal(res.statusCode, 303);
  const [row] = await t.ctx.db.select().from(ambassadors).where(eq(ambassadors.id, a.id));
  assert.equal(row.status, 'active');
  assert.ok(row.validatedAt);
  const [mail] = await t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, a.email));
  assert.equal(mail.subject, 'Bienvenue dans le réseau des ambassadeurs du Lot');
  assert.match(mail.text, new RegExp(`/a/${a.code}`));
  const history = await get(path);
  assert.match(history.body, /Inscription validée/);

  const again = await post(`${path}/valider`, {}, path);
  assert.equal(again.statusCode, 409);
  assert.match(again.body, /Seule une inscription « À valider »/);
});

test('refusing needs a reason, then emails it', async () => {
  const a = await ambassador({ name: 'René Refus', status: 'submitted' });
  const path = adminAmbassadorPath(a.id);
  const empty = await post(`${path}/refuser`, { reason: '  ' }, path);
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /Indiquez la raison du refus/);
  const [still] = await t.ctx.db.select().from(ambassadors).where(eq(ambassadors.id, a.id));
  assert.equal(still.status, 'submitted');

  const res = await post(`${path}/refuser`, { reason: 'Profil commercial' }, path);
  assert.equal(res.statusCode, 303);
  const [row] = await t.ctx.db.select().from(ambassadors).where(eq(ambassadors.id, a.id));
  assert.equal(row.status, 'refused');
  assert.equal(row.refusedReason, 'Profil commercial');
  const [mail] = await t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, a.email));
  assert.match(mail.text, /Profil commercial/);
});

test('the CSV export has the BOM, only the filtered rows, and is journaled', async () => {
  await ambassador({ name: '=Formule Dangereuse', chapterSlug: 'toulouse' });
  await ambassador({ name: 'Hors Filtre', chapterSlug: 'bordeaux' });
  const res = await get(`${adminBase}/export.csv?chapitre=toulouse`);
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /text\/csv/);
  assert.ok(res.body.startsWith('\uFEFF'));
  assert.match(res.body, /^\uFEFFNom;Organisation;/);
  assert.match(res.body, /'=Formule Dangereuse/);
  assert.doesNotMatch(res.body, /Hors Filtre/);
  const exports = await t.ctx.db.select().from(journal).where(eq(journal.action, 'ambassador.export-list'));
  assert.equal(exports.length, 1);
  assert.equal(exports[0].targetType, 'ambassador-list');
  assert.equal((await get(`${adminBase}/export.csv?statut=x`)).statusCode, 400);
});
