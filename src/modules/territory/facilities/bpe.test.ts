import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { freshDatabase } from '../../../../test/helpers/db.js';
import type { Database } from '../../../core/db/index.js';
import { rows } from '../../../core/db/index.js';
import { readDataVersion } from '../../../core/http/index.js';
import { BpeFileError, importBpe, pointOf } from './bpe.js';
import { runBpeImport } from './bpe-run.js';
import { demoSource } from './seed.js';

let database: Database;
before(async () => {
  database = await freshDatabase();
});
after(() => database.close());

const facilitiesOf = (source: string) =>
  rows<{
    type_code: string;
    commune_code: string;
    name: string | null;
    lon: number | null;
    lat: number | null;
  }>(
    database.db,
    sql`select type_code, commune_code, name, lon, lat from facilities where source = ${source} order by type_code, name`,
  );

test('the seeded demo extract is loaded, marked as demonstration data', async () => {
  const [demo] = await rows<{ n: number; demo: number }>(
    database.db,
    sql`select count(*)::int as n, count(*) filter (where demo)::int as demo from facilities where source = ${demoSource}`,
  );
  assert.ok(demo.n > 150, `demo rows: ${demo.n}`);
  assert.equal(demo.demo, demo.n);
  const facts = await rows(
    database.db,
    sql`select * from commune_facts where commune_code = '46042' and demo`,
  );
  assert.equal(facts.length, 2);
});

test('geolocated layout, `;` and Latin-1: Lambert 93 becomes WGS84, other départements and unknown types are skipped', async () => {
  const csv = [
    'AN;REG;DEP;DEPCOM;DCIRIS;TYPEQU;LAMBERT_X;LAMBERT_Y;QUALITE_XY',
    '2023;76;46;46042;460420000;D301;575923.4;6373630.7;Bonne',
    '2023;76;46;46042;460420000;B203;575000;6373000;Mauvaise',
    '2023;76;12;12202;122020000;D301;650000;6360000;Bonne',
    '2023;76;46;46102;461020000;Z999;622000;6390000;Bonne',
    '2023;76;46;46102;461020000;C104;;;Non géolocalisé',
  ].join('\r\n');
  const result = await importBpe(database.db, {
    content: Buffer.from(csv, 'latin1'),
    fileName: 'bpe-46.csv',
    source: 'INSEE, BPE 2023 (test latin-1)',
    sourceDate: '2023-01-01',
  });
  assert.equal(result.rows, 5);
  assert.equal(result.inserted, 3);
  assert.equal(result.skipped, 2);
  assert.deepEqual(result.problems, [
    { line: 5, message: 'Type d’équipement « Z999 » absent du catalogue : ligne ignorée.' },
  ]);
  const list = await facilitiesOf('INSEE, BPE 2023 (test latin-1)');
  const pharmacy = list.find((f) => f.type_code === 'D301');
  assert.ok(pharmacy?.lon && pharmacy.lat);
  assert.ok(Math.abs(pharmacy.lon - 1.44) < 0.01, `lon ${pharmacy.lon}`);
  assert.ok(Math.abs(pharmacy.lat - 44.45) < 0.01, `lat ${pharmacy.lat}`);
  assert.equal(list.find((f) => f.type_code === 'B203')?.lon, null, 'a poor point is not kept');
  assert.equal(list.find((f) => f.type_code === 'C104')?.lat, null);
  const [run] = await rows<{ rows: number; inserted: number; problems: unknown[] }>(
    database.db,
    sql`select rows, inserted, problems from facility_imports where id = ${result.id}`,
  );
  assert.equal(run.inserted, 3);
  assert.equal(run.problems.length, 1);
});

