import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { ambassadorCookie, createTestAmbassador } from '../../../../test/helpers/ambassadors.js';
import { cookiesOf, csrfTokenIn, type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createUser, loginAs } from '../../../../test/helpers/factories.js';
import { one, rows } from '../../../core/db/index.js';
import { recordAmbassador } from '../journal.js';
import { adminAmbassadorPath, spacePaths } from '../paths.js';
import { ambassadors } from '../schema.js';
import { exportAmbassador } from './index.js';
import { leavePath } from './space-routes.js';
import { staffErasePath, staffExportPath } from './staff-routes.js';

let t: TestApp;
let animator: string;
before(async () => {
  t = await testApp();
  const user = await createUser(t.ctx.db, { role: 'animator' });
  animator = await loginAs(t.app, user.email, user.password);
});
after(() => t?.close());

const form = 'application/x-www-form-urlencoded';

async function submit(url: string, fields: Record<string, string>, cookie: string, page = url) {
  const shown = await t.app.inject({ method: 'GET', url: page, headers: { cookie } });
  assert.equal(shown.statusCode, 200, `${page} shows its form`);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: cookiesOf(shown, cookie), 'content-type': form },
    payload: new URLSearchParams({ _csrf: csrfTokenIn(shown.body), ...fields }).toString(),
  });
}

/** An ambassador with something everywhere: a mission report, a pairing, visits, emails, a journaled diff. */
async function busyAmbassador() {
  const photo = await one<{ id: string }>(
    t.ctx.db,
    sql`insert into stored_files (purpose, mime_type, bytes, sha256, storage_key)
        values ('ambassador-portrait', 'image/jpeg', 10, 'x', 'test/absent.jpg') returning id`,
  );
  const a = await createTestAmbassador(t.ctx.db, {
    photoFileId: photo?.id,
    name: 'Jeanne Partante',
    phone: '0565000000',
    portraitOptIn: true,
    portraitText: 'J’aime le causse.',
    childrenAges: [3, 8],
  });
  const mission = await one<{ id: string }>(
    t.ctx.db,
    sql`insert into ambassador_missions (kind, title, description, status)
        values ('share', 'Partager la foire', 'Une foire', 'open') returning id`,
  );
  await t.ctx.db.execute(sql`insert into ambassador_mission_participations (mission_id, ambassador_id, status, report)
      values (${mission?.id}, ${a.id}, 'done', 'J’ai parlé à mon voisin Paul.')`);
  await t.ctx.db.execute(sql`insert into ambassador_buddy_pairings (file_id, ambassador_id)
      values (gen_random_uuid(), ${a.id})`);
  await t.ctx.db.execute(sql`insert into ambassador_referral_visits (ambassador_id, day, medium, visits)
      values (${a.id}, current_date, 'link', 7)`);
  await t.ctx.mailer.send({ to: a.email, subject: 'Bienvenue', text: `Bonjour ${a.name}`, kind: 'test' });
  await recordAmbassador(t.ctx.db, null, a.id, 'ambassador.update', { phone: null }, { phone: '0565000000' });
  return a;
}

test('the ambassador downloads their data, journaled', async () => {
  const a = await busyAmbassador();
  const data = (await exportAmbassador(t.ctx, a.id)) as Record<string, Record<string, unknown>>;
  assert.equal(data.profil.nom, 'Jeanne Partante');
  assert.equal(data.profil.email, a.email);
  assert.deepEqual(data.profil.âges_des_enfants, [3, 8]);
  const cookie = await ambassadorCookie(t.ctx.db, a.id);
  const page = await t.app.inject({ method: 'GET', url: spacePaths.data, headers: { cookie } });
  assert.equal(page.statusCode, 200);
  const file = await t.app.inject({
    method: 'GET',
    url: `${spacePaths.data}/mes-donnees.json`,
    headers: { cookie },
  });
  assert.equal(file.statusCode, 200);
  assert.match(String(file.headers['content-disposition']), /attachment/);
  const json = file.json();
  assert.equal(json.missions[0].compte_rendu, 'J’ai parlé à mon voisin Paul.');
  assert.equal(json.visites_par_votre_lien.lien, 7);
  assert.equal(json.parrainages.length, 1);
  const journaled = await rows(
    t.ctx.db,
    sql`select 1 from journal where target_id = ${a.id} and action = 'ambassador.export'`,
  );
  assert.equal(journaled.length, 1);
});

