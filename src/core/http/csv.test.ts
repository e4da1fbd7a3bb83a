import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvCell, csvDocument, csvText, guardFormula } from './csv.js';

test('cells are quoted as RFC 4180 says: separator, quote and line breaks', () => {
  assert.equal(csvText('simple'), 'simple');
  assert.equal(csvText('a;b'), '"a;b"');
  assert.equal(csvText('dit "bonjour"'), '"dit ""bonjour"""');
  assert.equal(csvText('deux\nlignes'), '"deux\nlignes"');
  assert.equal(csvText('retour\r\nchariot'), '"retour\r\nchariot"');
  assert.equal(csvText('virgule, ok'), 'virgule, ok', 'the comma is no separator here');
  assert.equal(csvCell(1.5), '1,5', 'French decimal comma');
  assert.equal(csvCell(-0.25), '-0,25', 'a number of ours is no formula');
  assert.equal(csvCell(true), 'oui');
  assert.equal(csvCell(null), '');
});

test('a cell a spreadsheet would run as a formula gets a leading apostrophe', () => {
  for (const evil of ['=HYPERLINK("http://x","y")', '+33 5 65', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
    const cell = csvText(evil);
    const value = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
    assert.equal(value, `'${evil}`, `protected: ${JSON.stringify(evil)}`);
  }
  assert.equal(csvText('Tarif = 10 €'), 'Tarif = 10 €', 'only a leading sign is dangerous');
});

test('a document starts with the byte order mark and ends every line with CRLF; dates in Paris time', () => {
  const text = csvDocument(['Nom', 'Le'], [['Camille', new Date('2026-07-01T08:30:00Z')]]);
  assert.equal(text, '\uFEFFNom;Le\r\nCamille;2026-07-01 10:30\r\n');
  assert.equal(guardFormula('=1+1'), "'=1+1");
  assert.equal(guardFormula('Camille'), 'Camille');
});
