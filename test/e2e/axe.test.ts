import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  axeViolations,
  type BrowserApp,
  disableFormValidation,
  navigation,
  signIn,
  sitemapUrls,
  startBrowserApp,
  textOf,
} from '../helpers/browser.js';
import { createUser } from '../helpers/factories.js';

/**
 * axe (WCAG 2.0 and 2.1, levels A and AA) on every page template, several instances of each, and on the
 * states that matter (form errors, no result, the autocomplete open). Any violation fails, listed in full.
 */
let b: BrowserApp;
let page: Page;
let sitemap: string[] = [];

before(async () => {
  b = await startBrowserApp();
  ({ page } = await b.newPage());
  sitemap = (await sitemapUrls(b.baseUrl)).map((u) => new URL(u).pathname);
});
after(async () => {
  console.log(`  axe checked ${checked.length} pages and states:\n    ${checked.join('\n    ')}`);
  await b?.close();
});
const checked: string[] = [];

/** A few instances of a template found in the sitemap: the named ones first (when they exist), then others. */
function instances(prefix: string, wanted: string[], count: number): string[] {
  const all = sitemap.filter((p) => p.startsWith(prefix) && p.length > prefix.length);
  const named = wanted.map((slug) => `${prefix}${slug}`).filter((p) => all.includes(p));
  const step = Math.max(1, Math.floor(all.length / count));
  const spread = all.filter((_p, i) => i % step === 0);
  return [...new Set([...named, ...spread])].slice(0, Math.max(count, named.length));
}

async function check(paths: string[], status = 200): Promise<string[]> {
  const violations: string[] = [];
  for (const path of paths) {
    const response = await page.goto(path, { waitUntil: 'load' });
    if (response?.status() !== status) {
      assert.fail(
        `${path} answers ${response?.status()}, not ${status}: ${(await textOf(page.locator('body'))).slice(0, 300)}`,
      );
    }
    violations.push(...(await axeViolations(page, path)));
    checked.push(path);
  }
  return violations;
}

/** axe on the page in its current state (a form with errors, a list open…). */
async function axeState(label: string): Promise<string[]> {
  checked.push(`${label} (${new URL(page.url()).pathname})`);
  return axeViolations(page, label);
}

function assertNone(violations: string[]) {
  assert.equal(violations.length, 0, `axe violations:\n\n${violations.join('\n\n')}\n`);
}

test('public pages: home, profiles, programme, legal pages, plan du site', async () => {
  const profiles = sitemap.filter((p) => p.startsWith('/profils/'));
  assert.ok(profiles.length >= 4, 'the four profiles are in the sitemap');
  assertNone(
    await check([
      '/',
      ...profiles,
      '/programme',
      '/mentions-legales',
      '/accessibilite',
      '/donnees-personnelles',
      '/plan-du-site',
    ]),
  );
});

test('territory: the map, intercommunalities and communes (merged ones too)', async () => {
  const epcis = instances('/territoire/intercommunalites/', [], 4);
  assert.ok(epcis.length >= 3, 'at least 3 EPCI pages');
  // Cahors (préfecture), Figeac, a village with a hyphenated name, and communes nouvelles made of merged ones.
  const merged = [
    'porte-du-quercy',
    'le-vignon-en-quercy',
    'barguelonne-en-quercy',
    'cressensac-sarrazac',
    'pern-lhospitalet',
  ];
  const communes = instances(
    '/territoire/communes/',
    ['cahors', 'figeac', 'saint-cirq-lapopie', ...merged],
    10,
  );
  assert.ok(communes.length >= 5, 'at least 5 commune pages');
  assert.ok(
    merged.some((slug) => communes.includes(`/territoire/communes/${slug}`)),
    `a merged commune is checked (sitemap has none of ${merged.join(', ')})`,
  );
  assertNone(await check(['/territoire', ...epcis, ...communes]));
});

test('commune search: results, no result, and the autocomplete open', async () => {
  assertNone(
    await check([
      '/territoire/communes',
      '/territoire/communes?q=figeac',
      '/territoire/communes?q=saint',
      '/territoire/communes?q=zzzqqqxw',
    ]),
  );
  await page.goto('/territoire/communes', { waitUntil: 'load' });
  await page.locator('#commune-q').pressSequentially('saint', { delay: 20 });
  await page.locator('[role="listbox"] [role="option"]').first().waitFor({ state: 'visible' });
  await page.keyboard.press('ArrowDown');
  assertNone(await axeState('autocomplete open'));
});

test('login page, with and without errors; 404 page', async () => {
  const violations = await check(['/connexion']);
  await page.locator('input[name="email"]').fill('personne@example.org');
  await page.locator('input[name="password"]').fill('pas le bon mot de passe');
  await navigation(page, () => page.locator('input[name="password"]').press('Enter'));
  assert.match(await textOf(page.locator('main')), /incorrect|invalide|erreur/i, 'the login error is shown');
  violations.push(...(await axeState('login with a wrong password')));

  await page.goto('/connexion', { waitUntil: 'load' });
  await disableFormValidation(page);
  await navigation(page, () => page.locator('main form button[type="submit"]').first().click());
  violations.push(...(await axeState('login with empty fields')));

  violations.push(...(await check(['/mot-de-passe-oublie'])));
  violations.push(...(await check(['/nulle-part-ici', '/territoire/communes/nulle-part'], 404)));
  assertNone(violations);
});

test('back office pages, as an administrator', async () => {
  const admin = await createUser(b.t.ctx.db, { role: 'admin' });
  await b.t.ctx.mailer.send({
    to: admin.email,
    subject: 'Un message de test',
    text: 'Bonjour,\n\nUn message.',
  });
  await signIn(page, admin.email, admin.password);
  const lists = ['/admin/utilisateurs', '/admin/courriels', '/admin/organisations'];
  const violations = await check(['/admin', ...lists, '/admin/utilisateurs/inviter', '/admin/journal']);
  // The detail page of the first row of each list, and the other forms they lead to.
  const details: string[] = [];
  for (const list of lists) {
    await page.goto(list, { waitUntil: 'domcontentloaded' });
    const hrefs = await page
      .locator(`main a[href^="${list}/"]`)
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    const href = hrefs.find((h) => /\/[0-9a-f-]{36}$/.test(h));
    assert.ok(href, `${list} links to a detail page (${hrefs.join(', ')})`);
    details.push(href);
  }
  violations.push(...(await check([...details, '/admin/organisations/nouvelle'])));
  // The invitation form with its errors shown.
  await page.goto('/admin/utilisateurs/inviter', { waitUntil: 'load' });
  await disableFormValidation(page);
  await navigation(page, () => page.locator('main form button[type="submit"]').first().click());
  violations.push(...(await axeState('invitation form with errors')));
  assertNone(violations);
});
