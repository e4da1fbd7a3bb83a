import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createTestOpportunity } from '../../../../test/helpers/opportunities.js';
import { one } from '../../../core/db/index.js';
import type { ApiList, ApiOpportunity } from './api-representation.js';
import { checkXml, type XmlNode } from './feed-xml-check.js';

let t: TestApp;
const ids: Record<string, string> = {};
const day = 24 * 3600 * 1000;
const ago = (days: number) => new Date(Date.now() - days * day);
let cauvaldor: { code: string; name: string };
const grandCahors = '200023737';

/** What must never leave the platform: the seller of the takeover, and the commune it hides. */
const secrets = [
  'Jeanne',
  'Cédante-Secrète',
  'jeanne.cedante@example.org',
  '06 12 34 56 78',
  '12 rue des Secrets',
  'Boulangerie Secrète SARL',
  'Départ en retraite confidentiel',
  'Gramat',
];
const hiddenCode = /(?<![0-9a-f])46128(?![0-9a-f])/i;

before(async () => {
  t = await testApp();
  const db = t.db();
  const add = async (
    name: string,
    overrides: Parameters<typeof createTestOpportunity>[1],
    seller?: never,
  ) => {
    ids[name] = (await createTestOpportunity(db, overrides, seller)).id;
  };
  await add('nurse', {
    title: 'Infirmier de nuit',
    description: 'Service de médecine, équipe de nuit.',
    communeCode: '46042',
    contractType: 'cdi',
    sector: 'sante',
    employerName: 'Centre hospitalier de Cahors',
    contactName: 'Service des ressources humaines',
    contactEmail: 'recrutement@ch-cahors.example',
    details: { workingTime: 'full', posts: 2 },
    publishedAt: ago(1),
  });
  await add('technician', {
    title: 'Technicien de maintenance',
    description: 'Maintenance des lignes de production.',
    communeCode: '46102', // Figeac
    contractType: 'cdd',
    sector: 'industrie',
    publishedAt: ago(2),
  });
  await add('formula', {
    title: '=SOMME(A1:A9) Cuisinier',
    description: '+33 5 65 00 00 00 pour postuler ; « guillemets " » & co',
    communeCode: '46042',
    contractType: 'cdd',
    sector: 'hotellerie',
    publishedAt: ago(3),
  });
  await add('housing', {
    kind: 'housing',
    title: 'Logement passerelle meublé',
    description: 'Un T2 meublé pour trois mois, le temps de trouver.',
    communeCode: '46042',
    contactEmail: 'logement@cahors.example',
    details: { housingKind: 'passerelle', capacity: 3 },
    publishedAt: ago(4),
  });
  await add(
    'takeover',
    {
      kind: 'takeover',
      title: 'Boulangerie-pâtisserie à reprendre',
      description: 'Fonds de commerce, four récent, clientèle fidèle sur le causse.',
      communeCode: '46128', // Gramat, hidden: only its EPCI is public
      hideCommune: true,
      priceBand: '150-300k',
      sector: 'artisanat',
      details: { businessKind: 'commerce', operation: 'fonds', confidentiality: 'epci' },
      publishedAt: ago(5),
    },
    {
      name: 'Jeanne Cédante-Secrète',
      company: 'Boulangerie Secrète SARL',
      address: '12 rue des Secrets, 46500 Gramat',
      email: 'jeanne.cedante@example.org',
      phone: '06 12 34 56 78',
      notes: 'Départ en retraite confidentiel',
    } as never,
  );
  // Never public: not published, or past their expiry.
  await add('draft', { title: 'Brouillon invisible', status: 'draft', communeCode: '46042' });
  await add('pending', { title: 'En attente invisible', status: 'pending', communeCode: '46042' });
  await add('withdrawn', { title: 'Retirée invisible', status: 'withdrawn', communeCode: '46042' });
  await add('expired', { title: 'Expirée invisible', communeCode: '46042', expiresAt: ago(1) });
  const epci = await one<{ code: string; name: string }>(
    db,
    sql`select e.code, e.name from communes c join epcis e on e.code = c.epci_code where c.code = '46128'`,
  );
  cauvaldor = epci!;
});
after(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });
const list = async (qs = '') => {
  const response = await get(`/api/v1/opportunities${qs ? `?${qs}` : ''}`);
  assert.equal(response.statusCode, 200, response.body);
  return { response, body: response.json() as ApiList };
};
const titles = (body: ApiList) => body.data.map((o) => o.title).sort();
const invisible = ['Brouillon invisible', 'En attente invisible', 'Retirée invisible', 'Expirée invisible'];

