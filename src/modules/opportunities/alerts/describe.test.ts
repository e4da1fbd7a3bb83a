import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyFilters, type SearchFilters } from '../search/index.js';
import { describeFilters, type FilterNames, queryRecord } from './describe.js';

const names: FilterNames = {
  epcis: new Map([['200023737', 'CA du Grand Cahors']]),
  communes: new Map([['46102', 'Figeac']]),
  profiles: new Map([['jeunes', 'Jeunes']]),
};
const filters = (overrides: Partial<SearchFilters>): SearchFilters => ({ ...emptyFilters, ...overrides });

test('a search with nothing chosen reads as every opportunity', () => {
  assert.equal(describeFilters(emptyFilters, names), 'Toutes les opportunités');
});

test('each filter is described in French with the labels and names people know', () => {
  const text = describeFilters(
    filters({
      q: 'infirmier',
      kinds: ['job', 'housing'],
      commune: '46102',
      radiusKm: 20,
      contractTypes: ['cdi', 'cdd'],
      sectors: ['sante'],
      profiles: ['jeunes'],
      wanted: true,
      openToCouples: true,
    }),
    names,
  );
  assert.equal(
    text,
    'Offres d’emploi et Logements temporaires, contenant « infirmier », à moins de 20 km de Figeac, contrat : CDI et CDD, secteur : Santé et social, profil : Jeunes, métiers recherchés, ouvertes aux couples',
  );
});

test('places: a commune alone, EPCIs by name, an unknown code shown rather than dropped', () => {
  assert.equal(describeFilters(filters({ commune: '46102' }), names), 'Toutes les opportunités, à Figeac');
  assert.equal(
    describeFilters(
      filters({ kinds: ['takeover'], epcis: ['200023737', '999999999'], priceBands: ['<50k'] }),
      names,
    ),
    'Entreprises à reprendre, intercommunalités : CA du Grand Cahors et 999999999, prix : Moins de 50 000 €',
  );
});

test('a stored query string reads back as parseFilters expects, repeated parameters as lists', () => {
  assert.deepEqual(queryRecord('q=boulanger&type=job&type=takeover&commune=46042'), {
    q: 'boulanger',
    type: ['job', 'takeover'],
    commune: '46042',
  });
  assert.deepEqual(queryRecord(''), {});
});
