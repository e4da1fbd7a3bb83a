import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createUser, departement } from '../../../../test/helpers/factories.js';
import { createTestFile } from '../../../../test/helpers/welcome.js';
import { one, rows } from '../../../core/db/index.js';
import { assignFile } from './index.js';
import { occupationMatches, projectMatches } from './matching.js';

let t: TestApp;
let epciOrgs: { id: string; epciCode: string; name: string }[];
let orgIds: Record<string, string>;
before(async () => {
  t = await testApp();
  epciOrgs = await rows(
    t.ctx.db,
    sql`select id, epci_code as "epciCode", name from organisations where kind = 'epci' order by slug`,
  );
  const all = await rows<{ id: string; slug: string }>(t.ctx.db, sql`select id, slug from organisations`);
  orgIds = Object.fromEntries(all.map((o) => [o.slug, o.id]));
});
after(() => t.close());

const db = () => t.ctx.db;

/** A submitted, not yet assigned file (no lead, no share) with the given consents; no health trade by default. */
const unassigned = (options: Parameters<typeof createTestFile>[1] & { consent: string[] }) =>
  createTestFile(db(), {
    adults: [{ firstName: 'Camille', occupation: 'Comptable' }],
    ...options,
    consentedOrganisationIds: options.consent,
  });

const shares = (fileId: string) =>
  rows<{ organisationId: string; reason: string }>(
    db(),
    sql`select organisation_id as "organisationId", reason from file_shares
        where file_id = ${fileId} and revoked_at is null order by created_at, reason`,
  );

const fileRow = (fileId: string) =>
  one<{ lead: string | null; epciCode: string | null; referentId: string | null }>(
    db(),
    sql`select lead_organisation_id as lead, epci_code as "epciCode", referent_id as "referentId"
        from newcomer_files where id = ${fileId}`,
  );

test('matching: project entries and accent-insensitive occupation keywords', () => {
  assert.equal(
    projectMatches('takeover:artisanat', { projectKinds: ['takeover'], businessSector: 'artisanat' }),
    true,
  );
  assert.equal(
    projectMatches('takeover:artisanat', { projectKinds: ['creation'], businessSector: 'artisanat' }),
    false,
  );
  assert.equal(
    projectMatches('creation:*', { projectKinds: ['salaried', 'creation'], businessSector: null }),
    true,
  );
  assert.equal(occupationMatches('infirmier,médecin', ['Infirmière de bloc']), true);
  assert.equal(occupationMatches('infirmier,medecin', ['MÉDECIN généraliste']), true);
  assert.equal(occupationMatches('kiné', ['Cuisinier']), false);
  assert.equal(occupationMatches('dentiste', [null, 'Boulanger']), false);
});

test('a place of interest in a consented EPCI leads, with round-robin across two referents', async () => {
  const a = epciOrgs[0];
  const first = await createUser(db(), { role: 'referent', organisationId: a.id, name: 'Aline Référente' });
  const second = await createUser(db(), { role: 'referent', organisationId: a.id, name: 'Bruno Référent' });
  const picked: (string | null)[] = [];
  for (let i = 0; i < 3; i++) {
    const file = await unassigned({
      overrides: { placeEpcis: [a.epciCode] },
      consent: [a.id, orgIds['departement-du-lot']],
      contactName: 'Camille Secret',
    });
    const outcome = await assignFile(t.ctx, file.id);
    assert.equal(outcome.leadOrganisationId, a.id);
    assert.equal(outcome.leadOrganisationName, a.name);
    const row = await fileRow(file.id);
    assert.equal(row?.lead, a.id);
    assert.equal(row?.epciCode, a.epciCode);
    assert.equal(row?.referentId, outcome.referentId);
    assert.deepEqual(await shares(file.id), [{ organisationId: a.id, reason: 'assignment' }]);
    picked.push(outcome.referentId);
    const mail = await one<{ recipient: string; text: string }>(
      db(),
      sql`select recipient, text from mail_outbox where subject = ${`Nouveau dossier d’accueil ${file.reference}`}`,
    );
    assert.ok(mail, 'the referent is told by email');
    assert.match(mail.text, new RegExp(`/admin/dossiers/${file.id}`));
    assert.match(mail.text, new RegExp(a.name));
    assert.doesNotMatch(mail.text, /Camille Secret/);
    assert.doesNotMatch(mail.text, new RegExp(file.email ?? 'none'));
  }
  assert.deepEqual(picked, [first.id, second.id, first.id]);
});

test('assigning again changes nothing', async () => {
  const a = epciOrgs[1];
  await createUser(db(), { role: 'referent', organisationId: a.id });
  const file = await unassigned({ overrides: { placeEpcis: [a.epciCode] }, consent: [a.id] });
  const first = await assignFile(t.ctx, file.id);
  const again = await assignFile(t.ctx, file.id);
  assert.deepEqual(again, first);
  assert.ok(first.ruleLabels.length > 0);
  const journal = await one<{ n: number }>(
    db(),
    sql`select count(*)::int as n from journal where target_id = ${file.id} and action = 'file.assign'`,
  );
  assert.equal(journal?.n, 1);
  assert.equal((await shares(file.id)).length, 1);
});

