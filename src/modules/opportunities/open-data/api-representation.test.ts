import assert from 'node:assert/strict';
import { test } from 'node:test';
import Value from 'typebox/value';
import { contractTypeCodes, sectorCodes } from '../kinds.js';
import { openApiDocument } from './api-openapi.js';
import { apiListUrl, parseApiQuery } from './api-params.js';
import { ApiOpportunity, toApiOpportunity } from './api-representation.js';
import { publicOpportunity } from './test-fixtures.js';

const base = 'https://example.org';

test('an item has the documented shape, no more, no less', () => {
  const item = toApiOpportunity({ ...publicOpportunity(), distanceKm: 12.345 }, base);
  assert.ok(Value.Check(ApiOpportunity, item), JSON.stringify([...Value.Errors(ApiOpportunity, item)][0]));
  assert.deepEqual(item.commune, { code: '46042', name: 'Cahors' });
  assert.deepEqual(item.epci, { code: '200023737', name: 'CA du Grand Cahors' });
  assert.deepEqual(item.location, { lon: 1.4365, lat: 44.4475 });
  assert.equal(item.employer, 'Centre hospitalier');
  assert.deepEqual(item.contact, { name: 'Service RH', email: 'rh@example.org', phone: '05 65 00 00 00' });
  assert.equal(item.url, `${base}/opportunites/${item.id}`);
  assert.equal(item.publishedAt, '2025-03-14T08:30:00.000Z');
  assert.equal(item.distanceKm, 12.3);
  assert.deepEqual(item.source, { name: 'choisir', url: null });
  // The schema is closed: a field the serializer would add by mistake fails the check.
  assert.equal(Value.Check(ApiOpportunity, { ...item, sellerName: 'x' }), false);
});

test('a blurred takeover: no commune, no contact, no employer, no undeclared detail', () => {
  const item = toApiOpportunity(
    publicOpportunity({
      kind: 'takeover',
      communeCode: null,
      communeName: null,
      communeSlug: null,
      employerName: 'Fuite',
      contactName: 'Fuite',
      contactEmail: 'fuite@example.org',
      contactPhone: '06',
      contractType: null,
      priceBand: '50-150k',
      details: { operation: 'fonds', confidentiality: 'epci', sellerName: 'Fuite' } as never,
    }),
    base,
  );
  assert.ok(Value.Check(ApiOpportunity, item));
  assert.equal(item.commune, null);
  assert.equal(item.contact, null);
  assert.equal(item.employer, null);
  assert.deepEqual(item.details, { operation: 'fonds', confidentiality: 'epci' });
  assert.doesNotMatch(JSON.stringify(item), /Fuite|fuite/);
});

test('API parameters: the search page’s filters, plus per_page and facets; anything odd is refused', () => {
  const good = parseApiQuery({
    type: ['job', 'housing'],
    contrat: 'cdi',
    per_page: '50',
    facets: '1',
    page: '2',
  });
  assert.ok(good.ok);
  assert.deepEqual(good.value.filters.kinds, ['job', 'housing']);
  assert.equal(good.value.perPage, 50);
  assert.equal(good.value.facets, true);
  assert.equal(
    apiListUrl(base, good.value, 3),
    `${base}/api/v1/opportunities?type=housing&type=job&contrat=cdi&page=3&per_page=50&facets=1`,
  );
  assert.equal(
    apiListUrl(base, { ...good.value, perPage: 20, facets: false }, 1).endsWith(
      '?type=housing&type=job&contrat=cdi',
    ),
    true,
  );

  const bad = parseApiQuery({
    type: 'castle',
    contrat: 'cdi,zzz',
    per_page: '500',
    facets: 'peut-être',
    recherche: 'bof',
    tri: 'hasard',
    page: '0',
    colour: 'blue',
  });
  assert.equal(bad.ok, false);
  if (bad.ok) return;
  for (const name of ['type', 'contrat', 'per_page', 'facets', 'recherche', 'tri', 'page', 'colour'])
    assert.ok(bad.errors[name], `a message for ${name}`);
  assert.match(bad.errors.type, /Type d’opportunité inconnu : « castle »/);
  assert.match(bad.errors.per_page, /entre 1 et 100/);
  assert.match(bad.errors.colour, /Paramètre inconnu « colour »/);
  for (const size of ['0', '101', '2.5', 'abc', '']) {
    const r = parseApiQuery({ per_page: size });
    assert.equal(r.ok, false, `per_page=${size}`);
  }
  assert.ok(parseApiQuery({}).ok, 'nothing chosen: everything');
});

test('the OpenAPI document lists every parameter with its allowed values', () => {
  const doc = openApiDocument({
    publicUrl: base,
    siteName: 'Oh my Lot!',
    epcis: [{ code: '200023737', name: 'CA du Grand Cahors' }],
    profiles: [{ slug: 'wanted', name: 'Wanted' }],
    feedSize: 50,
  });
  const parsed = JSON.parse(JSON.stringify(doc));
  assert.equal(parsed.openapi, '3.1.0');
  assert.equal(parsed.info.license.identifier, 'etalab-2.0');
  const list = parsed.paths['/api/v1/opportunities'].get;
  const resolve = (p: { $ref?: string; name?: string }) =>
    p.$ref ? parsed.components.parameters[p.$ref.split('/').pop()!] : p;
  const params = Object.fromEntries(list.parameters.map(resolve).map((p: { name: string }) => [p.name, p]));
  assert.deepEqual(Object.keys(params).sort(), [
    'commune',
    'contrat',
    'couple',
    'epci',
    'facets',
    'page',
    'per_page',
    'prix',
    'profil',
    'q',
    'rayon',
    'recherche',
    'secteur',
    'tri',
    'type',
  ]);
  assert.deepEqual(params.type.schema.items.enum, ['job', 'takeover', 'premises', 'housing']);
  assert.deepEqual(params.contrat.schema.items.enum, contractTypeCodes);
  assert.deepEqual(params.secteur.schema.items.enum, sectorCodes);
  assert.deepEqual(params.epci.schema.items.enum, ['200023737']);
  assert.deepEqual(params.profil.schema.items.enum, ['wanted']);
  assert.equal(params.per_page.schema.maximum, 100);
  assert.match(params.contrat.description, /`cdi` : CDI/);
  assert.ok(list.responses[200] && list.responses[400]);
  assert.ok(parsed.paths['/api/v1/opportunities/{id}'].get.responses[404]);
  assert.ok(parsed.paths['/opportunites/export.csv'].get.responses[200].content['text/csv']);
  assert.ok(parsed.paths['/opportunites/flux.atom'].get.responses[200].content['application/atom+xml']);
  const opportunity = parsed.components.schemas.Opportunity;
  assert.ok(opportunity.properties.commune && opportunity.properties.details.anyOf.length === 4);
  // Every $ref points at something that exists.
  for (const ref of JSON.stringify(parsed).match(/"\$ref":"[^"]+"/g) ?? []) {
    const path = ref.slice(8, -1).split('/').slice(1);
    assert.ok(
      path.reduce((node, key) => node?.[key], parsed),
      ref,
    );
  }
});
