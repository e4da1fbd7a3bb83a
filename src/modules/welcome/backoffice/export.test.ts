import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createTestFile } from '../../../../test/helpers/welcome.js';
import { rows } from '../../../core/db/index.js';
import { guardFormula } from '../../../core/http/index.js';
import { filesCsv } from './export-format.js';
import { getPage, twoTeams } from './test-fixtures.js';

let t: TestApp;
let s: Awaited<ReturnType<typeof twoTeams>>;
before(async () => {
  t = await testApp();
  s = await twoTeams(t);
});
after(() => t.close());

const csvRows = (body: string) =>
  body
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => line.split(';'));

async function xlsxRows(payload: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Dossiers');
  assert.ok(sheet, 'the workbook has a « Dossiers » sheet');
  const out: string[][] = [];
  sheet.eachRow((row) => {
    out.push(
      (row.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString() : String(v ?? ''))),
    );
  });
  return out;
}

test('the CSV holds only the files of the actor’s scope, for Excel in French, and is journaled once', async () => {
  const a = await getPage(t, s.cookieA, '/admin/dossiers/export.csv');
  assert.equal(a.statusCode, 200);
  assert.match(String(a.headers['content-type']), /^text\/csv; charset=utf-8/);
  assert.match(
    String(a.headers['content-disposition']),
    /attachment; filename="dossiers-accueil-\d{4}-\d{2}-\d{2}\.csv"/,
  );
  assert.ok(a.body.startsWith('\uFEFF'), 'a byte order mark for Excel');
  const lines = csvRows(a.body);
  assert.equal(lines[0][0], 'Référence');
  assert.ok(lines[0].includes('Dernière activité'));
  assert.equal(lines.length, 3, 'a header and two files');
  const references = lines.slice(1).map((l) => l[0]);
  assert.deepEqual(references.sort(), [s.files.fileA1.reference, s.files.fileA2.reference].sort());
  assert.doesNotMatch(a.body, /Zoé Bernard|Brouillon/);
  // The phone +33… would be read as a formula: it gets an apostrophe.
  assert.match(a.body, /;'\+33 7 98 76 54 32;/);

  const b = csvRows((await getPage(t, s.cookieB, '/admin/dossiers/export.csv')).body);
  assert.deepEqual(
    b.slice(1).map((l) => l[0]),
    [s.files.fileB1.reference],
  );
  const dep = csvRows((await getPage(t, s.cookieDep, '/admin/dossiers/export.csv')).body);
  assert.equal(dep.length, 4);

  const journal = await rows<{
    action: string;
    target_type: string;
    target_id: string | null;
    diff: unknown;
  }>(
    t.ctx.db,
    sql`select action, target_type, target_id, diff from journal where action = 'file.export-list'
        and actor_id = ${s.refA.id}`,
  );
  assert.equal(journal.length, 1, 'one entry per export, not per file');
  assert.equal(journal[0].target_type, 'file-list');
  assert.equal(journal[0].target_id, null);
  assert.match(JSON.stringify(journal[0].diff), /"count":\{"after":2\}/);
});

test('the XLSX export parses back with the same scope and filters', async () => {
  const a = await getPage(t, s.cookieA, '/admin/dossiers/export.xlsx?q=lefevre');
  assert.equal(a.statusCode, 200);
  assert.equal(
    a.headers['content-type'],
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  const sheet = await xlsxRows(a.rawPayload);
  assert.equal(sheet[0][0], 'Référence');
  assert.equal(sheet.length, 2);
  assert.equal(sheet[1][0], s.files.fileA1.reference);
  assert.equal(sheet[1][1], 'Élodie Lefèvre');

  const b = await xlsxRows((await getPage(t, s.cookieB, '/admin/dossiers/export.xlsx')).rawPayload);
  assert.deepEqual(
    b.slice(1).map((r) => r[0]),
    [s.files.fileB1.reference],
  );
  assert.ok(!b.flat().some((cell) => /Lefèvre|Andrieu/.test(cell)));
  const journal = await rows<{ diff: unknown }>(
    t.ctx.db,
    sql`select diff from journal where action = 'file.export-list' and actor_id = ${s.refA.id} order by id desc limit 1`,
  );
  assert.match(JSON.stringify(journal[0].diff), /"format":\{"after":"xlsx"\}/);
  assert.match(JSON.stringify(journal[0].diff), /"q":"lefevre"/);
});

test('a formula typed by a household is neutralised in both formats', async () => {
  const file = await createTestFile(t.ctx.db, {
    leadOrganisationId: s.orgB.id,
    contactName: '=HYPERLINK("http://evil.example","clic")',
  });
  const csv = (await getPage(t, s.cookieB, '/admin/dossiers/export.csv')).body;
  assert.match(csv, /;"'=HYPERLINK\(""http:\/\/evil\.example"",""clic""\)";/);
  const sheet = await xlsxRows((await getPage(t, s.cookieB, '/admin/dossiers/export.xlsx')).rawPayload);
  const row = sheet.find((r) => r[0] === file.reference);
  assert.equal(row?.[1], `'=HYPERLINK("http://evil.example","clic")`);
  for (const v of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1']) assert.ok(guardFormula(v).startsWith("'"));
  assert.equal(guardFormula('Camille'), 'Camille');
  assert.equal(filesCsv([], { publicUrl: '', profileNames: new Map() }).split('\r\n').length, 2);
});

test('an export with an invalid filter is refused in French, and a visitor or an editor gets nothing', async () => {
  const bad = await getPage(t, s.cookieA, '/admin/dossiers/export.csv?etape=nimporte');
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Choisissez une étape dans la liste/);
  const anonymous = await t.app.inject({ method: 'GET', url: '/admin/dossiers/export.xlsx' });
  assert.notEqual(anonymous.statusCode, 200);
  assert.doesNotMatch(anonymous.body, /Lefèvre/);
});
