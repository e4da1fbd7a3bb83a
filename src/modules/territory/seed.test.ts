import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { geoArea, geoCentroid, geoContains } from 'd3-geo';
import { sql } from 'drizzle-orm';
import { freshDatabase } from '../../../test/helpers/db.js';
import { type Database, one, rows } from '../../core/db/index.js';
import { seedTerritory } from './seed.js';
import type { Outline } from './topology.js';

let database: Database;
before(async () => {
  database = await freshDatabase();
});
after(() => database.close());

const db = () => database.db;

async function checksum(
  table: 'communes' | 'epcis' | 'departements',
): Promise<{ n: number; digest: string }> {
  const row = await one<{ n: number; digest: string }>(
    db(),
    sql`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t.code), '')) as digest from ${sql.identifier(table)} t`,
  );
  return row!;
}

const snapshot = async () => ({
  communes: await checksum('communes'),
  epcis: await checksum('epcis'),
  departements: await checksum('departements'),
});

interface CommuneRow {
  code: string;
  name: string;
  slug: string;
  outline: Outline;
  centroid_lon: number;
  centroid_lat: number;
  neighbours: string[];
  former_communes: { code: string; name: string }[];
  epci_code: string | null;
}

const allCommunes = () => rows<CommuneRow>(db(), sql`select * from communes order by code`);

test('the Lot, its 312 current communes and the 10 EPCIs with members there are seeded', async () => {
  const counts = await one<{ communes: number; epcis: number; deps: number; lot: number }>(
    db(),
    sql`select (select count(*)::int from communes) as communes, (select count(*)::int from epcis) as epcis,
               (select count(*)::int from departements) as deps,
               (select count(*)::int from communes where departement_code = '46') as lot`,
  );
  assert.deepEqual(counts, { communes: 312, epcis: 10, deps: 1, lot: 312 });
  const dep = await one<{ name: string; chef_lieu: string; outline: Outline }>(
    db(),
    sql`select * from departements`,
  );
  assert.equal(dep?.name, 'Lot');
  assert.equal(dep?.chef_lieu, '46042');
  assert.equal(dep?.outline.type, 'Polygon');
  const orphans = await one<{ n: number }>(
    db(),
    sql`select count(*)::int as n from communes where epci_code is null or epci_code not in (select code from epcis)`,
  );
  assert.equal(orphans?.n, 0, 'every commune belongs to a seeded EPCI');
});

test('every commune has a non-empty outline and a centroid inside the Lot', async () => {
  const dep = await one<{ outline: Outline }>(db(), sql`select outline from departements`);
  for (const c of await allCommunes()) {
    assert.ok(['Polygon', 'MultiPolygon'].includes(c.outline.type), c.code);
    const rings = c.outline.type === 'Polygon' ? c.outline.coordinates : c.outline.coordinates.flat();
    assert.ok(rings.length > 0 && rings[0].length >= 4, `${c.code} has a ring`);
    assert.ok(
      c.centroid_lon > 0.98 && c.centroid_lon < 2.22 && c.centroid_lat > 44.2 && c.centroid_lat < 45.05,
      `${c.name} centroid in the Lot's bbox`,
    );
    assert.ok(
      geoContains(dep!.outline, [c.centroid_lon, c.centroid_lat]),
      `${c.name} centroid inside the département`,
    );
    const km2 = geoArea(c.outline) * 6371 ** 2;
    assert.ok(km2 > 1 && km2 < 200, `${c.name}: ${km2} km², wound as d3-geo expects (not the whole globe)`);
  }
});

test('the five communes nouvelles of 2019 carry their former outlines and communes', async () => {
  const geo = JSON.parse(
    fs.readFileSync(path.resolve('data/geo/communes-46-lot-2018.geojson'), 'utf8'),
  ) as GeoJSON.FeatureCollection;
  const outline2018 = (code: string) =>
    geo.features.find((f) => f.properties?.code === code)!.geometry as Outline;
  const mergers: Record<string, string[]> = {
    '46263': ['46014', '46285'],
    '46033': ['46099', '46278', '46300'],
    '46172': ['46217'],
    '46232': ['46067'],
    '46083': ['46298'],
  };
  const communes = new Map((await allCommunes()).map((c) => [c.code, c]));
  for (const [code, absorbed] of Object.entries(mergers)) {
    const commune = communes.get(code)!;
    const parts = [code, ...absorbed];
    for (const part of parts) {
      const inside = geoContains(commune.outline, geoCentroid(outline2018(part)));
      assert.ok(inside, `${commune.name} covers the former ${part}`);
    }
    const sumOfParts = parts.reduce((sum, p) => sum + geoArea(outline2018(p)), 0);
    assert.ok(
      Math.abs(geoArea(commune.outline) / sumOfParts - 1) < 1e-6,
      `${commune.name}: the area is the sum of its parts`,
    );
    assert.equal(
      commune.outline.type,
      'Polygon',
      `${commune.name}: shared borders dissolved into one outline`,
    );
    const former = commune.former_communes.map((f) => f.code);
    for (const part of absorbed)
      assert.ok(former.includes(part), `${commune.name} lists ${part} as a former commune`);
    for (const part of absorbed) assert.ok(!communes.has(part), `${part} is no longer a commune`);
  }
  assert.deepEqual(
    communes.get('46033')!.former_communes.map((f) => f.name),
    ['Le Boulvé', 'Fargues', 'Saint-Matré', 'Saux'],
  );
});

