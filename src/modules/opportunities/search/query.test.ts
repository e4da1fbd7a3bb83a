import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { freshDatabase } from '../../../../test/helpers/db.js';
import { createTestOpportunity } from '../../../../test/helpers/opportunities.js';
import { type Database, one } from '../../../core/db/index.js';
import { emptyFilters } from './filters.js';
import { searchOpportunities } from './query.js';
import type { SearchFilters } from './types.js';

let database: Database;
const db = () => database.db;
const ids: Record<string, string> = {};
const day = 24 * 3600 * 1000;
const ago = (days: number) => new Date(Date.now() - days * day);

const grandCahors = '200023737';
const figeacEpci = '200067361';

before(async () => {
  database = await freshDatabase();
  const add = async (name: string, overrides: Parameters<typeof createTestOpportunity>[1]) => {
    ids[name] = (await createTestOpportunity(db(), overrides)).id;
  };
  await add('nurse', {
    title: 'Infirmière diplômée d’État',
    description: 'Service de soins infirmiers à domicile, équipe de nuit.',
    communeCode: '46042',
    sector: 'sante',
    contractType: 'cdi',
    targetProfiles: ['secondes-vies', 'jeunes'],
    openToCouples: true,
    publishedAt: ago(3),
  });
  await add('bakery', {
    kind: 'takeover',
    title: 'Boulangerie-pâtisserie à reprendre',
    description: 'Fonds de commerce, four récent, clientèle fidèle.',
    communeCode: '46070', // Cieurac, 10 km from Cahors
    hideCommune: false,
    priceBand: '150-300k',
    sector: 'artisanat',
    publishedAt: ago(10),
  });
  await add('hidden', {
    kind: 'takeover',
    title: 'Garage automobile',
    description: 'Atelier de mécanique avec deux ponts élévateurs.',
    communeCode: '46128', // Gramat, blurred to its EPCI
    hideCommune: true,
    priceBand: '50-150k',
    publishedAt: ago(5),
  });
  await add('far', {
    title: 'Aide-soignant en EHPAD',
    description: 'Accompagnement des résidents.',
    communeCode: '46118', // Gignac, 60 km from Cahors
    sector: 'sante',
    contractType: 'cdd',
    wanted: true,
    targetProfiles: ['wanted'],
    publishedAt: ago(1),
  });
  await add('housing', {
    kind: 'housing',
    title: 'Logement passerelle meublé',
    description: 'Deux chambres pour les nouveaux arrivants, près des commerces.',
    communeCode: '46214', // Parnac, 10 km
    openToCouples: true,
    publishedAt: ago(20),
  });
  await add('draft', { title: 'Infirmier en brouillon', status: 'draft' });
  await add('expired', {
    title: 'Infirmier dont l’offre a expiré',
    publishedAt: ago(60),
    expiresAt: ago(1),
  });
});
after(() => database.close());

const search = (filters: Partial<SearchFilters>, options = {}) =>
  searchOpportunities(db(), { ...emptyFilters, ...filters }, options);
const found = (result: { items: { id: string }[] }) =>
  result.items.map((i) => Object.entries(ids).find(([, id]) => id === i.id)?.[0] ?? i.id);

test('no filter: every public opportunity, newest first; drafts and expired never', async () => {
  const result = await search({});
  assert.equal(result.total, 5);
  assert.deepEqual(found(result), ['far', 'nurse', 'hidden', 'bakery', 'housing']);
  assert.deepEqual(result.corrections, []);
});

test('French full text: a stem prefix finds feminine, compound and plural forms, accents ignored', async () => {
  assert.deepEqual(found(await search({ q: 'infirmier' })), ['nurse']);
  assert.deepEqual(found(await search({ q: 'INFIRMIERE' })), ['nurse']);
  assert.deepEqual(found(await search({ q: 'boulanger' })), ['bakery']);
  assert.deepEqual(found(await search({ q: 'boulangeries' })), ['bakery']);
  assert.deepEqual(found(await search({ q: 'pâtisseries' })), ['bakery']);
  assert.deepEqual(found(await search({ q: 'diplomee etat' })), ['nurse'], 'every word required');
  assert.deepEqual(found(await search({ q: 'infirmier boulanger' })), []);
  assert.deepEqual(found(await search({ q: 'de la' })).length, 5, 'stop words alone: no text filter');
  assert.deepEqual(found(await search({ q: "l'infirmière de nuit" })), ['nurse']);
  assert.deepEqual(found(await search({ q: "%&|!:*()'" })).length, 5, 'tsquery syntax is not injected');
});

