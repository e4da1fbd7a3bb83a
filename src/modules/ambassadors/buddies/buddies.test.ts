import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { ambassadorCookie, createTestAmbassador } from '../../../../test/helpers/ambassadors.js';
import { cookiesOf, csrfTokenIn, type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createUser, loginAs, postForm } from '../../../../test/helpers/factories.js';
import {
  createTestFile,
  epciOrganisation,
  householdCookie as householdSessionCookie,
} from '../../../../test/helpers/welcome.js';
import { rows } from '../../../core/db/index.js';
import { fileBuddyPath, householdBuddyPath, spacePaths } from '../paths.js';
import { buddyPairings } from '../schema.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

/** GETs a page with a cookie, then POSTs to `url` with the page's CSRF token and cookies. */
async function submit(cookie: string, page: string, url: string, fields: Record<string, string>) {
  const form = await get(page, cookie);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: cookiesOf(form, cookie), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrfTokenIn(form.body), ...fields }).toString(),
  });
}

const householdCookie = (fileId: string) => householdSessionCookie(t.ctx.db, fileId);

const fileJournal = async (fileId: string) =>
  (
    await rows<{ action: string; label: string }>(
      t.ctx.db,
      sql`select action, actor_label as label from journal where target_type = 'file' and target_id = ${fileId} and action <> 'file.read' order by id`,
    )
  ).map((r) => `${r.action} ${r.label}`);

const ambassadorJournal = async (id: string) =>
  (
    await rows<{ action: string }>(
      t.ctx.db,
      sql`select action from journal where target_type = 'ambassador' and target_id = ${id} order by id`,
    )
  ).map((r) => r.action);

async function setup() {
  const [cahors] = await rows<{ epci: string }>(
    t.ctx.db,
    sql`select epci_code as epci from communes where code = '46042'`,
  );
  const mine = await epciOrganisation(t.ctx.db, cahors.epci);
  const [other] = await rows<{ id: string }>(
    t.ctx.db,
    sql`select id from organisations where kind = 'epci' and id <> ${mine.id} limit 1`,
  );
  const referent = await createUser(t.ctx.db, { role: 'referent', organisationId: mine.id });
  const outsider = await createUser(t.ctx.db, { role: 'referent', organisationId: other.id });
  const file = await createTestFile(t.ctx.db, {
    leadOrganisationId: mine.id,
    referentId: referent.id,
    contactName: 'Honorine Parrainée',
    email: `honorine.${Math.random().toString(36).slice(2, 8)}@example.org`,
    childrenAges: [6],
    overrides: { placeCommunes: ['46042'] },
  });
  const host = await createTestAmbassador(t.ctx.db, { name: 'Camille Marraine', childrenAges: [7] });
  const notHosting = await createTestAmbassador(t.ctx.db, { name: 'Sans Accueil', willing: ['share'] });
  const waiting = await createTestAmbassador(t.ctx.db, { name: 'Pas Validée', status: 'submitted' });
  return {
    file,
    host,
    notHosting,
    waiting,
    cookie: await loginAs(t.app, referent.email, referent.password),
    outsiderCookie: await loginAs(t.app, outsider.email, outsider.password),
  };
}

