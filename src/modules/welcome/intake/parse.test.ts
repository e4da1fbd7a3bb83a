import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPhone, parseEuros } from './parse.js';
import { suggestProfile } from './profile.js';
import { furthest } from './steps.js';

test('amounts typed the French way', () => {
  const cases: [string, number | null][] = [
    ['850', 850],
    ['850 €', 850],
    ['1 200', 1200],
    ['1\u202f200 €', 1200],
    ['1.200', 1200],
    ['250 000 euros', 250000],
    ['1 200,50', 1200],
    ['250k', 250000],
    ['12,5', 12],
    ['€ 900', 900],
    ['beaucoup', null],
    ['-300', null],
    ['1 2 3,4,5', null],
    ['', null],
  ];
  for (const [input, expected] of cases) assert.equal(parseEuros(input), expected, input);
});

test('phone numbers', () => {
  assert.ok(isPhone('06 12 34 56 78'));
  assert.ok(isPhone('06.12.34.56.78'));
  assert.ok(isPhone('+33 6 12 34 56 78'));
  assert.ok(!isPhone('12'));
  assert.ok(!isPhone('06 12 34'));
});

test('the suggested profile follows the answers', () => {
  const base = { occupations: [], adultAges: [], projectKinds: [] };
  assert.equal(
    suggestProfile({ ...base, occupations: ['Infirmière'], projectKinds: ['takeover'] }),
    'wanted',
  );
  assert.equal(suggestProfile({ ...base, occupations: ['Ingénieur logiciel'] }), 'wanted');
  assert.equal(
    suggestProfile({ ...base, occupations: ['Boulanger'], projectKinds: ['creation'] }),
    'secondes-vies',
  );
  assert.equal(suggestProfile({ ...base, projectKinds: ['studies'] }), 'jeunes');
  assert.equal(suggestProfile({ ...base, adultAges: [24, 27], projectKinds: ['salaried'] }), 'jeunes');
  assert.equal(
    suggestProfile({ ...base, adultAges: [24, null], projectKinds: ['salaried'] }),
    'secondes-vies',
  );
  assert.equal(suggestProfile({ ...base, projectKinds: ['retirement'] }), null);
  assert.equal(
    suggestProfile({ ...base, occupations: ['Encadrante'] }),
    null,
    'a stem matches a word start only',
  );
});

test('the step reached only moves forward', () => {
  assert.equal(furthest('foyer', 'foyer'), 'projet');
  assert.equal(furthest('profil', 'foyer'), 'profil');
  assert.equal(furthest('recapitulatif', 'consentement'), 'recapitulatif');
});
