import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import {
  type FakeFranceTravail,
  startFakeFranceTravail,
  testCredentials,
  tooManyRequests,
} from '../../../../../test/fixtures/france-travail/server.js';
import { type TestApp, testApp } from '../../../../../test/helpers/app.js';
import { journal } from '../../../../core/journal/index.js';
import { importRuns, opportunities } from '../../schema.js';
import { FranceTravailClient } from './client.js';
import { importFranceTravail } from './run.js';

let t: TestApp;
let fake: FakeFranceTravail;
const sleeps: number[] = [];
const actor = { id: null, label: 'test' };

before(async () => {
  t = await testApp();
  fake = await startFakeFranceTravail();
});
after(async () => {
  await fake.close();
  await t.close();
});

function client() {
  return new FranceTravailClient({
    ...testCredentials,
    tokenUrl: fake.tokenUrl,
    apiUrl: fake.apiUrl,
    minIntervalMs: 0,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
}

/** Pages of 5 so the 15 recorded offers take three pages. */
const run = (c = client(), extra: { maxStart?: number } = {}) =>
  importFranceTravail(t.database, {
    client: c,
    departement: '46',
    actor,
    pageSize: 5,
    now: () => new Date('2025-06-15T12:00:00Z'),
    ...extra,
  });

const offer = async (sourceId: string) => {
  const [row] = await t.ctx.db
    .select()
    .from(opportunities)
    .where(and(eq(opportunities.source, 'france-travail'), eq(opportunities.sourceId, sourceId)));
  return row;
};

test('a run that fails on its second page resumes there, after a 429 it waited out', async () => {
  fake.script.push(tooManyRequests(2));
  fake.failWhen = (query) =>
    query.get('range') === '5-9' ? { status: 503, body: { message: 'Service indisponible' } } : undefined;
  const c = client();
  await assert.rejects(run(c), /France Travail a répondu 503/);
  assert.ok(sleeps.includes(2000), 'the Retry-After of the 429 was honoured');
  const [failed] = await t.ctx.db.select().from(importRuns).where(eq(importRuns.source, 'france-travail'));
  assert.equal(failed.status, 'failed');
  assert.equal(failed.cursor.offset, 5, 'the cursor points at the page that failed');
  assert.deepEqual([failed.created, failed.rejected], [4, 1], 'the first page was saved');

  fake.failWhen = null;
  fake.searches.length = 0;
  const done = await run(c);
  assert.equal(done.id, failed.id, 'the same run was resumed');
  assert.equal(done.status, 'done');
  assert.deepEqual(
    fake.searches.map((s) => s.query.get('range')),
    ['5-9', '10-14'],
    'the first page was not asked again',
  );
  assert.deepEqual(
    fake.searches.map((s) => s.status),
    [206, 206],
  );
  assert.equal(done.total, 15);
  assert.deepEqual(
    { created: done.created, updated: done.updated, unchanged: done.unchanged, rejected: done.rejected },
    { created: 13, updated: 0, unchanged: 0, rejected: 2 },
  );
  assert.equal(fake.tokenRequests.length, 1, 'the token was asked once and cached');
  const form = fake.tokenRequests[0];
  assert.equal(form.get('grant_type'), 'client_credentials');
  assert.equal(form.get('scope'), 'api_offresdemploiv2 o2dsoffre');
  assert.equal(form.get('client_id'), testCredentials.clientId);
  assert.ok(fake.searches.every((s) => s.authorization === 'Bearer vJ3k9ZtQ-fake-token-for-tests-8sDq'));
});

test('the import maps offers to our fields and reports the ones it rejects', async () => {
  const nurse = await offer('185XKPL');
  assert.equal(nurse.kind, 'job');
  assert.equal(nurse.status, 'published');
  assert.equal(nurse.title, 'Infirmier / Infirmière (H/F)');
  assert.equal(nurse.communeCode, '46042');
  assert.equal(nurse.contractType, 'cdi');
  assert.equal(nurse.sector, 'sante');
  assert.equal(nurse.wanted, true);
  assert.equal(nurse.employerName, 'CENTRE HOSPITALIER DE CAHORS');
  assert.equal(nurse.organisationId, null);
  assert.equal(nurse.sourceUrl, 'https://candidat.francetravail.fr/offres/recherche/detail/185XKPL');
  assert.equal(new Date(nurse.publishedAt!).toISOString(), '2025-06-02T09:14:27.000Z');
  assert.equal(new Date(nurse.expiresAt!).toISOString(), '2025-08-09T08:01:12.000Z', 'last update + 60 days');
  assert.match(nurse.description, /médecine polyvalente/);
  assert.deepEqual(nurse.details, {
    occupation: 'Infirmier / Infirmière de soins généraux',
    romeCode: 'J1506',
    workingTime: 'full',
    hoursPerWeek: 35,
    salaryText:
      'Mensuel de 2100.00 Euros à 2600.00 Euros sur 12 mois — Grille de la fonction publique hospitalière',
    salaryMin: 2100,
    salaryMax: 2600,
    salaryUnit: 'MONTH',
    experience: 'none',
    qualification: 'Technicien',
    posts: 2,
  });

  const expect = async (id: string, fields: Record<string, unknown>) => {
    const o = await offer(id);
    for (const [key, value] of Object.entries(fields)) {
      const actual = key.startsWith('details.')
        ? (o.details as Record<string, unknown>)[key.slice(8)]
        : (o as Record<string, unknown>)[key];
      assert.deepEqual(actual, value, `${id} ${key}`);
    }
  };
  await expect('185WQRT', {
    contractType: 'cdd',
    sector: 'artisanat',
    wanted: false,
    'details.experience': '1y',
    'details.salaryUnit': 'HOUR',
  });
  await expect('185VMNB', {
    sector: 'agroalimentaire',
    wanted: true,
    'details.experience': '3y',
    'details.salaryUnit': 'YEAR',
  });
  await expect('185TPLK', {
    contractType: 'cdd',
    sector: 'hotellerie',
    'details.workingTime': 'part',
    'details.hoursPerWeek': 24,
    'details.experience': 'none',
  });
  await expect('185SDFG', { sector: 'sante', wanted: true });
  await expect('185RZXC', { contractType: 'alternance', sector: 'artisanat' });
  await expect('185QWER', { sector: 'industrie', wanted: true, 'details.experience': '5y' });
  await expect('185PLMN', { sector: 'transport', wanted: false });
  await expect('185MNBV', { sector: 'numerique', wanted: true });
  await expect('185LKJH', { sector: 'services-personne', communeCode: '46148' });
  await expect('185KJHG', { contractType: 'cdd', sector: 'agriculture' });
  await expect('185JHGF', { communeCode: '46263', sector: 'services' });
  await expect('185IHGF', {
    contractType: 'liberal',
    sector: 'sante',
    wanted: true,
    'details.salaryText': undefined,
  });

  assert.equal(await offer('185OUTS'), undefined);
  assert.equal(await offer('185NOCO'), undefined);
  const [runRow] = await t.ctx.db.select().from(importRuns).where(eq(importRuns.source, 'france-travail'));
  assert.deepEqual(
    runRow.report.map((r) => [r.line, r.field]),
    [
      ['185NOCO', 'lieuTravail.commune'],
      ['185OUTS', 'lieuTravail.commune'],
    ],
  );
  assert.match(runRow.report[0].reason, /Commune absente de l’offre/);
  assert.match(runRow.report[1].reason, /hors du territoire \(code INSEE 82037/);

  const entries = await t.ctx.db.select().from(journal).where(eq(journal.action, 'opportunity.import'));
  assert.equal(entries.length, 1, 'one journal entry for the run');
  assert.equal(entries[0].targetId, runRow.id);
});

test('a second run changes nothing', async () => {
  const second = await run();
  assert.equal(second.status, 'done');
  assert.deepEqual(
    {
      created: second.created,
      updated: second.updated,
      unchanged: second.unchanged,
      rejected: second.rejected,
    },
    { created: 0, updated: 0, unchanged: 13, rejected: 2 },
  );
  assert.equal(second.report.length, 2);
});

test('an offer gone from France Travail expires; a changed one is updated; a reappearing one comes back', async () => {
  const removed = fake.offers.find((o) => o.id === '185PLMN')!;
  fake.offers = fake.offers.filter((o) => o !== removed);
  fake.offers.find((o) => o.id === '185WQRT')!.intitule = 'Boulanger / Boulangère de nuit (H/F)';
  const third = await run();
  assert.deepEqual(
    {
      created: third.created,
      updated: third.updated,
      unchanged: third.unchanged,
      expired: third.cursor.expired,
    },
    { created: 0, updated: 1, unchanged: 11, expired: 1 },
  );
  assert.equal((await offer('185PLMN')).status, 'expired');
  assert.equal((await offer('185WQRT')).title, 'Boulanger / Boulangère de nuit (H/F)');
  assert.equal((await offer('185XKPL')).status, 'published');

  fake.offers.push(removed);
  const fourth = await run();
  assert.equal(fourth.updated, 1);
  assert.equal((await offer('185PLMN')).status, 'published');
});

test('more offers than the API pages through: the run splits by creation date, and stays complete', async () => {
  fake.searches.length = 0;
  const split = await run(client(), { maxStart: 5 });
  assert.equal(split.status, 'done');
  assert.equal(split.unchanged, 13);
  assert.equal(split.cursor.truncated, false);
  const dated = fake.searches.filter((s) => s.query.get('minCreationDate'));
  assert.equal(dated.length, fake.searches.length, 'every search is bounded by creation dates');
  const windows = new Set(
    dated.map((s) => `${s.query.get('minCreationDate')}/${s.query.get('maxCreationDate')}`),
  );
  assert.ok(windows.size > 2, 'the window was split');
  assert.ok(
    fake.searches.some((s) => s.status === 204),
    'empty windows answer 204',
  );
  for (const s of fake.searches)
    assert.match(s.query.get('minCreationDate')!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
});

test('wrong credentials and a silent API give clear French errors', async () => {
  const wrong = new FranceTravailClient({
    clientId: 'inconnu',
    clientSecret: 'faux',
    tokenUrl: fake.tokenUrl,
    apiUrl: fake.apiUrl,
    minIntervalMs: 0,
  });
  await assert.rejects(wrong.search({ departement: '46', from: 0, to: 4 }), /refuse les identifiants/);

  fake.failWhen = () => ({ status: 0 });
  const silent = new FranceTravailClient({
    ...testCredentials,
    tokenUrl: fake.tokenUrl,
    apiUrl: fake.apiUrl,
    timeoutMs: 100,
    maxRetries: 1,
    minIntervalMs: 0,
    sleep: async () => {},
  });
  await assert.rejects(
    silent.search({ departement: '46', from: 0, to: 4 }),
    /France Travail ne répond pas \(délai dépassé\)/,
  );
  fake.failWhen = null;
});

test('the client keeps its calls apart and renews the token shortly before it expires', async () => {
  let clock = 1_000_000;
  const waits: number[] = [];
  const c = new FranceTravailClient({
    ...testCredentials,
    tokenUrl: fake.tokenUrl,
    apiUrl: fake.apiUrl,
    minIntervalMs: 340,
    now: () => clock,
    sleep: async (ms) => {
      waits.push(ms);
      clock += ms;
    },
  });
  fake.tokenRequests.length = 0;
  await c.search({ departement: '46', from: 0, to: 4 });
  await c.search({ departement: '46', from: 5, to: 9 });
  assert.deepEqual(waits, [340], 'the second call waited for its turn');
  clock += 1499 * 1000 - 70_000;
  await c.search({ departement: '46', from: 0, to: 4 });
  assert.equal(fake.tokenRequests.length, 1, 'still valid');
  clock += 20_000;
  await c.search({ departement: '46', from: 0, to: 4 });
  assert.equal(fake.tokenRequests.length, 2, 'renewed a minute before expiry');
});