test('the referent sees explained suggestions, proposes a buddy, both sides answer and meet', async () => {
  const { file, host, cookie, outsiderCookie } = await setup();
  const tab = fileBuddyPath(file.id);

  const page = await get(tab, cookie);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Camille Marraine/);
  assert.match(page.body, /même commune \(Cahors\)/);
  assert.match(page.body, /même métier : Infirmière/);
  assert.match(page.body, /enfants d’âges proches \(7 ans\)/);
  assert.doesNotMatch(page.body, /Sans Accueil|Pas Validée/);

  // Another EPCI's referent: 404 everywhere, nothing created.
  assert.equal((await get(tab, outsiderCookie)).statusCode, 404);
  const forged = await submit(outsiderCookie, '/admin/dossiers', `${tab}/proposer`, {
    ambassadorId: host.id,
  });
  assert.equal(forged.statusCode, 404);
  const forgedCode = await submit(outsiderCookie, '/admin/dossiers', `${tab}/ambassadeur`, {
    code: host.code,
  });
  assert.equal(forgedCode.statusCode, 404);
  assert.equal(
    (await t.ctx.db.select().from(buddyPairings).where(eq(buddyPairings.fileId, file.id))).length,
    0,
  );

  const before = new Date();
  const proposed = await postForm(t.app, cookie, `${tab}/proposer`, { ambassadorId: host.id }, tab);
  assert.equal(proposed.statusCode, 303);
  const [pairing] = await t.ctx.db.select().from(buddyPairings).where(eq(buddyPairings.fileId, file.id));
  assert.equal(pairing.ambassadorId, host.id);
  assert.ok(pairing.reasons.includes('même commune (Cahors)'));
  assert.ok(pairing.proposedBy);
  const mails = await rows<{ recipient: string; text: string }>(
    t.ctx.db,
    sql`select recipient, text from mail_outbox where created_at >= ${before} order by created_at`,
  );
  const toHost = mails.find((m) => m.recipient === host.email);
  const toHousehold = mails.find((m) => m.recipient === file.email);
  assert.ok(toHost?.text.includes(spacePaths.buddy(pairing.id)));
  assert.doesNotMatch(toHost?.text ?? '', /Honorine|Parrainée/);
  assert.ok(toHousehold?.text.includes(householdBuddyPath));
  assert.doesNotMatch(toHousehold?.text ?? '', /Camille|Marraine/);

  const again = await get(tab, cookie);
  assert.match(again.body, /Mettre fin au parrainage/);
  assert.match(again.body, /en attente/);

  // The ambassador: the project without any name or contact.
  const hostCookie = await ambassadorCookie(t.ctx.db, host.id);
  const view = await get(spacePaths.buddy(pairing.id), hostCookie);
  assert.equal(view.statusCode, 200);
  assert.match(view.body, /Cahors/);
  assert.match(view.body, /Infirmière/);
  assert.match(view.body, /6 ans/);
  assert.doesNotMatch(view.body, /Honorine|Parrainée|06 12 34 56 78/);
  assert.ok(!view.body.includes(file.email as string));
  const stranger = await createTestAmbassador(t.ctx.db, { name: 'Autre Ambassadeur' });
  assert.equal(
    (await get(spacePaths.buddy(pairing.id), await ambassadorCookie(t.ctx.db, stranger.id))).statusCode,
    404,
  );
  const list = await get(spacePaths.buddies, hostCookie);
  assert.match(list.body, /En attente de votre réponse/);

  const accepted = await submit(hostCookie, spacePaths.buddy(pairing.id), spacePaths.buddy(pairing.id), {
    answer: 'accepted',
  });
  assert.equal(accepted.statusCode, 303);
  assert.doesNotMatch((await get(spacePaths.buddy(pairing.id), hostCookie)).body, /Honorine/);

  // The household, through its own session: the ambassador's first name, no contact yet; then accepts.
  const household = await householdCookie(file.id);
  const proposal = await get(householdBuddyPath, household);
  assert.equal(proposal.statusCode, 200);
  assert.match(proposal.body, /Camille/);
  assert.doesNotMatch(proposal.body, /Marraine/);
  assert.ok(!proposal.body.includes(host.email));
  const mailsBefore = new Date();
  const yes = await submit(household, householdBuddyPath, `${householdBuddyPath}/reponse`, {
    pairingId: pairing.id,
    answer: 'accepted',
  });
  assert.equal(yes.statusCode, 303);
  const met = await get(householdBuddyPath, household);
  assert.match(met.body, /Camille Marraine/);
  assert.ok(met.body.includes(host.email));
  const contact = await get(spacePaths.buddy(pairing.id), hostCookie);
  assert.match(contact.body, /Honorine Parrainée/);
  assert.match(contact.body, /charte/);
  const done = await rows<{ recipient: string; text: string }>(
    t.ctx.db,
    sql`select recipient, text from mail_outbox where created_at >= ${mailsBefore}`,
  );
  assert.deepEqual(done.map((m) => m.recipient).sort(), [file.email, host.email].sort());
  for (const m of done) assert.match(m.text, /Connectez-vous pour voir ses coordonnées/);
  assert.doesNotMatch(done.map((m) => m.text).join('\n'), /Honorine|Marraine/);

  const journal = await fileJournal(file.id);
  assert.ok(journal.some((j) => j.startsWith('buddy.propose ')));
  assert.ok(journal.includes(`buddy.ambassador.accept ambassadeur ${host.code}`));
  assert.ok(journal.includes(`buddy.household.accept foyer ${file.reference}`));
  assert.deepEqual(
    (await ambassadorJournal(host.id)).filter((a) => a.startsWith('buddy.')),
    ['buddy.propose', 'buddy.ambassador.accept', 'buddy.household.accept'],
  );

  // Ending it: the referent's button.
  const ended = await postForm(t.app, cookie, `${tab}/fin`, { pairingId: pairing.id }, tab);
  assert.equal(ended.statusCode, 303);
  assert.match((await get(tab, cookie)).body, /Terminé le/);
});