test('neighbours share a border: Cahors borders Pradines, Mercuès and Arcambal; the relation is symmetric', async () => {
  const communes = new Map((await allCommunes()).map((c) => [c.code, c]));
  const cahors = communes.get('46042')!;
  for (const code of ['46224', '46191', '46007'])
    assert.ok(cahors.neighbours.includes(code), `Cahors borders ${code}`);
  assert.ok(!cahors.neighbours.includes('46102'), 'Cahors does not border Figeac');
  assert.ok(
    communes.get('46033')!.neighbours.includes('46263'),
    'Porte-du-Quercy borders Barguelonne-en-Quercy',
  );
  for (const c of communes.values()) {
    assert.ok(c.neighbours.length > 0, `${c.name} has neighbours`);
    for (const n of c.neighbours) assert.ok(communes.get(n)?.neighbours.includes(c.code), `${c.code} ↔ ${n}`);
  }
});

test('EPCIs: official population, members, the two reaching into Aveyron, seats', async () => {
  const epcis = new Map(
    (
      await rows<{
        code: string;
        name: string;
        slug: string;
        population: number;
        member_count: number;
        other_departements: string[];
        members_outside: number;
        seat_name: string;
        seat_code: string;
        seat_lon: number;
      }>(db(), sql`select * from epcis`)
    ).map((e) => [e.code, e]),
  );
  const figeac = epcis.get('200067361')!;
  assert.deepEqual([figeac.other_departements, figeac.members_outside, figeac.member_count], [['12'], 6, 92]);
  const ouestAveyron = epcis.get('200069383')!;
  assert.deepEqual([ouestAveyron.other_departements, ouestAveyron.members_outside], [['12'], 27]);
  assert.equal(ouestAveyron.seat_name, 'Villefranche-de-Rouergue');
  assert.ok(ouestAveyron.seat_lon > 2 && ouestAveyron.seat_lon < 2.1);
  assert.equal([...epcis.values()].filter((e) => e.members_outside > 0).length, 2);
  assert.equal(epcis.get('200023737')!.population, 43571, 'populationTotale of the Grand Cahors');
  assert.equal(epcis.get('200023737')!.seat_name, 'Cahors');
  assert.equal(epcis.get('244600482')!.seat_name, 'Gourdon');
  for (const e of epcis.values()) {
    assert.ok(e.seat_code && e.seat_lon, `${e.name} has a seat`);
    assert.match(e.slug, /^[a-z0-9-]+$/);
  }
});

test('slugs are unique ascii-kebab', async () => {
  const communes = await allCommunes();
  assert.equal(new Set(communes.map((c) => c.slug)).size, 312);
  for (const c of communes) assert.match(c.slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  assert.equal(communes.find((c) => c.code === '46231')!.slug, 'puy-l-eveque');
});

test('seeding again changes nothing; an incomplete territory is completed, the rest left alone', async () => {
  const before = await snapshot();
  const lines: string[] = [];
  await seedTerritory(db(), (line) => lines.push(line));
  assert.deepEqual(await snapshot(), before, 'second run: same rows, same content');
  assert.equal(lines.length, 0, 'second run: nothing to report');

  // A territory seeded halfway (the seed is one transaction, but a database may be restored or edited):
  // without its département row the seed runs in full and inserts only what is missing.
  await db().execute(sql`delete from communes where code = '46224'`);
  await db().execute(sql`delete from departements`);
  const others = await checksum('communes');
  await seedTerritory(db(), (line) => lines.push(line));
  const restored = await one<{ name: string; neighbours: string[] }>(
    db(),
    sql`select name, neighbours from communes where code = '46224'`,
  );
  assert.equal(restored?.name, 'Pradines');
  assert.ok(restored?.neighbours.includes('46042'));
  const unchanged = await one<{ n: number; digest: string }>(
    db(),
    sql`select count(*)::int as n, md5(string_agg(t::text, '|' order by t.code)) as digest from communes t where code <> '46224'`,
  );
  assert.deepEqual(unchanged, others, 'the other communes are untouched');
  assert.match(lines.join('\n'), /1 département, 0 EPCIs, 1 communes added/);
  const after = await snapshot();
  assert.deepEqual([after.epcis, after.departements], [before.epcis, before.departements]);
});
