import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { rows } from '../../../core/db/index.js';
import { bumpDataVersion } from '../../../core/http/index.js';
import { whySitemapEntries } from './index.js';

let t: TestApp;
let epciCount = 0;

before(async () => {
  t = await testApp();
  const db = t.db();
  // Start from no facts at all, whatever the seed ships, so each figure below is the test's own.
  await db.execute(sql`delete from facilities`);
  await db.execute(sql`delete from commune_facts`);
  const firsts = await rows<{ code: string }>(
    db,
    sql`select min(code) as code from communes where epci_code is not null group by epci_code`,
  );
  epciCount = (await rows(db, sql`select code from epcis`)).length;
  for (const [i, c] of firsts.entries()) {
    for (let n = 0; n <= i; n++)
      await db.execute(sql`insert into facilities (type_code, commune_code, name, source, source_date)
        values ('D265', ${c.code}, ${`Cabinet ${i}-${n}`}, 'INSEE, BPE 2023', '2024-01-01')`);
  }
  await db.execute(sql`insert into facilities (type_code, commune_code, source, source_date, demo)
    values ('C108', ${firsts[0].code}, 'Extrait de démonstration', '2023-06-30', true)`);
  await db.execute(sql`insert into contents (kind, slug, title, summary, status, publish_at, themes)
    values ('story', 'medecin-a-gramat', 'Installer son cabinet à Gramat', 'Un médecin raconte.', 'published',
      now() - interval '1 day', array['sante']),
    ('story', 'sante-brouillon', 'Brouillon santé caché', '', 'draft', null, array['sante'])`);
  await bumpDataVersion(db);
});
after(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

/** The section of the page holding one chart, by its heading id. */
function section(html: string, id: string): string {
  const start = html.indexOf(`id="graphique-${id}"`);
  assert.ok(start > 0, `chart ${id} on the page`);
  const end = html.indexOf('</section>', start);
  return html.slice(start, end);
}

test('the health page draws one bar per EPCI from the facilities, with its source and date', async () => {
  const res = await get('/pourquoi-le-lot/sante');
  assert.equal(res.statusCode, 200);
  const chart = section(res.body, 'generalistes');
  assert.match(chart, /<svg class="bar-chart"[^>]*role="img"/);
  assert.match(
    chart,
    /<title id="svg-generalistes-title">Médecins généralistes par intercommunalité<\/title>/,
  );
  assert.equal([...chart.matchAll(/<rect /g)].length, epciCount);
  assert.match(chart.replace(/<[^>]+>/g, ''), /Source : INSEE, BPE 2023, au 1 janvier 2024\./);
  // The same figures as a table, for assistive technologies.
  assert.match(chart, /<caption>Médecins généralistes par intercommunalité<\/caption>/);
  assert.equal([...chart.matchAll(/<th scope="row">/g)].length, epciCount);
  assert.doesNotMatch(chart, /démonstration/);
  // No pharmacy was inserted: said so, nothing drawn.
  const pharmacies = section(res.body, 'pharmacies');
  assert.match(pharmacies, /Données pas encore chargées/);
  assert.doesNotMatch(pharmacies, /<svg/);
  // Its public content, not the draft.
  assert.match(res.body, /href="\/recits\/medecin-a-gramat"/);
  assert.doesNotMatch(res.body, /Brouillon santé caché/);
});

test('demo figures are labelled as such', async () => {
  const res = await get('/pourquoi-le-lot/education');
  assert.equal(res.statusCode, 200);
  assert.match(
    section(res.body, 'ecoles'),
    /Extrait de démonstration, au 30 juin 2023.*données de démonstration/s,
  );
});

test('a theme without data says so; an unknown theme is a French 404', async () => {
  const fibre = await get('/pourquoi-le-lot/numerique');
  assert.equal(fibre.statusCode, 200);
  assert.match(fibre.body, /Données pas encore chargées/);
  assert.doesNotMatch(fibre.body, /class="bar-chart"/);
  const heritage = await get('/pourquoi-le-lot/patrimoine');
  assert.match(heritage.body, /Données pas encore chargées/);
  const unknown = await get('/pourquoi-le-lot/plage');
  assert.equal(unknown.statusCode, 404);
  assert.match(unknown.body, /Ce thème n’existe pas/);
});

test('the overview links every theme and gives the key figure from the data', async () => {
  const res = await get('/pourquoi-le-lot');
  assert.equal(res.statusCode, 200);
  for (const slug of ['nature', 'sante', 'numerique', 'emploi'])
    assert.match(res.body, new RegExp(`href="/pourquoi-le-lot/${slug}"`));
  const total = (epciCount * (epciCount + 1)) / 2;
  assert.match(res.body, new RegExp(`<strong>${total}</strong> médecins généralistes`));
  assert.equal(whySitemapEntries().length, 11);
});

test('the nature page draws density from the communes table', async () => {
  const res = await get('/pourquoi-le-lot/nature');
  assert.equal(res.statusCode, 200);
  assert.equal([...section(res.body, 'densite').matchAll(/<rect /g)].length, epciCount);
});

test('fibre coverage is averaged per EPCI from commune facts, with its source', async () => {
  const db = t.db();
  await db.execute(sql`insert into commune_facts (commune_code, key, value, unit, source, source_date)
    values ('46042', 'fibre', 90, '%', 'Arcep, Ma connexion internet', '2025-03-31'),
      ('46102', 'fibre', 60, '%', 'Arcep, Ma connexion internet', '2025-03-31')`);
  await bumpDataVersion(db);
  const res = await get('/pourquoi-le-lot/numerique');
  const chart = section(res.body, 'fibre');
  assert.match(chart, /Cahors<\/th><td>90\u202f%<\/td>/);
  assert.match(chart, /Figeac<\/th><td>60\u202f%<\/td>/);
  assert.match(chart.replace(/<[^>]+>/g, ''), /Source : Arcep, Ma connexion internet, au 31 mars 2025\./);
});
