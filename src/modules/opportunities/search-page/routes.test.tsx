import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createTestOpportunity } from '../../../../test/helpers/opportunities.js';

let t: TestApp;
const ago = (days: number) => new Date(Date.now() - days * 24 * 3600 * 1000);

before(async () => {
  t = await testApp();
  const db = t.db();
  await createTestOpportunity(db, {
    title: 'Infirmière diplômée d’État',
    description: 'Soins à domicile, équipe de jour.',
    communeCode: '46042',
    sector: 'sante',
    contractType: 'cdi',
    employerName: 'Centre de soins du Quercy',
    openToCouples: true,
    demo: true,
    publishedAt: ago(2),
  });
  await createTestOpportunity(db, {
    kind: 'takeover',
    title: 'Boulangerie-pâtisserie à reprendre',
    description: 'Four récent, clientèle fidèle.',
    communeCode: '46070',
    priceBand: '150-300k',
    details: { businessKind: 'artisanat', operation: 'fonds' },
    publishedAt: ago(5),
  });
  await createTestOpportunity(db, {
    kind: 'takeover',
    title: 'Garage automobile',
    description: 'Atelier de mécanique.',
    communeCode: '46128',
    hideCommune: true,
    publishedAt: ago(6),
  });
  await createTestOpportunity(db, { title: 'Infirmier en brouillon', status: 'draft' });
});
after(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const text = (html: string) =>
  html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&')
    .replace(/&nbsp;|\s+/g, ' ');
const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
const resultTitles = (html: string) =>
  [
    ...html.matchAll(
      /<h3 class="opportunity-card__title"><a href="\/opportunites\/[0-9a-f-]+">([^<]+)<\/a>/g,
    ),
  ].map((m) => m[1].replace(/&#39;|&#x27;/g, "'"));

function assertCleanPage(html: string) {
  assert.doesNotMatch(html, /\sstyle="/, 'no style attribute (strict CSP)');
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
}

test('/opportunites: every public opportunity, the form, counts, cards, map, canonical, indexable', async () => {
  const response = await get('/opportunites');
  assert.equal(response.statusCode, 200);
  const html = response.body;
  assertCleanPage(html);
  const page = text(html);
  assert.match(page, /3 opportunités/);
  assert.deepEqual(resultTitles(html), [
    'Infirmière diplômée d’État',
    'Boulangerie-pâtisserie à reprendre',
    'Garage automobile',
  ]);
  assert.doesNotMatch(page, /brouillon/);
  assert.match(html, /<link rel="canonical" href="http:\/\/localhost:3000\/opportunites"/);
  assert.doesNotMatch(html, /name="robots"/, 'the unfiltered search is indexed');
  assert.match(html, /<a href="\/opportunites"[^>]*>Opportunités<\/a>/, 'in the public navigation');
  assert.match(html, /<form class="search-filters" method="get" action="\/opportunites"/);
  assert.match(html, /<script type="module" src="\/assets\/opportunity-filters-[^"]+\.js"/);
  // Facet counts next to the options.
  assert.match(page, /Offres d’emploi \(1\)/);
  assert.match(page, /Entreprises à reprendre \(2\)/);
  assert.match(page, /CDI \(1\)/);
  assert.match(page, /Ouvert aux couples \(1\)/);
  // Cards: kind badge, place, key facts, date, demo mark; a blurred takeover shows only its EPCI.
  assert.match(
    page,
    /Offre d’emploi Exemple fictif Infirmière diplômée d’État Cahors Centre de soins du Quercy CDI/,
  );
  assert.match(
    page,
    /Entreprise à reprendre Boulangerie-pâtisserie à reprendre Cieurac Artisanat Cession du fonds/,
  );
  assert.match(page, /Garage automobile Commune non précisée \(CC Causses et Vallée de la Dordogne\)/);
  const garage = html.slice(
    html.lastIndexOf('<article', html.indexOf('Garage automobile')),
    html.indexOf('</article>', html.indexOf('Garage automobile')),
  );
  assert.doesNotMatch(garage, /Gramat|46128/, 'the hidden commune is not in the card');
  assert.match(page, /Publiée le \d{1,2} \S+ \d{4}/);
  // The map: one linked circle per commune with results.
  const svg = html.slice(
    html.indexOf('<svg class="communes-map search-map__svg"'),
    html.indexOf('</figure>'),
  );
  assert.equal((svg.match(/<circle /g) ?? []).length, 2);
  assert.match(svg, /<a href="\/opportunites\?commune=46042"><title>Cahors : 1 opportunité<\/title>/);
  assert.match(page, /1 opportunité sans commune publiée/);
  // Alert, export and feed links carry the search.
  assert.match(html, /href="\/opportunites\/alerte">Recevoir ces offres par courriel/);
  assert.match(html, /href="\/opportunites\/export\.csv">Exporter en CSV/);
  assert.match(html, /href="\/opportunites\/flux\.atom"[^>]*>Flux Atom/);
  assert.ok(html.length < 120_000, `page weight ${html.length}`);
});

test('a search: text, filters and radius in the URL; title, noindex, results, removable criteria', async () => {
  const response = await get('/opportunites?q=infirmier&commune=46042&rayon=30&type=job');
  assert.equal(response.statusCode, 200);
  const html = response.body;
  assertCleanPage(html);
  assert.deepEqual(resultTitles(html), ['Infirmière diplômée d’État']);
  assert.match(titleOf(html), /^Offres d’emploi « infirmier » à 30 km de Cahors — /);
  assert.match(html, /<meta name="robots" content="noindex, nofollow"/);
  assert.match(html, /<link rel="canonical" href="http:\/\/localhost:3000\/opportunites"/);
  assert.match(
    html,
    /<meta name="description" content="1 opportunité \([^)]*\) : Texte « infirmier », Offres d’emploi, À 30 km autour de Cahors\."/,
  );
  assert.match(html, /<input type="checkbox" id="type-job" name="type" value="job" checked/);
  assert.match(html, /<option value="46042" selected>Cahors<\/option>/);
  assert.match(html, /<option value="30" selected>30 km<\/option>/);
  assert.match(html, /<input id="q" name="q" type="search" value="infirmier"/);
  const page = text(html);
  assert.match(page, /Critères choisis : Retirer le critère Texte « infirmier »/);
  assert.match(html, /href="\/opportunites\?type=job&amp;commune=46042&amp;rayon=30"/, 'drop the text');
  assert.match(html, /href="\/opportunites\?q=infirmier&amp;type=job"/, 'drop the place');
  assert.match(
    html,
    /href="\/opportunites\/alerte\?q=infirmier&amp;type=job&amp;commune=46042&amp;rayon=30">/,
  );
  assert.match(page, /Cahors · à 0 km/, 'the distance from the chosen commune');
});

test('French search and a misspelt word: the corrected search is said', async () => {
  const bakery = await get('/opportunites?q=boulanger');
  assert.deepEqual(resultTitles(bakery.body), ['Boulangerie-pâtisserie à reprendre']);
  const typo = await get('/opportunites?q=infirmeir');
  assert.deepEqual(resultTitles(typo.body), ['Infirmière diplômée d’État']);
  assert.match(
    text(typo.body),
    /Résultats pour « infirmiere » : aucune opportunité ne contient « infirmeir »/,
  );
});

test('a blurred takeover is found by its EPCI, never by its hidden commune', async () => {
  const byEpci = await get('/opportunites?epci=200066371');
  assert.deepEqual(resultTitles(byEpci.body), ['Garage automobile']);
  const byCommune = await get('/opportunites?commune=46128');
  assert.deepEqual(resultTitles(byCommune.body), []);
  const byRadius = await get('/opportunites?commune=46128&rayon=1');
  assert.doesNotMatch(text(byRadius.body), /Garage automobile/);
});

test('the empty state suggests widening: a wider radius, each criterion removed, everything', async () => {
  const response = await get('/opportunites?q=boulanger&commune=46042&rayon=5&contrat=cdi');
  assert.equal(response.statusCode, 200);
  const html = response.body;
  const page = text(html);
  assert.match(page, /Aucune opportunité Critères choisis/);
  assert.match(page, /Aucune opportunité ne correspond à tous ces critères/);
  assert.match(
    html,
    /<a href="\/opportunites\?q=boulanger&amp;commune=46042&amp;rayon=20&amp;contrat=cdi">Élargir à 20 km autour de Cahors<\/a>/,
  );
  assert.match(
    html,
    /<a href="\/opportunites\?q=boulanger&amp;commune=46042&amp;rayon=5">Retirer : CDI<\/a>/,
  );
  assert.match(html, /<a href="\/opportunites">Voir toutes les opportunités<\/a>/);
  // Following the widening finds the bakery 10 km away (no contract type on a takeover: drop it too).
  const wider = await get('/opportunites?q=boulanger&commune=46042&rayon=20');
  assert.deepEqual(resultTitles(wider.body), ['Boulangerie-pâtisserie à reprendre']);
});

test('invalid parameters: still 200, the search runs with the rest, French messages above the results', async () => {
  const response = await get(
    `/opportunites?type=job,fusee&epci=123&commune=99999&rayon=500&tri=hasard&page=abc&prix=%3Cscript%3E&q=${'a'.repeat(300)}`,
  );
  assert.equal(response.statusCode, 200);
  const html = response.body;
  assertCleanPage(html);
  const page = text(html);
  assert.match(page, /Certains critères n’ont pas pu être pris en compte/);
  assert.match(page, /Type d’opportunité inconnu : « fusee »/);
  assert.match(page, /Intercommunalité invalide : « 123 »/);
  assert.match(page, /Commune inconnue : « 99999 »/);
  assert.match(page, /Le rayon doit être un nombre de kilomètres entre 1 et 200/);
  assert.match(page, /Tri inconnu/);
  assert.match(page, /Le numéro de page doit être un entier/);
  assert.match(page, /Tranche de prix inconnue : « <script> »/);
  assert.doesNotMatch(html, /<script>/, 'escaped');
  assert.match(page, /La recherche est limitée à 200 caractères/);
  assert.match(html, /<a href="#type">Type d’opportunité inconnu/);
  assert.match(html, /<meta name="robots" content="noindex, nofollow"/);
  for (const url of [
    '/opportunites?page=99999',
    '/opportunites?q=%00%FF',
    '/opportunites?q[a]=1',
    '/opportunites?rayon=30',
    '/opportunites?tri=distance',
    '/opportunites?q=%27%3A*%20%7C%20!',
  ]) {
    assert.equal((await get(url)).statusCode, 200, url);
  }
});

test('pagination: 20 per page, links keep the search', async () => {
  for (let i = 0; i < 21; i++) {
    await createTestOpportunity(t.db(), {
      title: `Maçon n° ${i + 1}`,
      description: 'Chantiers de rénovation du bâti ancien.',
      sector: 'btp',
      publishedAt: ago(10 + i),
    });
  }
  const first = await get('/opportunites?secteur=btp');
  assert.equal(resultTitles(first.body).length, 20);
  assert.match(text(first.body), /21 opportunités/);
  assert.match(first.body, /<a href="\/opportunites\?secteur=btp&amp;page=2" rel="next">/);
  const second = await get('/opportunites?secteur=btp&page=2');
  assert.deepEqual(resultTitles(second.body), ['Maçon n° 21']);
  assert.match(second.body, /<ol class="opportunity-list" start="21">/);
  assert.match(titleOf(second.body), /\(page 2\)/);
  const past = await get('/opportunites?secteur=btp&page=5');
  assert.equal(past.statusCode, 200);
  assert.match(text(past.body), /Cette page n’existe pas pour cette recherche/);
});
