import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { createTestAmbassador } from '../../../../test/helpers/ambassadors.js';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createUser, loginAs, postForm } from '../../../../test/helpers/factories.js';
import { journal } from '../../../core/journal/index.js';
import { mailOutbox } from '../../../core/mail/index.js';
import { adminPaths, spacePaths } from '../paths.js';
import { missions } from '../schema.js';

let t: TestApp;
let animator: string;
before(async () => {
  t = await testApp();
  const user = await createUser(t.ctx.db, { role: 'animator' });
  animator = await loginAs(t.app, user.email, user.password);
});
after(() => t.close());

const newPath = `${adminPaths.missions}/nouvelle`;
const get = (url: string, cookie = animator) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const fields = (extra: Record<string, string> = {}) => ({
  kind: 'event',
  title: 'Salon de l’installation à Toulouse',
  description: 'Venez tenir le stand du Lot.\nDeux heures suffisent.',
  url: 'https://exemple.fr/salon',
  startsOn: '2030-03-10',
  endsOn: '2030-03-12',
  chapter: 'toulouse',
  ...extra,
});

test('publishing with email notifies each active ambassador of the chapter, and no one else', async () => {
  const inChapter = await createTestAmbassador(t.ctx.db, { chapterSlug: 'toulouse', name: 'Ana Toulouse' });
  const second = await createTestAmbassador(t.ctx.db, { chapterSlug: 'toulouse' });
  const pending = await createTestAmbassador(t.ctx.db, { chapterSlug: 'toulouse', status: 'submitted' });
  const erased = await createTestAmbassador(t.ctx.db, { chapterSlug: 'toulouse', erasedAt: new Date() });
  const elsewhere = await createTestAmbassador(t.ctx.db, { chapterSlug: 'paris' });

  const res = await postForm(t.app, animator, newPath, fields({ intent: 'publish', notify: 'oui' }));
  assert.equal(res.statusCode, 303);
  const [mission] = await t.ctx.db.select().from(missions).where(eq(missions.title, fields().title));
  assert.equal(mission.status, 'open');
  assert.equal(mission.chapterSlug, 'toulouse');
  assert.equal(res.headers.location, `${adminPaths.mission(mission.id)}?ok=published&sent=2`);

  const mails = await t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'ambassador.mission'));
  const to = mails.map((m) => m.recipient).sort();
  assert.deepEqual(to, [inChapter.email, second.email].sort());
  for (const other of [pending, erased, elsewhere]) assert.ok(!to.includes(other.email));
  assert.ok(mails[0].text.includes(`http://localhost:3000${spacePaths.mission(mission.id)}`));

  const page = await get(`${adminPaths.mission(mission.id)}?ok=published&sent=2`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /2 ambassadeurs ont été prévenus/);
  assert.match(page.body, /Venez tenir le stand du Lot\.<\/p><p>Deux heures suffisent\./);
  const entries = await t.ctx.db
    .select()
    .from(journal)
    .where(and(eq(journal.targetType, 'ambassador-mission'), eq(journal.targetId, mission.id)));
  assert.deepEqual(entries.map((e) => e.action).sort(), ['mission.create', 'mission.publish']);

  const list = await get(`${adminPaths.missions}?statut=open&chapitre=toulouse`);
  assert.match(list.body, /Salon de l’installation à Toulouse/);
  const otherChapter = await get(`${adminPaths.missions}?chapitre=paris`);
  assert.doesNotMatch(otherChapter.body, /Salon de l’installation à Toulouse/);
  assert.equal((await get(`${adminPaths.missions}?statut=nimporte`)).statusCode, 400);
});

test('a draft sends nothing; editing and closing are journaled', async () => {
  const res = await postForm(
    t.app,
    animator,
    newPath,
    fields({ title: 'Brouillon', chapter: '', intent: 'draft' }),
  );
  assert.equal(res.statusCode, 303);
  const [mission] = await t.ctx.db.select().from(missions).where(eq(missions.title, 'Brouillon'));
  assert.equal(mission.status, 'draft');
  assert.equal(mission.chapterSlug, null);
  const mailCount = async () =>
    (await t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'ambassador.mission'))).length;
  const mailsBefore = await mailCount();
  const edit = `${adminPaths.mission(mission.id)}/modifier`;
  const saved = await postForm(
    t.app,
    animator,
    edit,
    fields({ title: 'Brouillon revu', chapter: '', intent: 'publish' }),
  );
  assert.equal(saved.statusCode, 303);
  const closed = await postForm(
    t.app,
    animator,
    `${adminPaths.mission(mission.id)}/cloturer`,
    {},
    adminPaths.mission(mission.id),
  );
  assert.equal(closed.statusCode, 303);
  assert.equal(await mailCount(), mailsBefore, 'publishing without the box checked sends no email');
  const [row] = await t.ctx.db.select().from(missions).where(eq(missions.id, mission.id));
  assert.equal(row.title, 'Brouillon revu');
  assert.equal(row.status, 'closed');
  const actions = (await t.ctx.db.select().from(journal).where(eq(journal.targetId, mission.id))).map(
    (e) => e.action,
  );
  assert.deepEqual(actions.sort(), ['mission.close', 'mission.create', 'mission.publish', 'mission.update']);
});

test('validation errors are French and shown at the field; nothing is saved', async () => {
  const res = await postForm(
    t.app,
    animator,
    newPath,
    fields({ title: 'Invalide', startsOn: '2030-03-12', endsOn: '2030-03-10', url: 'javascript:alert(1)' }),
  );
  assert.equal(res.statusCode, 400);
  assert.match(
    res.body,
    /id="endsOn-error"[^>]*>.*La date de fin doit être le même jour que la date de début ou après/,
  );
  assert.match(res.body, /id="url-error"[^>]*>.*Saisissez un lien qui commence par https:\/\//);
  assert.match(res.body, /value="Invalide"/);
  const bad = await postForm(
    t.app,
    animator,
    newPath,
    fields({ title: 'Invalide', startsOn: '2030-02-30', chapter: 'nulle-part' }),
  );
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Saisissez une date de début valide/);
  assert.match(bad.body, /Choisissez un chapitre dans la liste/);
  const sitePath = await postForm(
    t.app,
    animator,
    newPath,
    fields({ title: 'Chemin', url: '/opportunites' }),
  );
  assert.equal(sitePath.statusCode, 303);
  assert.equal((await t.ctx.db.select().from(missions).where(eq(missions.title, 'Invalide'))).length, 0);
});

test('non-animator staff get 403; unknown or malformed ids are 404', async () => {
  const user = await createUser(t.ctx.db, { role: 'referent' });
  const cookie = await loginAs(t.app, user.email, user.password);
  assert.equal((await get(adminPaths.missions, cookie)).statusCode, 403);
  assert.equal((await get(newPath, cookie)).statusCode, 403);
  const [m] = await t.ctx.db
    .insert(missions)
    .values({ kind: 'share', title: 'X', description: 'Y' })
    .returning();
  assert.equal((await get(adminPaths.mission(m.id), cookie)).statusCode, 403);
  assert.equal((await get(adminPaths.mission('pas-un-id'))).statusCode, 404);
  assert.equal((await get(adminPaths.mission('00000000-0000-4000-8000-000000000000'))).statusCode, 404);
  assert.equal((await get(`${adminPaths.mission('pas-un-id')}/modifier`)).statusCode, 404);
});
