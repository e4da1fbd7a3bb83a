import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { type CreatedUser, createUser, loginAs, postForm } from '../../../../test/helpers/factories.js';
import { createTestFile, twoEpciOrganisations } from '../../../../test/helpers/welcome.js';
import type { Actor } from '../../../core/auth/index.js';
import { one, rows } from '../../../core/db/index.js';
import { openFile } from '../access.js';

let t: TestApp;
const db = () => t.ctx.db;
let orgA: { id: string; name: string };
let cma: string;
let cci: string;
let lead: CreatedUser;
let colleague: CreatedUser;
let plain: CreatedUser;
let outsider: CreatedUser;
let adviser: CreatedUser;
const cookies = new Map<string, string>();

before(async () => {
  t = await testApp();
  const [a, b] = await twoEpciOrganisations(db());
  orgA = a;
  const slugs = await rows<{ id: string; slug: string }>(db(), sql`select id, slug from organisations`);
  cma = slugs.find((o) => o.slug === 'cma-du-lot')?.id as string;
  cci = slugs.find((o) => o.slug === 'cci-du-lot')?.id as string;
  lead = await createUser(db(), { role: 'referent', organisationId: a.id, name: 'Léa Responsable' });
  colleague = await createUser(db(), { role: 'referent', organisationId: a.id, name: 'Colin Collègue' });
  plain = await createUser(db(), { role: 'referent', organisationId: a.id, name: 'Paul Simple' });
  outsider = await createUser(db(), { role: 'referent', organisationId: b.id, name: 'Odile Ailleurs' });
  adviser = await createUser(db(), { role: 'adviser', organisationId: cma, name: 'Armand Artisanat' });
  await db().execute(sql`insert into welcome_team_members (user_id, lead) values (${lead.id}, true)`);
  for (const u of [lead, colleague, plain, outsider, adviser])
    cookies.set(u.id, await loginAs(t.app, u.email, u.password));
});
after(() => t.close());

const cookie = (u: CreatedUser) => cookies.get(u.id) as string;
const tab = (id: string) => `/admin/dossiers/${id}/affectation`;
const get = (u: CreatedUser, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: cookie(u) } });
/** POSTs with a CSRF token taken from the dashboard, a page every staff member can open. */
const post = (u: CreatedUser, url: string, fields: Record<string, string>) =>
  postForm(t.app, cookie(u), url, fields, '/admin');

const newFile = () =>
  createTestFile(db(), { leadOrganisationId: orgA.id, referentId: lead.id, consentedOrganisationIds: [cma] });

const actorOf = async (u: CreatedUser): Promise<Actor> => {
  const org = await one<{ name: string; kind: string; epciCode: string | null }>(
    db(),
    sql`select name, kind, epci_code as "epciCode" from organisations where id = ${u.organisationId}`,
  );
  return {
    userId: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    organisationId: u.organisationId,
    organisationName: org?.name ?? '',
    organisationKind: org?.kind ?? '',
    epciCode: org?.epciCode ?? null,
  };
};

test('the tab shows the lead, the shares and the consents; only a team lead gets the reassign form', async () => {
  const file = await newFile();
  const page = await get(lead, tab(file.id));
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Conduite du dossier/);
  assert.match(page.body, new RegExp(orgA.name));
  assert.match(page.body, /Chambre de métiers et de l’artisanat du Lot/);
  assert.match(page.body, /Changer de référent/);
  const other = await get(plain, tab(file.id));
  assert.equal(other.statusCode, 200);
  assert.doesNotMatch(other.body, /Changer de référent/);
});

test('a team lead reassigns: journaled and the new referent is emailed', async () => {
  const file = await newFile();
  const response = await post(lead, `${tab(file.id)}/referent`, { referentId: colleague.id });
  assert.equal(response.statusCode, 303);
  const row = await one<{ referentId: string }>(
    db(),
    sql`select referent_id as "referentId" from newcomer_files where id = ${file.id}`,
  );
  assert.equal(row?.referentId, colleague.id);
  const entry = await one<{ actorId: string }>(
    db(),
    sql`select actor_id as "actorId" from journal where target_id = ${file.id} and action = 'file.reassign'`,
  );
  assert.equal(entry?.actorId, lead.id);
  const mail = await one<{ subject: string }>(
    db(),
    sql`select subject from mail_outbox where recipient = ${colleague.email}`,
  );
  assert.match(mail?.subject ?? '', new RegExp(file.reference));
  const after = await get(lead, `${tab(file.id)}?ok=referent`);
  assert.match(after.body, /Colin Collègue/);
  assert.match(after.body, /Changement de référent/);
});