test('a commune of interest leads to its EPCI; a non-consented EPCI is skipped for the next one', async () => {
  const [b, c] = [epciOrgs[2], epciOrgs[3]];
  const commune = await one<{ code: string }>(
    db(),
    sql`select code from communes where epci_code = ${c.epciCode} order by code limit 1`,
  );
  const file = await unassigned({
    overrides: { placeEpcis: [b.epciCode], placeCommunes: [commune?.code ?? ''] },
    consent: [c.id],
  });
  const outcome = await assignFile(t.ctx, file.id);
  assert.equal(outcome.leadOrganisationId, c.id);
  assert.equal(outcome.referentId, null, 'an empty team leaves the file unassigned');
  assert.deepEqual(await shares(file.id), [{ organisationId: c.id, reason: 'assignment' }]);
});

test('takeover:artisanat shares with the CMA only when the household consented', async () => {
  const a = epciOrgs[4];
  const cma = orgIds['cma-du-lot'];
  const adviser = await createUser(db(), { role: 'adviser', organisationId: cma });
  const project = { projectKinds: ['takeover'], businessSector: 'artisanat', placeEpcis: [a.epciCode] };
  const consented = await unassigned({ overrides: project, consent: [a.id, cma] });
  const outcome = await assignFile(t.ctx, consented.id);
  assert.equal(outcome.leadOrganisationId, a.id);
  assert.deepEqual(outcome.coOrganisationIds, [cma]);
  assert.ok(outcome.ruleLabels.some((l) => l.includes('CMA')));
  assert.deepEqual(await shares(consented.id), [
    { organisationId: a.id, reason: 'assignment' },
    { organisationId: cma, reason: 'co-assignment' },
  ]);
  const told = await one(
    db(),
    sql`select 1 from mail_outbox where recipient = ${adviser.email}
          and subject = ${`Nouveau dossier d’accueil ${consented.reference}`}`,
  );
  assert.ok(told, 'the chamber hears of the shared file');

  const refused = await unassigned({ overrides: project, consent: [a.id] });
  const none = await assignFile(t.ctx, refused.id);
  assert.deepEqual(none.coOrganisationIds, []);
  assert.deepEqual(await shares(refused.id), [{ organisationId: a.id, reason: 'assignment' }]);
  const entry = await one<{ diff: Record<string, { after?: unknown }> }>(
    db(),
    sql`select diff from journal where target_id = ${refused.id} and action = 'file.assign'`,
  );
  assert.ok(JSON.stringify(entry?.diff.withoutConsent?.after).includes('CMA'));
});

test('a health occupation co-assigns the Département, and the named health referent is journaled', async () => {
  const a = epciOrgs[5];
  const dept = await departement(db());
  const health = await createUser(db(), { role: 'referent', organisationId: dept.id, name: 'Hélène Santé' });
  await db().execute(sql`update assignment_rules set user_id = ${health.id} where kind = 'occupation'`);
  const file = await unassigned({
    overrides: { placeEpcis: [a.epciCode] },
    adults: [{ firstName: 'Sam', occupation: 'Kinésithérapeute libéral' }],
    consent: [a.id, dept.id],
  });
  const outcome = await assignFile(t.ctx, file.id);
  await db().execute(sql`update assignment_rules set user_id = null where kind = 'occupation'`);
  assert.equal(outcome.leadOrganisationId, a.id);
  assert.deepEqual(outcome.coOrganisationIds, [dept.id]);
  assert.deepEqual(await shares(file.id), [
    { organisationId: a.id, reason: 'assignment' },
    { organisationId: dept.id, reason: 'co-assignment' },
  ]);
  const entry = await one<{ diff: Record<string, { after?: unknown }> }>(
    db(),
    sql`select diff from journal where target_id = ${file.id} and action = 'file.assign'`,
  );
  assert.match(JSON.stringify(entry?.diff.namedReferents?.after), /Hélène Santé/);
  const told = await one(db(), sql`select 1 from mail_outbox where recipient = ${health.email}`);
  assert.ok(told, 'the health referent is told');
});

test('no place goes to the Département’s queue', async () => {
  const dept = await departement(db());
  const file = await unassigned({ overrides: { placeUnknown: true }, consent: [dept.id] });
  const outcome = await assignFile(t.ctx, file.id);
  assert.equal(outcome.leadOrganisationId, dept.id);
  const row = await fileRow(file.id);
  assert.equal(row?.lead, dept.id);
  assert.equal(row?.epciCode, null);
  assert.deepEqual(await shares(file.id), [{ organisationId: dept.id, reason: 'assignment' }]);
  assert.ok(outcome.ruleLabels.some((l) => l.includes('Département')));
});

test('files submitted at the same moment go to different referents, and a paused one gets none', async () => {
  const a = epciOrgs[6];
  const one1 = await createUser(db(), { role: 'referent', organisationId: a.id });
  const two = await createUser(db(), { role: 'referent', organisationId: a.id });
  const away = await createUser(db(), { role: 'referent', organisationId: a.id });
  await db().execute(sql`insert into welcome_team_members (user_id, paused) values (${away.id}, true)`);
  const files = await Promise.all(
    [0, 1].map(() => unassigned({ overrides: { placeEpcis: [a.epciCode] }, consent: [a.id] })),
  );
  const outcomes = await Promise.all(files.map((f) => assignFile(t.ctx, f.id)));
  assert.deepEqual(outcomes.map((o) => o.referentId).sort(), [one1.id, two.id].sort());
});
