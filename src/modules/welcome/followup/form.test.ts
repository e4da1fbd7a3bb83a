import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { cookiesOf, csrfTokenIn, type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createTestFile } from '../../../../test/helpers/welcome.js';
import { hashToken, newToken } from '../../../core/auth/index.js';
import { one, rows } from '../../../core/db/index.js';
import { checkins } from '../schema.js';
import { scheduleCheckins } from './index.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

/** A file whose 3-month check-in went out with a known token. */
async function sentCheckin() {
  const file = await createTestFile(t.db());
  await scheduleCheckins(t.db(), file.id, '2026-01-31');
  const token = newToken();
  await t
    .db()
    .update(checkins)
    .set({ sentAt: new Date(), tokenHash: hashToken(token) })
    .where(and(eq(checkins.fileId, file.id), eq(checkins.months, 3)));
  return { file, token };
}

const row = (fileId: string) =>
  one<{
    answered_at: Date | null;
    still_here: boolean | null;
    satisfaction: number | null;
    missing: string | null;
    left_reason: string | null;
  }>(t.db(), sql`select * from file_checkins where file_id = ${fileId} and months = 3`);

/** Opens the form, then submits it as a browser without JavaScript does. */
async function submit(token: string, fields: Record<string, string>) {
  const page = await t.app.inject({ method: 'GET', url: `/suivi/${token}` });
  assert.equal(page.statusCode, 200, page.body);
  return t.app.inject({
    method: 'POST',
    url: `/suivi/${token}`,
    headers: { cookie: cookiesOf(page), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrfTokenIn(page.body), ...fields }).toString(),
  });
}

test('the form asks the four questions, each labelled, without any script needed', async () => {
  const { token } = await sentCheckin();
  const page = await t.app.inject({ method: 'GET', url: `/suivi/${token}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.headers['cache-control'] as string, /no-store/);
  assert.match(page.body, /<legend>Vivez-vous toujours dans le Lot \?<\/legend>/);
  assert.match(page.body, /Pas du tout satisfait/);
  assert.match(page.body, /Très satisfait/);
  assert.match(page.body, /<label for="missing">Qu’est-ce qui vous manque \?<\/label>/);
  assert.match(page.body, /Pourquoi êtes-vous parti \?/);
  assert.match(page.body, /Seulement si vous avez quitté le Lot/);
  assert.match(page.body, /3 mois après votre installation/);
});

test('bad input gets French messages at each field, and what was typed is kept', async () => {
  const { file, token } = await sentCheckin();
  const empty = await submit(token, {});
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /Le formulaire contient 2 erreurs/);
  assert.match(empty.body, /Indiquez si vous vivez toujours dans le Lot\./);
  assert.match(empty.body, /Choisissez votre niveau de satisfaction, de 1 à 5\./);
  assert.match(empty.body, /href="#stillHere"/);

  const left = await submit(token, { stillHere: 'non', satisfaction: '9', missing: 'Une boulangerie' });
  assert.equal(left.statusCode, 400);
  assert.match(left.body, /Choisissez votre niveau de satisfaction/);
  assert.match(left.body, /Indiquez pourquoi vous êtes parti/);
  assert.match(left.body, />Une boulangerie<\/textarea>/, 'the typed answer is kept');
  assert.match(left.body, /value="non" checked/);

  const other = await submit(token, { stillHere: 'non', satisfaction: '3', leftReason: 'autre' });
  assert.equal(other.statusCode, 400);
  assert.match(other.body, /Précisez la raison de votre départ\./);

  const forged = await submit(token, { stillHere: 'peut-être', satisfaction: '3' });
  assert.equal(forged.statusCode, 400);
  assert.equal((await row(file.id))?.answered_at, null, 'nothing stored');
});

test('good input is stored in the check-in, journaled, and thanked; a second answer is refused', async () => {
  const { file, token } = await sentCheckin();
  await t
    .db()
    .execute(
      sql`update newcomer_files set last_activity_at = now() - interval '30 days' where id = ${file.id}`,
    );
  const done = await submit(token, {
    stillHere: 'non',
    satisfaction: '2',
    missing: '  Un médecin traitant  ',
    leftReason: 'logement',
    leftDetail: 'Loyers trop chers',
  });
  assert.equal(done.statusCode, 200, done.body);
  assert.match(done.body, /Merci pour vos réponses/);
  const stored = await row(file.id);
  assert.ok(stored?.answered_at);
  assert.equal(stored.still_here, false);
  assert.equal(stored.satisfaction, 2);
  assert.equal(stored.missing, 'Un médecin traitant');
  assert.equal(stored.left_reason, 'logement: Loyers trop chers');
  const journal = await rows<{ actor_label: string }>(
    t.db(),
    sql`select actor_label from journal where target_id = ${file.id} and action = 'checkin.answer'`,
  );
  assert.deepEqual(
    journal.map((j) => j.actor_label),
    [`foyer ${file.reference}`],
  );
  const touched = await one<{ recent: boolean }>(
    t.db(),
    sql`select last_activity_at > now() - interval '1 hour' as recent from newcomer_files where id = ${file.id}`,
  );
  assert.equal(touched?.recent, true, 'answering counts as activity');

  const again = await t.app.inject({ method: 'GET', url: `/suivi/${token}` });
  assert.equal(again.statusCode, 410);
  assert.match(again.body, /Vous avez déjà répondu/);
  const page = await t.app.inject({ method: 'GET', url: '/' });
  const replay = await t.app.inject({
    method: 'POST',
    url: `/suivi/${token}`,
    headers: { cookie: cookiesOf(page), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ stillHere: 'oui', satisfaction: '5' }).toString(),
  });
  assert.ok(replay.statusCode === 410 || replay.statusCode === 403, `replay answers ${replay.statusCode}`);
  assert.equal((await row(file.id))?.satisfaction, 2, 'the first answers stay');
});

test('someone still here: the « why did you leave » answer is ignored', async () => {
  const { file, token } = await sentCheckin();
  const done = await submit(token, { stillHere: 'oui', satisfaction: '5', leftReason: 'emploi' });
  assert.equal(done.statusCode, 200);
  const stored = await row(file.id);
  assert.equal(stored?.still_here, true);
  assert.equal(stored?.left_reason, null);
  assert.equal(stored?.missing, null);
});

test('unknown, malformed and closed links answer a French page, never a 500', async () => {
  for (const token of [newToken(), 'abc', 'x'.repeat(99), '%E2%80%99%27"']) {
    const response = await t.app.inject({ method: 'GET', url: `/suivi/${token}` });
    assert.equal(response.statusCode, 404, token);
    assert.match(response.body, /Lien inconnu ou expiré/);
  }
  const long = await t.app.inject({ method: 'GET', url: `/suivi/${'x'.repeat(300)}` });
  assert.ok(long.statusCode < 500, `a very long link answers ${long.statusCode}`);
  const { file, token } = await sentCheckin();
  await t.db().execute(sql`update newcomer_files set status = 'erased' where id = ${file.id}`);
  const closed = await t.app.inject({ method: 'GET', url: `/suivi/${token}` });
  assert.equal(closed.statusCode, 410);
  assert.match(closed.body, /Ce questionnaire n’est plus disponible/);
});
