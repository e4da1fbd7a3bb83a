import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyFilters, filtersToQuery, isFiltered, parseFilters } from './filters.js';

test('nothing given: the empty filters, no error, an empty canonical query', () => {
  const { filters, errors } = parseFilters({});
  assert.deepEqual(filters, emptyFilters);
  assert.deepEqual(errors, {});
  assert.equal(filtersToQuery(filters), '');
  assert.equal(isFiltered(filters), false);
});

test('every parameter read; repeated parameters and comma lists alike', () => {
  const { filters, errors } = parseFilters({
    q: '  infirmière   de nuit ',
    type: ['job', 'housing,takeover'],
    epci: '200023737',
    commune: '46042',
    rayon: '30',
    contrat: 'cdi,cdd',
    secteur: ['sante'],
    profil: 'jeunes',
    prix: '<50k',
    recherche: '1',
    couple: '1',
    tri: 'distance',
    page: '3',
  });
  assert.deepEqual(errors, {});
  assert.deepEqual(filters, {
    q: 'infirmière de nuit',
    kinds: ['job', 'housing', 'takeover'],
    epcis: ['200023737'],
    commune: '46042',
    radiusKm: 30,
    contractTypes: ['cdi', 'cdd'],
    sectors: ['sante'],
    profiles: ['jeunes'],
    priceBands: ['<50k'],
    wanted: true,
    openToCouples: true,
    sort: 'distance',
    page: 3,
  });
  assert.equal(
    filtersToQuery(filters),
    'q=infirmi%C3%A8re+de+nuit&type=housing&type=job&type=takeover&epci=200023737&commune=46042&rayon=30' +
      '&contrat=cdd&contrat=cdi&secteur=sante&profil=jeunes&prix=%3C50k&recherche=1&couple=1&tri=distance&page=3',
  );
});

test('the canonical query is stable: same search, same string, whatever the order given', () => {
  const a = parseFilters({ type: 'job,housing', secteur: ['btp', 'sante', 'btp'] }).filters;
  const b = parseFilters({ secteur: 'sante,btp', type: ['housing', 'job'] }).filters;
  assert.equal(filtersToQuery(a), filtersToQuery(b));
  const params = new URLSearchParams(filtersToQuery(a));
  const round = parseFilters(
    Object.fromEntries([...params.keys()].map((k) => [k, params.getAll(k)])),
  ).filters;
  assert.equal(filtersToQuery(round), filtersToQuery(a), 'parsing a canonical query gives it back');
  assert.equal(filtersToQuery(a, { page: 2 }), `${filtersToQuery(a)}&page=2`, 'overrides');
  assert.equal(filtersToQuery({ ...a, sort: 'relevance', page: 1 }), filtersToQuery(a), 'defaults omitted');
});

test('bad values are dropped with a French message per parameter; the rest is kept', () => {
  const { filters, errors } = parseFilters({
    q: 'x'.repeat(250),
    type: 'job,spaceship',
    epci: '12345',
    commune: 'Cahors',
    contrat: 'cdi,<script>',
    secteur: 'nope',
    profil: 'Jeunes Gens!',
    prix: '1M',
    tri: 'hasard',
    page: '0',
  });
  assert.equal(filters.q.length, 200);
  assert.deepEqual(filters.kinds, ['job']);
  assert.deepEqual(filters.contractTypes, ['cdi']);
  assert.deepEqual(filters.epcis, []);
  assert.equal(filters.commune, null);
  assert.equal(filters.sort, 'relevance');
  assert.equal(filters.page, 1);
  assert.match(errors.q, /limitée à 200 caractères/);
  assert.match(errors.type, /Type d’opportunité inconnu : « spaceship »/);
  assert.match(errors.epci, /SIREN de 9 chiffres/);
  assert.match(errors.commune, /code INSEE/);
  assert.match(errors.contrat, /« <script> »/);
  assert.match(errors.secteur, /Secteur inconnu/);
  assert.match(errors.profil, /Profil invalide/);
  assert.match(errors.prix, /Tranche de prix inconnue/);
  assert.match(errors.tri, /Tri inconnu/);
  assert.match(errors.page, /entre 1 et 1000/);
});

test('radius: 1 to 200 km, and only around a commune', () => {
  assert.equal(parseFilters({ commune: '46042', rayon: '30 km' }).filters.radiusKm, 30);
  assert.equal(parseFilters({ commune: '2A004', rayon: '12,6' }).filters.radiusKm, 13);
  for (const rayon of ['0', '201', 'loin', '-5']) {
    const { filters, errors } = parseFilters({ commune: '46042', rayon });
    assert.equal(filters.radiusKm, null, rayon);
    assert.match(errors.rayon, /entre 1 et 200/);
  }
  const alone = parseFilters({ rayon: '30' });
  assert.equal(alone.filters.radiusKm, null);
  assert.match(alone.errors.rayon, /choisissez une commune/);
  assert.equal(filtersToQuery({ ...emptyFilters, radiusKm: 30 }), '', 'no radius without a commune');
});

test('odd shapes from a query string parser never throw', () => {
  const { filters } = parseFilters({
    q: ['a', 'b'],
    type: [['job']],
    page: ['2', '4'],
    recherche: ['0', '1'],
  });
  assert.equal(filters.q, 'b');
  assert.deepEqual(filters.kinds, []);
  assert.equal(filters.page, 4);
  assert.equal(filters.wanted, true);
  assert.doesNotThrow(() => parseFilters(null as unknown as Record<string, unknown>));
  assert.doesNotThrow(() => parseFilters({ q: { $ne: 1 } }));
});