test('a misspelt word is replaced by the closest known word, and reported', async () => {
  const nurse = await search({ q: 'infirmeir' });
  assert.deepEqual(found(nurse), ['nurse']);
  assert.deepEqual(nurse.corrections, [{ from: 'infirmeir', to: 'infirmiere' }]);
  const bakery = await search({ q: 'boulangrie' });
  assert.deepEqual(found(bakery), ['bakery']);
  assert.deepEqual(bakery.corrections, [{ from: 'boulangrie', to: 'boulangerie' }]);
  const none = await search({ q: 'zzyzzx' });
  assert.equal(none.total, 0);
  assert.deepEqual(none.corrections, [], 'nothing close: no correction');
  // A word that only a newly published opportunity holds is seen at once (the lexicon follows the data).
  await createTestOpportunity(db(), {
    title: 'Ostéopathe',
    description: 'Cabinet en centre-bourg.',
    status: 'draft',
  });
  assert.deepEqual((await search({ q: 'osteopahte' })).corrections, [], 'a draft teaches nothing');
});

test('filters: kind, EPCI, contract type, sector, profile, price band, wanted, open to couples', async () => {
  assert.deepEqual(found(await search({ kinds: ['takeover'] })), ['hidden', 'bakery']);
  assert.deepEqual(found(await search({ kinds: ['housing', 'takeover'] })), ['hidden', 'bakery', 'housing']);
  assert.deepEqual(found(await search({ epcis: [grandCahors] })), ['nurse', 'bakery']);
  assert.deepEqual(found(await search({ contractTypes: ['cdd'] })), ['far']);
  assert.deepEqual(found(await search({ sectors: ['sante'] })), ['far', 'nurse']);
  assert.deepEqual(found(await search({ profiles: ['jeunes', 'wanted'] })), ['far', 'nurse']);
  assert.deepEqual(found(await search({ priceBands: ['150-300k'] })), ['bakery']);
  assert.deepEqual(found(await search({ wanted: true })), ['far']);
  assert.deepEqual(found(await search({ openToCouples: true })), ['nurse', 'housing']);
  assert.deepEqual(found(await search({ sectors: ['sante'], wanted: true, q: 'soignant' })), ['far']);
  assert.deepEqual(found(await search({}, { publishedAfter: ago(4) })), ['far', 'nurse']);
});

test('a blurred takeover is found by its EPCI, never by its hidden commune', async () => {
  assert.deepEqual(found(await search({ epcis: [figeacEpci] })), []);
  const gramatEpci = (await one<{ epci_code: string }>(
    db(),
    sql`select epci_code from communes where code = '46128'`,
  )) as { epci_code: string };
  const byEpci = await search({ epcis: [gramatEpci.epci_code] });
  assert.deepEqual(found(byEpci), ['far', 'hidden'], 'Gignac and Gramat share their EPCI');
  assert.equal(byEpci.items[1].communeCode, null);
  assert.equal(byEpci.items[1].communeName, null);
  assert.equal(byEpci.items[1].epciCode, gramatEpci.epci_code);
  assert.deepEqual(found(await search({ commune: '46128' })), [], 'not by its real commune');
  assert.deepEqual(found(await search({ commune: '46042' })), ['nurse']);
});