test('leaving the network erases the personal data and keeps the anonymous counts', async () => {
  const a = await busyAmbassador();
  const cookie = await ambassadorCookie(t.ctx.db, a.id);
  const unconfirmed = await submit(leavePath, {}, cookie);
  assert.equal(unconfirmed.statusCode, 400);
  assert.match(unconfirmed.body, /Cochez la case/);
  assert.equal((await t.ctx.db.select().from(ambassadors).where(eq(ambassadors.id, a.id)))[0].name, a.name);

  const left = await submit(leavePath, { confirm: 'oui' }, cookie);
  assert.equal(left.statusCode, 200);
  assert.match(left.body, /Au revoir/);
  const [row] = await t.ctx.db.select().from(ambassadors).where(eq(ambassadors.id, a.id));
  assert.equal(row.name, 'Ambassadeur effacé');
  assert.equal(row.email, '');
  for (const column of ['phone', 'organisationName', 'city', 'country', 'trade', 'portraitText'] as const)
    assert.equal(row[column], null, column);
  assert.deepEqual([row.skills, row.languages, row.interests, row.childrenAges], [[], [], [], []]);
  assert.equal(row.portraitOptIn, false);
  assert.equal(row.status, 'left');
  assert.ok(row.erasedAt);
  assert.equal(row.code, a.code);
  assert.equal(row.communeCode, '46042');
  const checks = await one<Record<string, number>>(
    t.ctx.db,
    sql`select
      (select count(*)::int from mail_outbox where lower(recipient) = lower(${a.email})) as mails,
      (select count(*)::int from journal where target_id = ${a.id} and diff is not null) as diffs,
      (select count(*)::int from stored_files where id = ${a.photoFileId}) as photos,
      (select count(*)::int from ambassador_sessions where ambassador_id = ${a.id}) as sessions,
      (select count(*)::int from ambassador_tokens where ambassador_id = ${a.id}) as tokens,
      (select count(*)::int from ambassador_mission_participations where ambassador_id = ${a.id} and report is not null) as reports,
      (select count(*)::int from ambassador_buddy_pairings where ambassador_id = ${a.id} and ended_at is null) as pairings,
      (select coalesce(sum(visits), 0)::int from ambassador_referral_visits where ambassador_id = ${a.id}) as visits,
      (select count(*)::int from journal where target_id = ${a.id} and action = 'ambassador.erase') as erased`,
  );
  assert.deepEqual(
    { ...checks },
    { mails: 0, diffs: 0, photos: 0, sessions: 0, tokens: 0, reports: 0, pairings: 0, visits: 7, erased: 1 },
  );
  const home = await t.app.inject({ method: 'GET', url: spacePaths.home, headers: { cookie } });
  assert.equal(home.statusCode, 303, 'the session is gone');
});

test('staff export and erase from the record page; others are refused', async () => {
  const a = await busyAmbassador();
  const record = await t.app.inject({
    method: 'GET',
    url: adminAmbassadorPath(a.id),
    headers: { cookie: animator },
  });
  assert.match(record.body, /Exporter les données \(JSON\)/);
  assert.match(record.body, /Effacer les données/);
  const file = await t.app.inject({
    method: 'GET',
    url: staffExportPath(a.id),
    headers: { cookie: animator },
  });
  assert.equal(file.statusCode, 200);
  assert.equal(file.json().profil.nom, 'Jeanne Partante');

  const editor = await createUser(t.ctx.db, { role: 'editor' });
  const other = await loginAs(t.app, editor.email, editor.password);
  for (const url of [staffExportPath(a.id), staffErasePath(a.id)]) {
    const refused = await t.app.inject({ method: 'GET', url, headers: { cookie: other } });
    assert.equal(refused.statusCode, 403, url);
  }
  const page = await t.app.inject({
    method: 'GET',
    url: staffErasePath(a.id),
    headers: { cookie: animator },
  });
  const posted = await t.app.inject({
    method: 'POST',
    url: staffErasePath(a.id),
    headers: { cookie: cookiesOf(page, other), 'content-type': form },
    payload: new URLSearchParams({ _csrf: csrfTokenIn(page.body), confirm: 'oui' }).toString(),
  });
  assert.equal(posted.statusCode, 403);

  const erased = await submit(staffErasePath(a.id), { confirm: 'oui' }, animator);
  assert.equal(erased.statusCode, 303);
  const [row] = await t.ctx.db.select().from(ambassadors).where(eq(ambassadors.id, a.id));
  assert.equal(row.name, 'Ambassadeur effacé');
  const gone = await t.app.inject({
    method: 'GET',
    url: staffExportPath(a.id),
    headers: { cookie: animator },
  });
  assert.equal(gone.statusCode, 404);
  const notAnId = await t.app.inject({
    method: 'GET',
    url: staffExportPath('nimporte'),
    headers: { cookie: animator },
  });
  assert.equal(notAnId.statusCode, 404);
});
