import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Opportunity } from '../../store.js';
import { endOfParisDay, parisDate } from './dates.js';
import { type FormLists, formValuesOf, mergeDetails, parseOpportunityForm } from './parse.js';

const adviser = '0b7c2a3e-1111-4111-8111-111111111111';
const lists: FormLists = {
  communes: new Set(['46042', '46102']),
  advisers: new Set([adviser]),
  profiles: new Set(['wanted', 'jeunes']),
};
// Noon in Paris on 10 March 2026: "today" is 2026-03-10 whatever the server's zone.
const now = new Date('2026-03-10T11:00:00Z');
const options = { lists, now, sellerEditable: false };

const job = {
  title: 'Mécanicien agricole',
  description: 'Concession de matériel agricole recherche un mécanicien pour son atelier.',
  communeCode: '46042',
  contractType: 'cdi',
  sector: 'agriculture',
};

test('numbers are read as people type them, and only as whole, plain numbers', () => {
  const ok = parseOpportunityForm(
    'job',
    { ...job, salaryMin: '1 850,50 €', posts: '3', hoursPerWeek: '35' },
    options,
  );
  assert.ok(ok.ok);
  assert.deepEqual(ok.fields.details, { salaryMin: 1850.5, posts: 3, hoursPerWeek: 35 });
  const bad = parseOpportunityForm(
    'job',
    { ...job, posts: '2,5', salaryMin: '1e3', salaryMax: '-4' },
    options,
  );
  assert.equal(bad.ok, false);
  assert.deepEqual(Object.keys(bad.ok ? {} : bad.errors).sort(), ['posts', 'salaryMax', 'salaryMin']);
  const range = parseOpportunityForm('job', { ...job, salaryMin: '3000', salaryMax: '2000' }, options);
  assert.equal(
    range.ok ? '' : range.errors.salaryMax,
    'Le salaire maximum doit être supérieur ou égal au salaire minimum.',
  );
});

test('expiry: 60 days for a job by default, 180 otherwise; after today and within a year', () => {
  const byDefault = parseOpportunityForm('job', job, options);
  assert.ok(byDefault.ok);
  assert.equal(parisDate(byDefault.fields.expiresAt), '2026-05-09');
  assert.equal(
    byDefault.fields.expiresAt.toISOString(),
    '2026-05-09T21:59:59.000Z',
    'end of the day, summer time',
  );
  const housing = parseOpportunityForm(
    'housing',
    { ...job, housingKind: 'meuble', contractType: '', sector: '' },
    options,
  );
  assert.ok(housing.ok);
  assert.equal(parisDate(housing.fields.expiresAt), '2026-09-06');
  const error = (expiresOn: string) => {
    const r = parseOpportunityForm('job', { ...job, expiresOn }, options);
    return r.ok ? '' : r.errors.expiresOn;
  };
  assert.match(error('10/03/2026'), /dans le futur/);
  assert.equal(error('11/03/2026'), '');
  assert.equal(error('2027-03-10'), '');
  assert.match(error('2027-03-11'), /moins d’un an/);
  assert.match(error('30/02/2027'), /n’existe pas/);
  assert.match(error('demain'), /date valide/);
  assert.equal(endOfParisDay('2026-12-31').toISOString(), '2026-12-31T22:59:59.000Z', 'winter time');
});

test('lists from the database: a commune, an adviser or a profile outside them is refused', () => {
  const r = parseOpportunityForm(
    'takeover',
    {
      ...job,
      communeCode: '75056',
      businessKind: 'commerce',
      operation: 'fonds',
      confidentiality: 'epci',
      adviserId: '0b7c2a3e-2222-4222-8222-222222222222',
      profiles: ['wanted', 'inconnu'],
    },
    { ...options, sellerEditable: true },
  );
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.errors.communeCode, 'Choisissez une commune du Lot dans la liste.');
  assert.equal(r.errors.adviserId, 'Choisissez un conseiller dans la liste.');
  assert.equal(r.errors.profiles, 'Choisissez les profils dans la liste.');
  assert.match(r.errors.sellerName, /nom du cédant/);
  assert.deepEqual(r.values.profiles, ['wanted', 'inconnu'], 'the ticked boxes come back as they were');
});

test('housing periods: in order, empty rows dropped, end after start', () => {
  const base = { ...job, housingKind: 'passerelle', contractType: '', sector: '' };
  const ok = parseOpportunityForm(
    'housing',
    {
      ...base,
      periodFrom0: '01/07/2026',
      periodTo0: '31/08/2026',
      periodFrom1: '',
      periodTo1: '',
      periodFrom2: '2026-10-01',
    },
    options,
  );
  assert.ok(ok.ok);
  assert.deepEqual(ok.fields.details, {
    housingKind: 'passerelle',
    periods: [{ from: '2026-07-01', to: '2026-08-31' }, { from: '2026-10-01' }],
  });
  const bad = parseOpportunityForm(
    'housing',
    { ...base, periodFrom0: '2026-09-01', periodTo0: '2026-08-01', periodTo1: '2026-08-01' },
    options,
  );
  assert.equal(bad.ok, false);
  if (bad.ok) return;
  assert.match(bad.errors.periodTo0, /après son début/);
  assert.match(bad.errors.periodFrom1, /date de début/);
});

test('a stored opportunity fills its form, and saving keeps the details the form does not edit', () => {
  const stored = {
    kind: 'job',
    title: 'Technicien',
    description: 'd',
    communeCode: '46042',
    targetProfiles: ['wanted'],
    contractType: 'cdd',
    sector: 'industrie',
    priceBand: null,
    employerName: null,
    contactName: null,
    contactEmail: null,
    contactPhone: null,
    adviserId: null,
    startsOn: '2026-09-01',
    expiresAt: new Date('2026-06-30T21:59:59Z'),
    wanted: true,
    openToCouples: false,
    details: { romeCode: 'I1304', salaryMin: 2000, occupation: 'Technicien' },
  } as unknown as Opportunity;
  const values = formValuesOf(stored);
  assert.equal(values.expiresOn, '2026-06-30');
  assert.equal(values.salaryMin, '2000');
  assert.equal(values.wanted, '1');
  assert.deepEqual(mergeDetails('job', stored.details, { occupation: 'Technicien de maintenance' }), {
    romeCode: 'I1304',
    occupation: 'Technicien de maintenance',
  });
});
