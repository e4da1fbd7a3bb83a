import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Candidate, type MatchContext, rankBuddies, stems } from './match.js';

const ctx: MatchContext = {
  places: new Map([
    ['46042', { code: '46042', name: 'Cahors', epciCode: 'GC', lon: 1.4406, lat: 44.4475 }],
    ['46224', { code: '46224', name: 'Pradines', epciCode: 'GC', lon: 1.4008, lat: 44.4832 }],
    ['46102', { code: '46102', name: 'Figeac', epciCode: 'FI', lon: 2.0317, lat: 44.6086 }],
  ]),
  epciNames: new Map([
    ['GC', 'Grand Cahors'],
    ['FI', 'Grand-Figeac'],
  ]),
};

const candidate = (over: Partial<Candidate>): Candidate => ({
  id: over.name ?? 'x',
  name: 'X',
  communeCode: null,
  city: null,
  trade: null,
  interests: [],
  childrenAges: [],
  ...over,
});

const file = {
  communeCodes: ['46042'],
  epciCodes: ['GC'],
  trades: ['Infirmière'],
  childrenAges: [6, 9],
  words: 'Nous aimons la randonnée et la musique',
};

test('feminine, plural and accents meet in a trade word', () => {
  assert.deepEqual([...stems('Infirmière')], [...stems('infirmiers')]);
  assert.deepEqual([...stems('Coiffeuse')], [...stems('coiffeur')]);
  assert.deepEqual([...stems('Institutrice')], [...stems('instituteur')]);
  assert.notDeepEqual([...stems('Boulanger')], [...stems('infirmier')]);
});

test('suggestions are ranked by distance, trade, children and interests, each with its reason', () => {
  const ranked = rankBuddies(
    file,
    [
      candidate({ name: 'Alix Figeac', communeCode: '46102', trade: 'Infirmier' }),
      candidate({
        name: 'Bruno Pradines',
        communeCode: '46224',
        trade: 'Boulanger',
        childrenAges: [8, 15],
        interests: ['Randonnées', 'Cuisine'],
      }),
      candidate({ name: 'Chloé Cahors', communeCode: '46042', trade: 'infirmière', childrenAges: [7] }),
      candidate({ name: 'Dora Paris', city: 'Paris' }),
    ],
    ctx,
  );
  assert.deepEqual(
    ranked.map((s) => s.candidate.name),
    ['Chloé Cahors', 'Bruno Pradines', 'Alix Figeac', 'Dora Paris'],
  );
  assert.deepEqual(ranked[0].reasons, [
    'même commune (Cahors)',
    'même métier : infirmière',
    'enfants d’âges proches (7 ans)',
  ]);
  const [distance, ...others] = ranked[1].reasons;
  assert.match(distance, /^5,1 km \(Cahors → Pradines\)$/);
  assert.deepEqual(others, ['enfants d’âges proches (8 ans)', 'centres d’intérêt communs : Randonnées']);
  assert.ok(ranked[2].reasons.includes('même métier : Infirmier'));
  assert.deepEqual(ranked[3].reasons, []);
  assert.equal(ranked[3].score, 0);
});

test('without a commune, the same intercommunality counts; the list stops at the limit', () => {
  const many = Array.from({ length: 12 }, (_, i) =>
    candidate({
      id: `c${i}`,
      name: `Ambassadeur ${String(i).padStart(2, '0')}`,
      communeCode: i < 2 ? '46224' : '46102',
    }),
  );
  const ranked = rankBuddies(
    { ...file, communeCodes: [], trades: [], childrenAges: [], words: '' },
    many,
    ctx,
  );
  assert.equal(ranked.length, 10);
  assert.deepEqual(ranked[0].reasons, ['même intercommunalité (Grand Cahors)']);
  assert.deepEqual(
    ranked.slice(0, 2).map((s) => s.candidate.name),
    ['Ambassadeur 00', 'Ambassadeur 01'],
  );
});