test('the list: public opportunities only, newest first, open to any site, cacheable', async () => {
  const { response, body } = await list('tri=recent');
  assert.match(String(response.headers['content-type']), /^application\/json/);
  assert.equal(response.headers['access-control-allow-origin'], '*');
  assert.equal(response.headers['cross-origin-resource-policy'], 'cross-origin');
  assert.match(String(response.headers['cache-control']), /public, max-age=\d+/);
  assert.equal(body.meta.total, 5);
  assert.equal(response.headers['x-total-count'], '5');
  assert.deepEqual(
    body.data.map((o) => o.id),
    ['nurse', 'technician', 'formula', 'housing', 'takeover'].map((n) => ids[n]),
  );
  for (const title of invisible) assert.ok(!response.body.includes(title), title);
  const nurse = body.data[0];
  assert.equal(nurse.kind, 'job');
  assert.deepEqual(nurse.commune, { code: '46042', name: 'Cahors' });
  assert.equal(nurse.epci?.code, grandCahors);
  assert.equal(nurse.employer, 'Centre hospitalier de Cahors');
  assert.equal(nurse.contact?.email, 'recrutement@ch-cahors.example');
  assert.deepEqual(nurse.details, { workingTime: 'full', posts: 2 });
  assert.equal(nurse.url, `http://localhost:3000/opportunites/${ids.nurse}`);
  assert.equal(nurse.demo, false);
  assert.equal(body.facets, undefined, 'facets only when asked');
});

test('filters are those of the search page', async () => {
  assert.deepEqual(titles((await list('type=job')).body), [
    '=SOMME(A1:A9) Cuisinier',
    'Infirmier de nuit',
    'Technicien de maintenance',
  ]);
  assert.deepEqual(titles((await list('type=job&contrat=cdd&secteur=industrie')).body), [
    'Technicien de maintenance',
  ]);
  assert.deepEqual(titles((await list('q=infirmier')).body), ['Infirmier de nuit']);
  assert.deepEqual(titles((await list('type=housing,takeover')).body), [
    'Boulangerie-pâtisserie à reprendre',
    'Logement passerelle meublé',
  ]);
  assert.deepEqual(titles((await list(`epci=${cauvaldor.code}`)).body), [
    'Boulangerie-pâtisserie à reprendre',
  ]);
  assert.deepEqual(titles((await list('prix=150-300k')).body), ['Boulangerie-pâtisserie à reprendre']);
  const near = (await list('commune=46042&rayon=10&tri=distance')).body;
  assert.equal(near.data.length, 3, 'Cahors only: Figeac and the causse are further');
  assert.ok(near.data.every((o) => o.distanceKm !== null && o.distanceKm < 10));
  const faceted = (await list('type=job&facets=1')).body;
  assert.equal(faceted.facets?.kind.job, 3);
  assert.equal(faceted.facets?.kind.housing, 1, 'a facet counts with the other filters only');
  assert.equal(faceted.facets?.contractType.cdd, 2);
});

test('pagination: meta and links to the neighbouring pages', async () => {
  const first = await list('tri=recent&per_page=2');
  assert.deepEqual(first.body.meta, { total: 5, page: 1, perPage: 2, pages: 3, corrections: [] });
  const base = 'http://localhost:3000/api/v1/opportunities?tri=recent';
  assert.deepEqual(first.body.links, {
    self: `${base}&per_page=2`,
    first: `${base}&per_page=2`,
    last: `${base}&page=3&per_page=2`,
    next: `${base}&page=2&per_page=2`,
    prev: null,
  });
  assert.match(String(first.response.headers.link), /<[^>]+page=2&per_page=2>; rel="next"/);
  const second = (await list('tri=recent&per_page=2&page=2')).body;
  assert.equal(second.links.prev, `${base}&per_page=2`);
  assert.equal(second.links.next, `${base}&page=3&per_page=2`);
  const third = (await list('tri=recent&per_page=2&page=3')).body;
  assert.equal(third.data.length, 1);
  assert.equal(third.links.next, null);
  const seen = [first.body, second, third].flatMap((b) => b.data.map((o) => o.id));
  assert.equal(new Set(seen).size, 5, 'every opportunity once across the pages');
  const beyond = (await list('per_page=2&page=9')).body;
  assert.equal(beyond.data.length, 0);
  assert.equal(beyond.links.prev, 'http://localhost:3000/api/v1/opportunities?page=3&per_page=2');
});

