import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  compareNames,
  foldAscii,
  indexLetter,
  normalizeSearch,
  slugify,
  transpositions,
  uniqueSlugs,
} from './text.js';

test('slugs are lowercase ascii-kebab', () => {
  assert.equal(slugify('Saint-Cirq-Lapopie'), 'saint-cirq-lapopie');
  assert.equal(slugify("Puy-l'Évêque"), 'puy-l-eveque');
  assert.equal(slugify('Cœur de Causse'), 'coeur-de-causse');
  assert.equal(slugify('Saint Géry-Vers'), 'saint-gery-vers');
  assert.equal(slugify('  Le Vignon-en-Quercy  '), 'le-vignon-en-quercy');
  assert.equal(slugify('CC Quercy - Bouriane'), 'cc-quercy-bouriane');
});

test('two names with the same slug both get their code', () => {
  const slugs = uniqueSlugs([
    { code: '46001', name: 'Saint-Jean' },
    { code: '46002', name: 'Saint Jean' },
    { code: '46003', name: 'Figeac' },
  ]);
  assert.equal(slugs.get('46001'), 'saint-jean-46001');
  assert.equal(slugs.get('46002'), 'saint-jean-46002');
  assert.equal(slugs.get('46003'), 'figeac');
});

test('search keys ignore case, accents, punctuation and spell out St/Ste', () => {
  assert.equal(normalizeSearch('St-Cirq  Lapopie'), 'saint cirq lapopie');
  assert.equal(normalizeSearch('saint cirq'), 'saint cirq');
  assert.equal(normalizeSearch('STE-ALAUZIE'), 'sainte alauzie');
  assert.equal(normalizeSearch('Puy-l’Évêque'), 'puy l eveque');
  assert.equal(normalizeSearch('CŒUR de causse'), 'coeur de causse');
  assert.equal(normalizeSearch('  46100 '), '46100');
  assert.equal(normalizeSearch('!!! ??'), '');
  // "st" inside a word is not an abbreviation
  assert.equal(normalizeSearch('Estal'), 'estal');
});

test('folding keeps letters and digits only as they are', () => {
  assert.equal(foldAscii('Éspédaillac'), 'espedaillac');
  assert.equal(foldAscii('Bélaye 46'), 'belaye 46');
});

test('alphabetical index files names under their first letter, accents folded', () => {
  assert.equal(indexLetter('Éspédaillac'), 'E');
  assert.equal(indexLetter('Œuf'), 'O');
  assert.equal(indexLetter('Albas'), 'A');
  assert.equal(indexLetter('123'), '#');
  assert.deepEqual(['Espère', 'Éspédaillac', 'Escamps'].sort(compareNames), [
    'Escamps',
    'Éspédaillac',
    'Espère',
  ]);
});

test('transpositions swap each pair of neighbouring letters once', () => {
  assert.ok(transpositions('cahros').includes('cahors'));
  assert.equal(transpositions('abc').length, 2);
  assert.deepEqual(transpositions('aa b'), []);
  assert.deepEqual(transpositions('x'.repeat(30)), [], 'long queries get none');
});
