import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvFileName, opportunitiesCsv } from './csv-export.js';
import { publicOpportunity } from './test-fixtures.js';

/** A tiny RFC 4180 reader (`;` separated), to check the file reads back cell for cell. */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ';') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      out.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  assert.equal(quoted, false, 'no unterminated quote');
  assert.equal(cell + row.join(''), '', 'the file ends with CRLF');
  return out;
}

const options = {
  publicUrl: 'https://example.org',
  kinds: [],
  profileNames: new Map([['wanted', 'Wanted']]),
};

test('the file: BOM, French headers, one line per opportunity, read back cell for cell', () => {
  const tricky = publicOpportunity({
    title: '=cmd|"/c calc"!A1',
    description: 'Ligne 1 ; suite\nLigne 2 « guillemets " »',
  });
  const csv = opportunitiesCsv([tricky, publicOpportunity({ id: 'b'.repeat(36), kind: 'housing' })], options);
  assert.ok(csv.startsWith('\uFEFF'), 'UTF-8 byte order mark for spreadsheet software');
  const [header, first, second, ...rest] = parseCsv(csv.slice(1));
  assert.equal(rest.length, 0);
  assert.deepEqual(header.slice(0, 4), ['Identifiant', 'Type', 'Titre', 'Description']);
  for (const name of ['Commune', 'Intercommunalité', 'Type de contrat', 'Adresse de la page', 'Expire le'])
    assert.ok(header.includes(name), name);
  assert.equal(first.length, header.length);
  assert.equal(second.length, header.length);
  const cell = (row: string[], name: string) => row[header.indexOf(name)];
  assert.equal(cell(first, 'Titre'), `'=cmd|"/c calc"!A1`);
  assert.equal(cell(first, 'Description'), 'Ligne 1 ; suite\nLigne 2 « guillemets " »');
  assert.equal(cell(first, 'Type'), 'Offre d’emploi');
  assert.equal(cell(first, 'Type de contrat'), 'CDI');
  assert.equal(cell(first, 'Secteur'), 'Santé et social');
  assert.equal(cell(first, 'Longitude'), '1,4365');
  assert.equal(cell(first, 'Métier recherché'), 'oui');
  assert.equal(cell(first, 'Publics visés'), 'Wanted');
  assert.equal(cell(first, 'Temps de travail'), 'Temps plein', 'details by their label');
  assert.equal(cell(first, 'Nombre de postes'), '2');
  assert.equal(cell(first, 'Publiée le'), '2025-03-14 09:30', 'Paris time');
  assert.equal(cell(first, 'Adresse de la page'), `https://example.org/opportunites/${tricky.id}`);
  assert.equal(cell(second, 'Type'), 'Logement temporaire');
});

test('only the searched kinds’ detail columns; a takeover never shows a contact or a stray detail', () => {
  const jobsOnly = parseCsv(opportunitiesCsv([], { ...options, kinds: ['job'] }).slice(1))[0];
  assert.ok(jobsOnly.includes('Temps de travail'));
  assert.ok(!jobsOnly.includes('Opération'), 'no takeover column in a job export');
  const takeover = publicOpportunity({
    kind: 'takeover',
    employerName: 'Fuite SARL',
    contactName: 'Fuite Nom',
    contactEmail: 'fuite@example.org',
    contactPhone: '06 00 00 00 00',
    // A key no schema declares (an old import, a bug): it must not reach the file.
    details: { operation: 'fonds', sellerName: 'Fuite Cédant' } as never,
  });
  const csv = opportunitiesCsv([takeover], { ...options, kinds: ['takeover'] });
  for (const secret of ['Fuite SARL', 'Fuite Nom', 'fuite@example.org', '06 00 00 00 00', 'Fuite Cédant'])
    assert.ok(!csv.includes(secret), secret);
  const [header, row] = parseCsv(csv.slice(1));
  assert.equal(row[header.indexOf('Opération')], 'Cession du fonds');
});

test('the file is named after the day in Paris', () => {
  assert.equal(csvFileName(new Date('2025-12-31T23:30:00Z')), 'opportunites-2026-01-01.csv');
});