test('detailed layout with `,`, quoted names and LONGITUDE/LATITUDE; a re-import of the source replaces its rows', async () => {
  const header =
    'an,nomrs,cnomrs,dom,sdom,typequ,siret,reg,dep,depcom,dciris,lambert_x,lambert_y,longitude,latitude,epsg,qualite_xy,qualite_geoloc,lib_mod,tr_dist_precision';
  const first = [
    header,
    '2023,"Pharmacie du Lot, centre",,D,D3,D301,,76,46,46128,461280000,,,1.7201,44.7651,2154,Bonne,Bonne,Pharmacie,',
    '2023,Boulangerie de la Place,,B,B2,B203,,76,46,46128,461280000,,,1.7150,44.7620,2154,Acceptable,Acceptable,Boulangerie,',
  ].join('\n');
  const source = 'INSEE, BPE 2023 (test détaillé)';
  const r1 = await importBpe(database.db, {
    content: first,
    fileName: 'a.csv',
    source,
    sourceDate: '2023-01-01',
  });
  assert.equal(r1.inserted, 2);
  const list = await facilitiesOf(source);
  assert.equal(list[0].name, 'Boulangerie de la Place');
  assert.equal(list[1].name, 'Pharmacie du Lot, centre');
  assert.equal(list[1].lon, 1.7201);
  assert.equal(list[1].lat, 44.7651);
  // A real import removes the fictitious demo extract.
  const [demo] = await rows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from facilities where demo`,
  );
  assert.equal(demo.n, 0);

  const second = [
    header,
    '2023,Pharmacie neuve,,D,D3,D301,,76,46,46128,461280000,,,1.72,44.76,2154,Bonne,Bonne,,',
  ].join('\n');
  await importBpe(database.db, { content: second, fileName: 'b.csv', source, sourceDate: '2024-01-01' });
  const replaced = await facilitiesOf(source);
  assert.deepEqual(
    replaced.map((f) => f.name),
    ['Pharmacie neuve'],
  );
  assert.ok((await facilitiesOf('INSEE, BPE 2023 (test latin-1)')).length > 0, 'other sources are kept');
});

test('a file that is not a BPE CSV is refused in French and changes nothing', async () => {
  const before = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from facilities`);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
  await assert.rejects(
    importBpe(database.db, { content: png, fileName: 'x.png', source: 'X', sourceDate: '2023-01-01' }),
    (e: Error) => e instanceof BpeFileError && /n’est pas un fichier CSV/.test(e.message),
  );
  await assert.rejects(
    importBpe(database.db, {
      content: 'nom;prenom\na;b\n',
      fileName: 'x.csv',
      source: 'X',
      sourceDate: '2023-01-01',
    }),
    (e: Error) => e instanceof BpeFileError && /DEPCOM et TYPEQU/.test(e.message),
  );
  const broken = 'DEPCOM;TYPEQU;NOMRS\n46042;D301;"ok"\n46042;D301;"pas fermé\n';
  await assert.rejects(
    importBpe(database.db, {
      content: broken,
      fileName: 'x.csv',
      source: 'INSEE, BPE 2023 (test latin-1)',
      sourceDate: '2023-01-01',
    }),
    (e: Error) => e instanceof BpeFileError && /CSV lisible/.test(e.message),
  );
  // Another département's extract under the same source: nothing of the territory, nothing replaced.
  await assert.rejects(
    importBpe(database.db, {
      content: 'DEPCOM;TYPEQU\n12202;D301\n46042;X999\n',
      fileName: 'aveyron.csv',
      source: 'INSEE, BPE 2023 (test latin-1)',
      sourceDate: '2023-01-01',
    }),
    (e: Error) =>
      e instanceof BpeFileError && /rien n’a été importé/.test(e.message) && /X999/.test(e.message),
  );
  const afterRows = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from facilities`);
  assert.equal(afterRows[0].n, before[0].n);
  assert.ok(
    (await facilitiesOf('INSEE, BPE 2023 (test latin-1)')).length > 0,
    'the source’s rows survived the failed re-import',
  );
});

test('accented names of a Latin-1 file are read right', async () => {
  const csv = 'DEPCOM;TYPEQU;NOMRS;QUALITE_GEOLOC\n46148;C104;École élémentaire Émile;Non géolocalisé\n';
  const source = 'INSEE, BPE 2023 (test noms)';
  await importBpe(database.db, {
    content: Buffer.from(csv, 'latin1'),
    fileName: 'n.csv',
    source,
    sourceDate: '2023-01-01',
  });
  assert.equal((await facilitiesOf(source))[0]?.name, 'École élémentaire Émile');
});

test('pointOf: quality decides, WGS84 is preferred, missing points give null', () => {
  assert.deepEqual(pointOf({ LONGITUDE: '1,5', LATITUDE: '44,5', QUALITE_GEOLOC: 'Bonne' }), {
    lon: 1.5,
    lat: 44.5,
  });
  assert.equal(pointOf({ LONGITUDE: '1.5', LATITUDE: '44.5', QUALITE_GEOLOC: 'Mauvaise' }), null);
  assert.equal(pointOf({ LAMBERT_X: '', LAMBERT_Y: '' }), null);
  assert.equal(pointOf({ LONGITUDE: '120', LATITUDE: '44' }), null);
});

test('a file on disk (the national file, from the command line) streams in, is journaled and refreshes the pages', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bpe-'));
  const file = path.join(dir, 'bpe-france.csv');
  // Rows of other départements first, more than the sniffed head, then a Latin-1 name of the Lot.
  const other = '2023;93;13;13055;130550101;D301;892000;6247000;Bonne\n'.repeat(30_000);
  fs.writeFileSync(
    file,
    Buffer.concat([
      Buffer.from('AN;REG;DEP;DEPCOM;DCIRIS;TYPEQU;LAMBERT_X;LAMBERT_Y;QUALITE_XY;NOMRS\n'),
      Buffer.from(other),
      Buffer.from('2023;76;46;46042;460420000;D301;575923.4;6373630.7;Bonne;Pharmacie Sévigné\n', 'latin1'),
      // A type the catalogue does not hold, three times: one problem names it with its count.
      Buffer.from('2023;76;46;46042;460420000;X999;;;Bonne;\n'.repeat(3)),
    ]),
  );
  const version = await readDataVersion(database.db);
  const source = 'INSEE, BPE 2023 (test fichier)';
  const result = await runBpeImport(
    database.db,
    { content: { path: file }, fileName: 'bpe-france.csv', source, sourceDate: '2023-01-01' },
    { id: null, label: 'ligne de commande' },
  );
  fs.rmSync(dir, { recursive: true });
  assert.equal(result.rows, 30_004);
  assert.equal(result.inserted, 1);
  assert.deepEqual(result.problems, [
    {
      line: 30_003,
      message: 'Type d’équipement « X999 » absent du catalogue : 3 lignes ignorées, dont celle-ci.',
    },
  ]);
  assert.equal((await facilitiesOf(source))[0]?.name, 'Pharmacie Sévigné');
  const [entry] = await rows<{ actor_label: string; target_id: string }>(
    database.db,
    sql`select actor_label, target_id from journal where action = 'facility.import' order by id desc limit 1`,
  );
  assert.deepEqual(entry, { actor_label: 'ligne de commande', target_id: result.id });
  assert.ok((await readDataVersion(database.db)) > version, 'cached pages are refreshed');
  await assert.rejects(
    runBpeImport(
      database.db,
      { content: { path: file }, fileName: 'x.csv', source, sourceDate: '2023-01-01' },
      { id: null, label: 'ligne de commande' },
    ),
    (e: unknown) => e instanceof BpeFileError && /Fichier illisible/.test(e.message),
  );
});