test('radius: 10 km in, 60 km out of 30 km; sorted by distance; distances given', async () => {
  const within = await search({ commune: '46042', radiusKm: 30, sort: 'distance' });
  assert.deepEqual(found(within), ['nurse', 'bakery', 'housing']);
  assert.equal(within.items[0].distanceKm, 0);
  assert.ok(Math.abs((within.items[1].distanceKm ?? 0) - 10) < 0.5, `${within.items[1].distanceKm}`);
  const wide = await search({ commune: '46042', radiusKm: 70, sort: 'distance' });
  assert.ok(found(wide).includes('far'));
  assert.equal(found(wide).at(-1), 'far', 'the farthest last');
  assert.equal((await search({ commune: '46042', radiusKm: 30, sort: 'newest' })).items[0].id, ids.nurse);
  const noCommune = await search({ sort: 'distance' });
  assert.deepEqual(found(noCommune), ['far', 'nurse', 'hidden', 'bakery', 'housing'], 'no commune: newest');
  assert.equal(noCommune.items[0].distanceKm, null);
  assert.equal((await search({ commune: '99999', radiusKm: 30 })).total, 0, 'unknown commune: nothing');
});

test('facets count each value with every other filter applied', async () => {
  const all = await search({});
  assert.deepEqual(all.facets.kind, { job: 2, takeover: 2, housing: 1 });
  assert.equal(all.facets.epci[grandCahors], 2);
  assert.deepEqual(all.facets.contractType, { cdi: 1, cdd: 1 });
  assert.deepEqual(all.facets.sector, { sante: 2, artisanat: 1 });
  assert.deepEqual(all.facets.profile, { 'secondes-vies': 1, jeunes: 1, wanted: 1 });
  assert.deepEqual(all.facets.priceBand, { '150-300k': 1, '50-150k': 1 });
  assert.deepEqual(all.facets.wanted, { '1': 1 });
  assert.deepEqual(all.facets.openToCouples, { '1': 2 });
  assert.deepEqual(
    all.communeCounts,
    { '46042': 1, '46070': 1, '46118': 1, '46214': 1 },
    'per public commune, for the map: the blurred takeover has none',
  );

  const jobs = await search({ kinds: ['job'], openToCouples: true });
  assert.equal(jobs.total, 1);
  assert.deepEqual(jobs.facets.kind, { job: 1, housing: 1 }, 'kinds counted without the kind filter');
  assert.deepEqual(jobs.facets.openToCouples, { '1': 1 }, 'couples counted with the kind filter');
  assert.deepEqual(jobs.facets.contractType, { cdi: 1 });
  assert.deepEqual(jobs.facets.wanted, {});

  const text = await search({ q: 'soins', sectors: ['artisanat'] });
  assert.equal(text.total, 0);
  assert.deepEqual(text.facets.sector, { sante: 1 }, 'the way out of an empty result');
  const noFacets = await search({ sectors: ['sante'] }, { facets: false });
  assert.equal(noFacets.total, 2);
  assert.deepEqual(found(noFacets), ['far', 'nurse']);
  assert.equal(noFacets.communeCounts, undefined);
  assert.deepEqual(noFacets.facets.sector, {});
});

test('pagination: page size, pages past the end, stable order', async () => {
  const first = await search({ page: 1 }, { pageSize: 2 });
  const second = await search({ page: 2 }, { pageSize: 2 });
  const third = await search({ page: 3 }, { pageSize: 2 });
  assert.equal(first.total, 5);
  assert.equal(first.pageSize, 2);
  assert.deepEqual([...found(first), ...found(second), ...found(third)], found(await search({})));
  const past = await search({ page: 40 }, { pageSize: 2 });
  assert.equal(past.items.length, 0);
  assert.equal(past.total, 5);
});

test('relevance puts the title match before a description match', async () => {
  await createTestOpportunity(db(), {
    title: 'Agent d’accueil',
    description: 'Accueil du public au centre de soins, en lien avec l’infirmière coordinatrice.',
    publishedAt: new Date(),
  });
  const result = await search({ q: 'infirmiere' });
  assert.equal(result.items.length, 2);
  assert.equal(result.items[0].id, ids.nurse, 'title first, though older');
  assert.notEqual((await search({ q: 'infirmiere', sort: 'newest' })).items[0].id, ids.nurse);
});
