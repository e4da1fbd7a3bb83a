import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { ambassadorCookie, createTestAmbassador } from '../../../../test/helpers/ambassadors.js';
import { cookiesOf, csrfTokenIn, type TestApp, testApp } from '../../../../test/helpers/app.js';
import { journal } from '../../../core/journal/index.js';
import { spacePaths } from '../paths.js';
import { ambassadors, missionParticipations, missions } from '../schema.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

type MissionInsert = typeof missions.$inferInsert;
async function mission(values: Partial<MissionInsert> = {}) {
  const [row] = await t.ctx.db
    .insert(missions)
    .values({
      kind: 'share',
      title: 'Partager le portrait',
      description: 'Un portrait à partager.',
      status: 'open',
      ...values,
    })
    .returning();
  return row;
}

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
async function post(url: string, cookie: string, fields: Record<string, string> = {}, formPage = url) {
  const page = await get(formPage, cookie);
  const jar = cookiesOf(page, cookie);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrfTokenIn(page.body), ...fields }).toString(),
  });
}

test('an ambassador sees a mission of their chapter, accepts it and reports it done', async () => {
  const a = await createTestAmbassador(t.ctx.db, {
    chapterSlug: 'toulouse',
    lastActivityAt: new Date('2025-01-01T00:00:00Z'),
  });
  const cookie = await ambassadorCookie(t.ctx.db, a.id);
  const m = await mission({
    kind: 'event',
    title: 'Salon à Toulouse',
    chapterSlug: 'toulouse',
    url: 'https://exemple.fr/salon',
  });
  await mission({ title: 'Mission parisienne', chapterSlug: 'paris' });
  await mission({ title: 'Mission en brouillon', status: 'draft' });
  await mission({ title: 'Mission terminée', endsOn: '2020-01-01' });

  const list = await get(spacePaths.missions, cookie);
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Salon à Toulouse/);
  assert.match(list.body, /Venir à un événement/);
  assert.doesNotMatch(list.body, /Mission parisienne|Mission en brouillon|Mission terminée/);
  assert.match(list.body, /Vous n’avez pas encore accepté de mission/);

  const page = await get(spacePaths.mission(m.id), cookie);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /href="https:\/\/exemple.fr\/salon"/);
  assert.match(page.body, /J’accepte cette mission/);

  const accepted = await post(`${spacePaths.mission(m.id)}/accepter`, cookie, {}, spacePaths.mission(m.id));
  assert.equal(accepted.statusCode, 303);
  const mine = await get(spacePaths.missions, cookie);
  assert.match(mine.body, /Ma participation : <strong>Acceptée<\/strong>/);

  const tooLong = await post(
    `${spacePaths.mission(m.id)}/realiser`,
    cookie,
    { report: 'x'.repeat(1001) },
    spacePaths.mission(m.id),
  );
  assert.equal(tooLong.statusCode, 400);
  assert.match(
    tooLong.body,
    /id="report-error"[^>]*>.*Le compte rendu ne doit pas dépasser 1 000 caractères/,
  );

  const done = await post(
    `${spacePaths.mission(m.id)}/realiser`,
    cookie,
    { report: 'Trois familles rencontrées au stand.' },
    spacePaths.mission(m.id),
  );
  assert.equal(done.statusCode, 303);
  const [p] = await t.ctx.db
    .select()
    .from(missionParticipations)
    .where(and(eq(missionParticipations.missionId, m.id), eq(missionParticipations.ambassadorId, a.id)));
  assert.equal(p.status, 'done');
  assert.equal(p.report, 'Trois familles rencontrées au stand.');
  assert.ok(p.doneAt);

  const entries = await t.ctx.db
    .select()
    .from(journal)
    .where(and(eq(journal.targetType, 'ambassador'), eq(journal.targetId, a.id)));
  const actions = entries.map((e) => e.action).sort();
  assert.deepEqual(actions, ['mission.accept', 'mission.done']);
  assert.equal(entries[0].actorLabel, `ambassadeur ${a.code}`);
  assert.match(JSON.stringify(entries[0].diff), /Salon à Toulouse/);

  const [after] = await t.ctx.db.select().from(ambassadors).where(eq(ambassadors.id, a.id));
  assert.ok(
    after.lastActivityAt.getTime() > new Date('2025-01-02').getTime(),
    'the action counts as activity',
  );
});

test('withdrawing; a closed mission takes no action; another chapter’s or a draft is 404', async () => {
  const a = await createTestAmbassador(t.ctx.db, { chapterSlug: 'toulouse' });
  const cookie = await ambassadorCookie(t.ctx.db, a.id);
  const m = await mission({ kind: 'lead', title: 'Signaler des contacts' });
  await post(`${spacePaths.mission(m.id)}/accepter`, cookie, {}, spacePaths.mission(m.id));
  const withdrawn = await post(`${spacePaths.mission(m.id)}/retirer`, cookie, {}, spacePaths.mission(m.id));
  assert.equal(withdrawn.statusCode, 303);
  const [p] = await t.ctx.db
    .select()
    .from(missionParticipations)
    .where(eq(missionParticipations.missionId, m.id));
  assert.equal(p.status, 'withdrawn');
  const page = await get(spacePaths.mission(m.id), cookie);
  assert.match(page.body, new RegExp(`href="${spacePaths.lead}"`));

  const closed = await mission({ title: 'Mission close', status: 'closed' });
  const closedPage = await get(spacePaths.mission(closed.id), cookie);
  assert.equal(closedPage.statusCode, 200);
  assert.doesNotMatch(closedPage.body, /J’accepte cette mission/);
  const refused = await post(
    `${spacePaths.mission(closed.id)}/accepter`,
    cookie,
    {},
    spacePaths.mission(closed.id),
  );
  assert.equal(refused.statusCode, 409);

  const other = await mission({ title: 'Mission parisienne', chapterSlug: 'paris' });
  const draft = await mission({ title: 'Brouillon', status: 'draft' });
  for (const id of [other.id, draft.id, 'pas-un-id']) {
    assert.equal((await get(spacePaths.mission(id), cookie)).statusCode, 404);
  }
  const parisian = await createTestAmbassador(t.ctx.db, { chapterSlug: 'paris' });
  const parisCookie = await ambassadorCookie(t.ctx.db, parisian.id);
  const otherPost = await post(`${spacePaths.mission(other.id)}/accepter`, cookie, {}, spacePaths.missions);
  assert.equal(otherPost.statusCode, 404);
  assert.equal((await get(spacePaths.mission(other.id), parisCookie)).statusCode, 200);
});

test('without a session the missions send to the login page', async () => {
  const res = await t.app.inject({ method: 'GET', url: spacePaths.missions });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, spacePaths.login);
});
