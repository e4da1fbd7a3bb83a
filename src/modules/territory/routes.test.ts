import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, testApp } from '../../../test/helpers/app.js';
import { territoryModule } from './index.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
/** The visible text of some HTML, tags dropped, entities of apostrophes and spaces read. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&nbsp;|\s+/g, ' ');
const communeLinks = (html: string) =>
  [...html.matchAll(/<a href="\/territoire\/communes\/([a-z0-9-]+)"/g)].map((m) => m[1]);

function assertCleanPage(html: string) {
  assert.doesNotMatch(html, /\sstyle="/, 'no style attribute (strict CSP)');
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
  assert.match(html, /<html lang="fr"/);
}

test('/territoire: key figures, a map of the 312 communes, and the EPCIs as legend and list', async () => {
  const response = await get('/territoire');
  assert.equal(response.statusCode, 200);
  const html = response.body;
  assertCleanPage(html);
  const svg = html.slice(
    html.indexOf('<svg class="communes-map"'),
    html.indexOf('</svg>', html.indexOf('<svg class="communes-map"')),
  );
  assert.match(svg, /role="group" aria-labelledby="carte-communes-titre"/);
  assert.match(svg, /<title id="carte-communes-titre">Carte des 312 communes du Lot/);
  const links = communeLinks(svg);
  assert.equal(links.length, 312, '312 commune links on the map');
  assert.equal(new Set(links).size, 312);
  assert.equal(
    (svg.match(/<a href="[^"]+"><title>[^<]+<\/title><path d="M[^"]+" fill="#[0-9a-f]{6}"/g) ?? []).length,
    312,
    'each named and filled',
  );
  assert.match(svg, /<title>Cahors \(CA du Grand Cahors\)<\/title>/);
  assert.doesNotMatch(svg, /\d\.\d\d/, 'coordinates rounded to one decimal');
  const legend = html.slice(html.indexOf('class="epci-list"'));
  assert.equal((legend.match(/href="\/territoire\/intercommunalites\//g) ?? []).length, 10);
  const page = text(html);
  assert.match(page, /312 communes/);
  assert.match(page, /176 473 habitants/);
  assert.match(page, /10 intercommunalités/);
  assert.match(page, /86 communes dans le Lot/, 'Grand-Figeac counts its communes of the Lot');
  assert.match(html, /<form class="search-form commune-search" role="search"/);
  assert.match(html, /<script type="module" src="\/assets\/commune-search-[^"]+\.js"/);
  assert.ok(html.length < 160_000, `page weight ${html.length}`);
  const again = await get('/territoire');
  assert.equal(again.body, html, 'served again, the same (cached map)');
});

test('the commune search script is served', async () => {
  const html = (await get('/territoire/communes')).body;
  const src = html.match(/src="(\/assets\/commune-search-[^"]+\.js)"/)?.[1];
  assert.ok(src);
  const script = await get(src);
  assert.equal(script.statusCode, 200);
  assert.match(String(script.headers['content-type']), /javascript/);
  assert.match(script.body, /\/api\/communes\/suggest/);
});

test('a commune page: the life card, distances as the crow flies, neighbours, breadcrumbs', async () => {
  const response = await get('/territoire/communes/cahors');
  assert.equal(response.statusCode, 200);
  const html = response.body;
  assertCleanPage(html);
  const page = text(html);
  assert.match(html, /<h1>Cahors/);
  assert.match(page, /20 050/, 'population');
  assert.match(page, /46000/);
  assert.match(page, /préfecture du Lot/);
  assert.match(page, /Distances à vol d’oiseau/);
  assert.match(page, /Figeac \s*(\S+ )?\s*\d+ km/);
  assert.match(html, /<nav class="breadcrumbs" aria-label="Fil d’Ariane">/);
  assert.match(html, /href="\/territoire\/intercommunalites\/ca-du-grand-cahors"/);
  const neighbours = html.slice(html.indexOf('class="neighbour-list"'));
  for (const slug of ['pradines', 'mercues', 'arcambal'])
    assert.ok(communeLinks(neighbours).includes(slug), slug);
  const outline = html.slice(html.indexOf('<svg class="communes-map communes-map--neighbours"'));
  assert.match(outline, /communes-map__current/, 'the commune drawn, highlighted');
  assert.ok(
    communeLinks(outline.slice(0, outline.indexOf('</svg>'))).includes('pradines'),
    'neighbours linked on the map',
  );
  assert.match(html, /role="img" aria-labelledby="situation-carte-titre"/);
});

test('a village: distances to Cahors, Figeac and its EPCI seat, in km', async () => {
  const page = text((await get('/territoire/communes/saint-cirq-lapopie')).body);
  assert.match(page, /Cahors \(préfecture, siège de l’intercommunalité\) \d+ km/);
  assert.match(page, /Figeac \d+ km/);
  const bouriane = text((await get('/territoire/communes/salviac')).body);
  assert.match(bouriane, /Salviac/);
  const lalbenque = text((await get('/territoire/communes/laramiere')).body);
  assert.match(
    lalbenque,
    /Villefranche-de-Rouergue \(siège de l’intercommunalité\) \d+ km/,
    'a seat outside the Lot',
  );
});

test('a commune nouvelle lists its former communes', async () => {
  const page = text((await get('/territoire/communes/porte-du-quercy')).body);
  assert.match(
    page,
    /commune nouvelle qui réunit les anciennes communes de Le Boulvé, Fargues, Saint-Matré et Saux/,
  );
  assert.match((await get('/territoire/communes/pern-lhospitalet')).body, /Pern/);
});

test('an unknown commune or EPCI is a French 404 page, whatever the slug', async () => {
  for (const url of [
    '/territoire/communes/nulle-part',
    '/territoire/communes/%00',
    `/territoire/communes/${'a'.repeat(99)}`,
    '/territoire/communes/Cahors',
    '/territoire/intercommunalites/cc-inconnue',
  ]) {
    const response = await get(url);
    assert.equal(response.statusCode, 404, url);
    assert.match(response.body, /<title>Page introuvable/, url);
  }
  const tooLong = await get(`/territoire/communes/${'a'.repeat(300)}`);
  assert.ok([404, 414].includes(tooLong.statusCode), `an overlong slug: ${tooLong.statusCode}, not a 500`);
});

test('an EPCI page: figures, the note on Aveyron, its communes in a table, its map, its seat', async () => {
  const response = await get('/territoire/intercommunalites/cc-grand-figeac');
  assert.equal(response.statusCode, 200);
  const html = response.body;
  assertCleanPage(html);
  const page = text(html);
  assert.match(page, /45 489 habitants/);
  assert.match(page, /92 communes membres/);
  assert.match(page, /6 communes de ses 92 membres se trouvent dans un autre département : Aveyron \(12\)/);
  const table = html.slice(html.indexOf('<table'), html.indexOf('</table>'));
  assert.equal((table.match(/<tr>/g) ?? []).length, 87, 'a header row and 86 communes');
  assert.match(html, /<a href="\/territoire\/communes\/figeac">Figeac<\/a><\/strong> siège/);
  const map = html.slice(html.indexOf('<svg class="communes-map"'));
  const svg = map.slice(0, map.indexOf('</svg>'));
  assert.equal(communeLinks(svg).length, 86);
  assert.match(svg, /communes-map__background/);
});

test('the search page: results, typos, codes; without q the A to Z', async () => {
  const find = async (q: string) =>
    communeLinks(
      (await get(`/territoire/communes?q=${encodeURIComponent(q)}`)).body.split(
        'class="commune-results"',
      )[1] ?? '',
    );
  assert.ok((await find('saint cirq')).includes('saint-cirq-lapopie'));
  assert.equal((await find('st-cirq lapopie'))[0], 'saint-cirq-lapopie');
  assert.equal((await find('figea'))[0], 'figeac');
  assert.equal((await find('46100'))[0], 'figeac');
  assert.equal((await find('46042'))[0], 'cahors');
  const results = await get('/territoire/communes?q=st-cirq%20lapopie');
  assertCleanPage(results.body);
  assert.match(results.body, /value="st-cirq lapopie"/, 'the field keeps the query');
  assert.match(results.body, /<meta name="robots" content="noindex/);
  const none = await get('/territoire/communes?q=zzzqqqxw');
  assert.equal(none.statusCode, 200);
  assert.match(text(none.body), /Aucune commune trouvée pour « zzzqqqxw »/);
  const twice = await get('/territoire/communes?q=figeac&q=cahors');
  assert.equal(twice.statusCode, 200);
  const index = await get('/territoire/communes');
  assert.equal(communeLinks(index.body).length, 312, 'every commune in the A to Z');
  assert.match(index.body, /href="#lettre-a"/);
  assert.match(index.body, /<input id="commune-q" name="q" type="search"/);
});

test('an overlong query gets a French message on the page, not a 500', async () => {
  const response = await get(`/territoire/communes?q=${'x'.repeat(150)}`);
  assert.equal(response.statusCode, 400);
  assert.match(text(response.body), /Votre recherche est trop longue : 100 caractères au plus/);
  assert.match(response.body, /aria-invalid="true"/);
  assert.match(response.body, /<a href="#commune-q">/, 'the error summary links to the field');
});

test('the suggest API answers JSON for the combobox', async () => {
  const response = await get('/api/communes/suggest?q=figea');
  assert.equal(response.statusCode, 200);
  assert.match(String(response.headers['content-type']), /^application\/json/);
  const { results } = response.json();
  assert.deepEqual(results[0], {
    code: '46102',
    name: 'Figeac',
    postalCodes: ['46100'],
    epciName: 'CC Grand-Figeac',
    url: '/territoire/communes/figeac',
  });
  assert.equal(response.json().results.length <= 8, true);
  assert.equal((await get('/api/communes/suggest?q=saint')).json().results.length, 8);
  assert.equal(
    (await get('/api/communes/suggest?q=st-cirq%20lapopie')).json().results[0].name,
    'Saint-Cirq-Lapopie',
  );
  assert.ok(
    (await get('/api/communes/suggest?q=saint%20cirq'))
      .json()
      .results.some((r: { name: string }) => r.name === 'Saint-Cirq-Lapopie'),
  );
  assert.deepEqual((await get('/api/communes/suggest')).json(), { results: [] });
  const long = await get(`/api/communes/suggest?q=${'x'.repeat(101)}`);
  assert.equal(long.statusCode, 400);
  assert.equal(long.json().error.code, 'invalid');
  assert.match(long.json().error.message, /n’est pas valide/);
});

test('the sitemap lists the map, the A to Z, 10 EPCIs and 312 communes, in French sections', async () => {
  const entries = await territoryModule.sitemap!(t.ctx);
  assert.equal(entries.length, 2 + 10 + 312);
  assert.equal(new Set(entries.map((e) => e.path)).size, entries.length);
  assert.deepEqual(
    [...new Set(entries.map((e) => e.section))],
    ['Vivre dans le Lot', 'Intercommunalités du Lot', 'Communes du Lot'],
  );
  assert.ok(
    entries.some(
      (e) => e.path === '/territoire/communes/saint-cirq-lapopie' && e.title === 'Saint-Cirq-Lapopie',
    ),
  );
  assert.ok(t.ctx.navigation.items.some((i) => i.href === '/territoire' && i.label === 'Vivre dans le Lot'));
});
