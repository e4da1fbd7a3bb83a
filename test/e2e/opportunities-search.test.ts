import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  axeViolations,
  type BrowserApp,
  navigation,
  startBrowserApp,
  textOf,
  watchPage,
} from '../helpers/browser.js';
import { createTestOpportunity } from '../helpers/opportunities.js';

/**
 * The opportunity search as a visitor uses it: without JavaScript (a plain GET form), and with it (a filter
 * applies in place, the address follows, the count is announced). Every state passes axe.
 */
let b: BrowserApp;

before(async () => {
  b = await startBrowserApp();
  const db = b.t.db();
  await createTestOpportunity(db, {
    title: 'Infirmière diplômée d’État',
    communeCode: '46042',
    sector: 'sante',
  });
  await createTestOpportunity(db, { title: 'Aide-soignant de nuit', communeCode: '46102', sector: 'sante' });
  await createTestOpportunity(
    db,
    {
      kind: 'takeover',
      title: 'Boulangerie-pâtisserie à reprendre',
      communeCode: '46128',
      hideCommune: true,
      sector: 'artisanat',
      priceBand: '150-300k',
      details: { businessKind: 'artisanat', operation: 'fonds' },
    },
    {
      name: 'Cédant Secret',
      company: null,
      address: null,
      email: 'cedant@example.org',
      phone: null,
      notes: null,
    },
  );
  await createTestOpportunity(db, {
    kind: 'housing',
    title: 'Logement passerelle meublé',
    communeCode: '46102',
    contactEmail: 'mairie@example.org',
    details: { housingKind: 'passerelle', capacity: 4 },
  });
});
after(() => b?.close());

test('without JavaScript: a French word finds its other forms, and filters narrow the results', async () => {
  const { context, page } = await b.newPage({ javaScriptEnabled: false });
  const watch = watchPage(page, b.baseUrl);
  await page.goto('/opportunites');
  assert.match(await textOf(page.locator('#resultats-titre')), /4 opportunités/);
  await page.locator('#q').fill('infirmier');
  await navigation(page, () => page.locator('#q').press('Enter'));
  assert.match(page.url(), /\/opportunites\?q=infirmier/);
  assert.match(await textOf(page.locator('#resultats-titre')), /1 opportunité/);
  assert.match(await textOf(page.locator('#resultats')), /Infirmière diplômée d’État/);

  await page.goto('/opportunites?q=boulanger');
  const results = await textOf(page.locator('#resultats'));
  assert.match(results, /Boulangerie-pâtisserie à reprendre/);
  assert.doesNotMatch(results, /Gramat|Cédant Secret/, 'a blurred takeover shows its EPCI only');

  await page.goto('/opportunites?q=plombier-zingueur-introuvable');
  assert.match(await textOf(page.locator('#resultats')), /Aucune opportunité ne correspond/);

  await page.goto('/opportunites?type=rien&rayon=abc');
  assert.match(await textOf(page.locator('main')), /Type d’opportunité|type/i);
  assert.deepEqual(watch.take(), []);
  await context.close();
});

test('every state of the search page passes axe (axe runs in the page, so with JavaScript)', async () => {
  const { context, page } = await b.newPage();
  const violations: string[] = [];
  for (const [path, label] of [
    ['/opportunites', 'toutes les opportunités'],
    ['/opportunites?q=infirmier', 'recherche « infirmier »'],
    ['/opportunites?q=infirmeir', 'recherche corrigée'],
    ['/opportunites?q=plombier-zingueur-introuvable', 'recherche sans résultat'],
    ['/opportunites?type=rien&rayon=abc', 'paramètres invalides'],
    ['/opportunites?commune=46042&rayon=30&tri=distance', 'rayon autour de Cahors'],
  ]) {
    await page.goto(path);
    violations.push(...(await axeViolations(page, label)));
  }
  assert.deepEqual(violations, []);
  await context.close();
});

test('with JavaScript: ticking a kind applies the filter in place and the address follows', async () => {
  const { context, page } = await b.newPage();
  const watch = watchPage(page, b.baseUrl);
  await page.goto('/opportunites');
  const housing = page.locator('input[name="type"][value="housing"]');
  const before = page.url();
  await housing.check();
  await page.waitForURL(/type=housing/);
  assert.notEqual(page.url(), before);
  await page.locator('#resultats-titre', { hasText: '1 opportunité' }).waitFor();
  assert.match(await textOf(page.locator('#resultats')), /Logement passerelle meublé/);
  assert.equal(await page.locator('input[name="type"][value="housing"]').isChecked(), true);
  assert.deepEqual(await axeViolations(page, 'filtre appliqué avec JavaScript'), []);
  await page.goBack();
  await page.locator('#resultats-titre', { hasText: '4 opportunités' }).waitFor();
  assert.deepEqual(watch.take(), []);
  await context.close();
});

test('the alert form, the open data page and the API answer for the same search', async () => {
  const { context, page } = await b.newPage();
  await page.goto('/opportunites/alerte?q=infirmier&type=job');
  assert.deepEqual(await axeViolations(page, 'créer une alerte'), []);
  await page.goto('/donnees-ouvertes');
  assert.deepEqual(await axeViolations(page, 'données ouvertes'), []);
  const api = await (await fetch(`${b.baseUrl}/api/v1/opportunities?q=infirmier`)).json();
  assert.equal(api.meta.total, 1);
  assert.equal(api.data[0].title, 'Infirmière diplômée d’État');
  await context.close();
});
