import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type BrowserApp, navigation, startBrowserApp, textOf, watchPage } from '../helpers/browser.js';

/**
 * Finding a commune with the keyboard only: the skip link, then the combobox (type, arrow, Enter), and the
 * same search without JavaScript, where the form is submitted to the results page.
 */
let b: BrowserApp;

before(async () => {
  b = await startBrowserApp();
});
after(() => b?.close());

/** What the keyboard focus is on, described for assertions. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      id: el?.id ?? '',
      className: typeof el?.className === 'string' ? el.className : '',
      href: el?.getAttribute('href') ?? '',
      text: el?.textContent?.trim().slice(0, 60) ?? '',
    };
  });
}

/** Tabs forward until the commune search field has the focus (at most `max` presses). */
async function tabToSearch(page: Page, max = 40): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)).id === 'commune-q') return presses;
  }
  throw new Error(`The commune search field (#commune-q) was not reached in ${max} Tab presses`);
}

/** Types a query, then presses ArrowDown until the active option names `wanted`; returns its id. */
async function chooseOption(page: Page, query: string, wanted: string): Promise<string> {
  const input = page.locator('#commune-q');
  await page.keyboard.type(query, { delay: 30 });
  const listbox = page.locator(`#${await input.getAttribute('aria-controls')}`);
  await listbox.locator('[role="option"]', { hasText: wanted }).first().waitFor({ state: 'visible' });
  assert.equal(
    await input.getAttribute('aria-expanded'),
    'true',
    'aria-expanded is true while the list shows',
  );
  const options = await listbox.locator('[role="option"]').count();
  for (let i = 0; i < options; i++) {
    await page.keyboard.press('ArrowDown');
    const active = await input.getAttribute('aria-activedescendant');
    assert.ok(active, 'aria-activedescendant names the selected option');
    const option = page.locator(`[id="${active}"]`);
    assert.equal(await option.getAttribute('role'), 'option');
    assert.equal(await option.getAttribute('aria-selected'), 'true', 'the active option is aria-selected');
    if ((await textOf(option)).includes(wanted)) {
      assert.equal((await focused(page)).id, 'commune-q', 'the focus stays in the field');
      return active;
    }
  }
  throw new Error(`No option "${wanted}" reached with ArrowDown after typing "${query}"`);
}

test('skip link, then the combobox to Figeac and to Saint-Cirq-Lapopie, with the keyboard only', async () => {
  const { page } = await b.newPage();
  const watch = watchPage(page, b.baseUrl);
  await page.goto('/territoire/communes', { waitUntil: 'load' });

  await page.keyboard.press('Tab');
  const first = await focused(page);
  assert.equal(
    first.href,
    '#contenu',
    `the first Tab reaches the skip link (got <${first.tag}> "${first.text}")`,
  );
  assert.ok(await page.locator('a[href="#contenu"]').isVisible(), 'the focused skip link is visible');
  await page.keyboard.press('Enter');
  const main = await focused(page);
  assert.equal(main.id, 'contenu', `Enter on the skip link moves the focus to main (got <${main.tag}>)`);

  const input = page.locator('#commune-q');
  assert.equal(await input.getAttribute('role'), 'combobox');
  assert.equal(await input.getAttribute('name'), 'q');
  await tabToSearch(page);
  await chooseOption(page, 'figea', 'Figeac');
  await navigation(page, () => page.keyboard.press('Enter'));
  assert.equal(new URL(page.url()).pathname, '/territoire/communes/figeac');
  assert.match(await textOf(page.locator('h1')), /Figeac/);

  await page.goto('/territoire/communes', { waitUntil: 'load' });
  await page.keyboard.press('Tab');
  await tabToSearch(page);
  await chooseOption(page, 'saint cirq', 'Saint-Cirq-Lapopie');
  await navigation(page, () => page.keyboard.press('Enter'));
  assert.equal(new URL(page.url()).pathname, '/territoire/communes/saint-cirq-lapopie');
  assert.match(await textOf(page.locator('h1')), /Saint-Cirq-Lapopie/);

  // Escape closes the list and leaves the typed text.
  await page.goto('/territoire/communes', { waitUntil: 'load' });
  await input.focus();
  await chooseOption(page, 'cahor', 'Cahors');
  await page.keyboard.press('Escape');
  assert.notEqual(await input.getAttribute('aria-expanded'), 'true', 'Escape closes the list');
  assert.equal(new URL(page.url()).pathname, '/territoire/communes', 'Escape does not navigate');
  assert.deepEqual(watch.take(), []);
  await page.context().close();
});

test('without JavaScript, the search form finds "st-cirq lapopie"', async () => {
  const { context, page } = await b.newPage({ javaScriptEnabled: false });
  const watch = watchPage(page, b.baseUrl);
  await page.goto('/territoire/communes', { waitUntil: 'load' });
  assert.equal(await page.locator('[role="listbox"] [role="option"]').count(), 0, 'no suggestion without JS');
  await page.locator('#commune-q').fill('st-cirq lapopie');
  await navigation(page, () => page.locator('#commune-q').press('Enter'));
  const url = new URL(page.url());
  if (url.pathname === '/territoire/communes') {
    assert.equal(url.searchParams.get('q'), 'st-cirq lapopie', 'the query is kept in the URL');
    assert.equal(
      await page.locator('#commune-q').inputValue(),
      'st-cirq lapopie',
      'the field keeps the query',
    );
    const result = page.locator('main a[href="/territoire/communes/saint-cirq-lapopie"]').first();
    assert.match(await textOf(result), /Saint-Cirq-Lapopie/, 'Saint-Cirq-Lapopie is among the results');
    await navigation(page, () => result.click());
  }
  // A search form may also go straight to an exact match; either way we end on the commune's page.
  assert.equal(new URL(page.url()).pathname, '/territoire/communes/saint-cirq-lapopie');
  assert.match(await textOf(page.locator('h1')), /Saint-Cirq-Lapopie/);
  assert.deepEqual(watch.take(), []);
  await context.close();
});

test('the suggest API answers JSON for the combobox', async () => {
  const response = await fetch(`${b.baseUrl}/api/communes/suggest?q=figea`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
  const text = await response.text();
  assert.match(text, /Figeac/);
  assert.match(text, /figeac/, 'the suggestion carries the slug (or URL) of the commune');
});