test('bad parameters: 400 with a French message per parameter, never a 500', async () => {
  const response = await get(
    '/api/v1/opportunities?type=chateau&per_page=1000&rayon=5&tri=hasard&couleur=bleu',
  );
  assert.equal(response.statusCode, 400);
  assert.match(String(response.headers['content-type']), /^application\/json/);
  assert.equal(response.headers['access-control-allow-origin'], '*');
  const { error } = response.json() as {
    error: { code: string; message: string; fields: Record<string, string> };
  };
  assert.equal(error.code, 'invalid');
  assert.match(error.message, /5 paramètres sont invalides/);
  assert.match(error.fields.type, /Type d’opportunité inconnu : « chateau »/);
  assert.match(error.fields.per_page, /entre 1 et 100/);
  assert.match(error.fields.rayon, /choisissez une commune/);
  assert.match(error.fields.tri, /Tri inconnu/);
  assert.match(error.fields.couleur, /Paramètre inconnu/);
  for (const url of [
    '?page=-1',
    '?page=abc',
    '?per_page=0',
    '?facets=2',
    `?q=${'a'.repeat(300)}`,
    '?commune=Cahors',
  ]) {
    assert.equal((await get(`/api/v1/opportunities${url}`)).statusCode, 400, url);
  }
});

test('one opportunity; 404 in French for an unknown, unpublished or expired one', async () => {
  const response = await get(`/api/v1/opportunities/${ids.housing}`);
  assert.equal(response.statusCode, 200);
  assert.equal(response.headers['access-control-allow-origin'], '*');
  const item = response.json() as ApiOpportunity;
  assert.equal(item.title, 'Logement passerelle meublé');
  assert.deepEqual(item.details, { housingKind: 'passerelle', capacity: 3 });
  assert.equal(item.contact?.email, 'logement@cahors.example');
  for (const id of [
    '00000000-0000-4000-8000-000000000000',
    'pas-un-id',
    ids.draft,
    ids.pending,
    ids.expired,
  ]) {
    const missing = await get(`/api/v1/opportunities/${id}`);
    assert.equal(missing.statusCode, 404, id);
    assert.match(String(missing.headers['content-type']), /^application\/json/);
    assert.equal(missing.headers['access-control-allow-origin'], '*');
    assert.match(missing.json().error.message, /n’existe pas, a expiré ou a été retirée/);
  }
  const preflight = await t.app.inject({ method: 'OPTIONS', url: '/api/v1/opportunities' });
  assert.equal(preflight.statusCode, 204);
  assert.equal(preflight.headers['access-control-allow-origin'], '*');
});

test('the OpenAPI document is served, with the territory’s intercommunalities and profiles', async () => {
  const response = await get('/api/v1/openapi.json');
  assert.equal(response.statusCode, 200);
  assert.equal(response.headers['access-control-allow-origin'], '*');
  const doc = JSON.parse(response.body);
  assert.equal(doc.openapi, '3.1.0');
  assert.equal(doc.servers[0].url, 'http://localhost:3000');
  assert.equal(doc.components.parameters.epci.schema.items.enum.length, 10);
  assert.ok(doc.components.parameters.epci.schema.items.enum.includes(grandCahors));
  assert.ok(doc.components.parameters.profil.schema.items.enum.includes('wanted'));
  const names = doc.paths['/api/v1/opportunities'].get.parameters.map(
    (p: { $ref?: string; name?: string }) => p.name ?? p.$ref?.split('/').pop(),
  );
  for (const p of [
    'q',
    'type',
    'epci',
    'commune',
    'rayon',
    'contrat',
    'secteur',
    'page',
    'per_page',
    'facets',
  ])
    assert.ok(names.includes(p), p);
});

/** CSV rows (the file is simple enough here: no line break inside a cell except where tested). */
const csvRows = (body: string) => body.slice(1).split('\r\n').filter(Boolean);

test('the CSV export: a spreadsheet file of every match, formulas neutralised', async () => {
  const response = await get('/opportunites/export.csv?type=job');
  assert.equal(response.statusCode, 200);
  assert.equal(response.headers['content-type'], 'text/csv; charset=utf-8');
  assert.match(
    String(response.headers['content-disposition']),
    /^attachment; filename="opportunites-\d{4}-\d{2}-\d{2}\.csv"$/,
  );
  assert.equal(response.headers['access-control-allow-origin'], '*');
  assert.equal(response.headers['x-total-count'], '3');
  assert.ok(response.body.startsWith('\uFEFF'), 'byte order mark');
  const rows = csvRows(response.body);
  assert.equal(rows.length, 4, 'a header and three jobs');
  assert.match(rows[0], /^Identifiant;Type;Titre;Description;Commune;Code INSEE;Intercommunalité;/);
  const formula = rows.find((r) => r.includes('SOMME'))!;
  assert.ok(formula.includes(`;'=SOMME(A1:A9) Cuisinier;`), formula);
  assert.ok(
    formula.includes(`;"'+33 5 65 00 00 00 pour postuler ; « guillemets "" » & co";`),
    'quoted, quotes doubled, and protected',
  );
  for (const title of invisible) assert.ok(!response.body.includes(title), title);
  const all = await get('/opportunites/export.csv');
  assert.equal(csvRows(all.body).length, 6);
  const bad = await get('/opportunites/export.csv?contrat=esclavage');
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Type de contrat inconnu : « esclavage »/);
});