test('a referent who is not a team lead is refused (403); another EPCI’s referent gets 404', async () => {
  const file = await newFile();
  const refused = await post(plain, `${tab(file.id)}/referent`, { referentId: plain.id });
  assert.equal(refused.statusCode, 403);
  for (const url of [tab(file.id), `${tab(file.id)}/referent`, `${tab(file.id)}/transmettre`]) {
    const response = url === tab(file.id) ? await get(outsider, url) : await post(outsider, url, {});
    assert.equal(response.statusCode, 404, url);
  }
  const row = await one<{ referentId: string }>(
    db(),
    sql`select referent_id as "referentId" from newcomer_files where id = ${file.id}`,
  );
  assert.equal(row?.referentId, lead.id);
});

test('a referent outside the lead team cannot be chosen', async () => {
  const file = await newFile();
  const response = await post(lead, `${tab(file.id)}/referent`, { referentId: outsider.id });
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /Choisissez une personne de l’équipe/);
});

test('hand-off to a consented chamber gives its adviser access', async () => {
  const file = await newFile();
  assert.equal((await get(adviser, tab(file.id))).statusCode, 404);
  const response = await post(lead, `${tab(file.id)}/transmettre`, { organisationId: cma });
  assert.equal(response.statusCode, 303);
  assert.equal(await openFile(db(), await actorOf(adviser), file.id), file.id);
  assert.equal((await get(adviser, tab(file.id))).statusCode, 200);
  const share = await one<{ reason: string; createdBy: string }>(
    db(),
    sql`select reason, created_by as "createdBy" from file_shares
        where file_id = ${file.id} and organisation_id = ${cma} and revoked_at is null`,
  );
  assert.deepEqual(share, { reason: 'handoff', createdBy: lead.id });
  assert.ok(await one(db(), sql`select 1 from mail_outbox where recipient = ${adviser.email}`));
  assert.ok(
    await one(db(), sql`select 1 from journal where target_id = ${file.id} and action = 'file.handoff'`),
  );
});

test('hand-off to a partner the household did not consent to is refused', async () => {
  const file = await newFile();
  const page = await get(lead, tab(file.id));
  assert.doesNotMatch(page.body, /Chambre de commerce et d’industrie du Lot/);
  const response = await post(lead, `${tab(file.id)}/transmettre`, { organisationId: cci });
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /Le foyer n’a pas accepté que son dossier soit transmis à cette organisation/);
  assert.equal(
    await one(db(), sql`select 1 from file_shares where file_id = ${file.id} and organisation_id = ${cci}`),
    undefined,
  );
});

test('transmitting the lead moves lead and referent; giving our access away needs the lead moved', async () => {
  const file = await newFile();
  const keep = await post(lead, `${tab(file.id)}/transmettre`, { organisationId: cma, retirer: '1' });
  assert.equal(keep.statusCode, 400);
  assert.match(keep.body, /transmettez-en la conduite avant de retirer votre accès/);
  const moved = await post(lead, `${tab(file.id)}/transmettre`, {
    organisationId: cma,
    conduite: '1',
    retirer: '1',
  });
  assert.equal(moved.statusCode, 303);
  assert.match(String(moved.headers.location), /^\/admin\/dossiers\?/);
  const row = await one<{ lead: string; referentId: string }>(
    db(),
    sql`select lead_organisation_id as lead, referent_id as "referentId" from newcomer_files where id = ${file.id}`,
  );
  assert.deepEqual(row, { lead: cma, referentId: adviser.id });
  assert.equal((await get(lead, tab(file.id))).statusCode, 404, 'the EPCI gave its access away');
});