test('a household with no proposal reads why, and cannot answer for another file', async () => {
  const { file } = await setup();
  const elsewhere = await setup();
  await postForm(
    t.app,
    elsewhere.cookie,
    `${fileBuddyPath(elsewhere.file.id)}/proposer`,
    { ambassadorId: elsewhere.host.id },
    fileBuddyPath(elsewhere.file.id),
  );
  const [theirs] = await t.ctx.db
    .select()
    .from(buddyPairings)
    .where(eq(buddyPairings.fileId, elsewhere.file.id));
  const household = await householdCookie(file.id);
  const page = await get(householdBuddyPath, household);
  assert.match(page.body, /Aucun parrainage ne vous est proposé/);
  // The page has no form: take the CSRF token from the space's home page.
  const forged = await submit(household, '/mon-espace', `${householdBuddyPath}/reponse`, {
    pairingId: theirs.id,
    answer: 'accepted',
  });
  assert.equal(forged.statusCode, 404);
  const [untouched] = await t.ctx.db.select().from(buddyPairings).where(eq(buddyPairings.id, theirs.id));
  assert.equal(untouched.householdAnswer, null);
  assert.equal((await get(householdBuddyPath, '')).statusCode, 303);
});

test('the file’s ambassador is changed and removed, journaled on the file and on both ambassadors', async () => {
  const { file, host, cookie } = await setup();
  const other = await createTestAmbassador(t.ctx.db, { name: 'Gaspard Relais' });
  const tab = fileBuddyPath(file.id);
  const set = await postForm(t.app, cookie, `${tab}/ambassadeur`, { code: host.code.toLowerCase() }, tab);
  assert.equal(set.statusCode, 303);
  assert.match((await get(tab, cookie)).body, /Camille Marraine/);
  const bad = await postForm(t.app, cookie, `${tab}/ambassadeur`, { code: 'LOT-INCONNU' }, tab);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /aucun ambassadeur actif/);
  const moved = await postForm(t.app, cookie, `${tab}/ambassadeur`, { code: other.code }, tab);
  assert.equal(moved.statusCode, 303);
  const [row] = await rows<{ code: string | null }>(
    t.ctx.db,
    sql`select ambassador_code as code from newcomer_files where id = ${file.id}`,
  );
  assert.equal(row.code, other.code);
  const removed = await postForm(t.app, cookie, `${tab}/ambassadeur`, { code: '' }, tab);
  assert.equal(removed.statusCode, 303);
  const diffs = await rows<{ diff: unknown }>(
    t.ctx.db,
    sql`select diff from journal where target_type = 'file' and target_id = ${file.id} and action = 'file.attribution' order by id`,
  );
  assert.equal(diffs.length, 3);
  assert.equal((await ambassadorJournal(host.id)).filter((a) => a === 'file.attribution').length, 2);
  assert.equal((await ambassadorJournal(other.id)).filter((a) => a === 'file.attribution').length, 2);
});