test('the Atom feed: well-formed, newest first, titled after the search', async () => {
  const response = await get('/opportunites/flux.atom?type=job&secteur=sante');
  assert.equal(response.statusCode, 200);
  assert.equal(response.headers['content-type'], 'application/atom+xml; charset=utf-8');
  const feed = checkXml(response.body);
  const child = (node: XmlNode, name: string) => node.children.filter((c) => c.name === name);
  assert.match(child(feed, 'title')[0].text, /^Offres d’emploi.*Santé et social/);
  const entries = child(feed, 'entry');
  assert.equal(entries.length, 1);
  assert.equal(child(entries[0], 'id')[0].text, `urn:uuid:${ids.nurse}`);
  assert.equal(
    child(entries[0], 'link')[0].attributes.href,
    `http://localhost:3000/opportunites/${ids.nurse}`,
  );
  assert.match(child(entries[0], 'summary')[0].text, /Cahors · Offre d’emploi · CDI/);
  const self = child(feed, 'link').find((l) => l.attributes.rel === 'self');
  assert.equal(self?.attributes.href, 'http://localhost:3000/opportunites/flux.atom?type=job&secteur=sante');

  const all = checkXml((await get('/opportunites/flux.atom?tri=pertinence')).body);
  const ordered = child(all, 'entry').map((e) => child(e, 'id')[0].text);
  assert.deepEqual(
    ordered,
    ['nurse', 'technician', 'formula', 'housing', 'takeover'].map((n) => `urn:uuid:${ids[n]}`),
  );
  const cooked = child(all, 'entry').find((e) => child(e, 'title')[0].text.includes('SOMME'))!;
  assert.match(child(cooked, 'summary')[0].text, /« guillemets " » & co/, 'read back as written');
  assert.equal((await get('/opportunites/flux.atom?type=chateau')).statusCode, 400);
});

test('a takeover’s seller and hidden commune never leave: JSON, CSV, Atom — its EPCI does', async () => {
  const outputs: Record<string, string> = {
    'JSON list': (await get('/api/v1/opportunities?per_page=100&facets=1')).body,
    'JSON list of takeovers': (await get('/api/v1/opportunities?type=takeover&q=boulangerie')).body,
    'JSON item': (await get(`/api/v1/opportunities/${ids.takeover}`)).body,
    CSV: (await get('/opportunites/export.csv')).body,
    'CSV of takeovers': (await get('/opportunites/export.csv?type=takeover')).body,
    Atom: (await get('/opportunites/flux.atom')).body,
    'Atom of takeovers': (await get('/opportunites/flux.atom?type=takeover')).body,
  };
  for (const [name, body] of Object.entries(outputs)) {
    assert.ok(body.includes('Boulangerie-pâtisserie à reprendre'), `${name} lists the takeover`);
    assert.ok(body.includes(cauvaldor.name), `${name} shows its EPCI`);
    for (const secret of secrets) assert.ok(!body.includes(secret), `${name} leaks « ${secret} »`);
    assert.doesNotMatch(body, hiddenCode, `${name} leaks the hidden commune code`);
  }
  const item = JSON.parse(outputs['JSON item']) as ApiOpportunity;
  assert.equal(item.commune, null);
  assert.equal(item.contact, null);
  assert.deepEqual(item.epci, cauvaldor);
  assert.equal(item.priceBand, '150-300k');
});

test('/donnees-ouvertes explains the API, the CSV, the feeds and the licence', async () => {
  const response = await get('/donnees-ouvertes');
  assert.equal(response.statusCode, 200);
  const html = response.body;
  assert.match(html, /<h1>Données ouvertes<\/h1>/);
  assert.match(html, /Licence Ouverte \/ Open Licence version 2\.0 \(Etalab\)/);
  assert.match(html, /href="http:\/\/localhost:3000\/api\/v1\/openapi\.json"/);
  assert.match(html, /href="http:\/\/localhost:3000\/opportunites\/export\.csv\?type=housing"/);
  assert.match(html, /href="http:\/\/localhost:3000\/opportunites\/flux\.atom\?type=job&amp;recherche=1"/);
  assert.ok(/5\s000 lignes/.test(html), 'the cap is said');
  assert.match(html, /<code>cdi<\/code> : CDI/);
  assert.ok(html.includes(cauvaldor.name), 'the EPCI codes, named');
  assert.doesNotMatch(html, /\sstyle="/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/);
});
