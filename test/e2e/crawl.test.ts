import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  type BrowserApp,
  signIn,
  sitemapUrls,
  startBrowserApp,
  textOf,
  watchPage,
} from '../helpers/browser.js';
import { createUser } from '../helpers/factories.js';

/**
 * Visits every URL of the sitemap, and the pages it must not list (login, 404, back office), with one page
 * object: each answers 200, is a complete French page with a title naming the site and one h1, logs no
 * console error and asks nothing of any other host. Internal links found on the way must not be broken.
 */
let b: BrowserApp;
let page: Page;
let watch: ReturnType<typeof watchPage>;
const visited = new Set<string>();
const linked = new Map<string, string>();

before(async () => {
  b = await startBrowserApp();
  ({ page } = await b.newPage());
  watch = watchPage(page, b.baseUrl);
});
after(() => b?.close());

interface Expect {
  status?: number;
  /** Sitemap pages must be indexable. */
  indexable?: boolean;
}

/** Visits a path and returns what is wrong with it (empty when all is well). */
async function visit(path: string, expect: Expect = {}): Promise<string[]> {
  const status = expect.status ?? 200;
  watch.allowStatusErrors(status >= 400);
  const problems: string[] = [];
  const response = await page.goto(path, { waitUntil: 'domcontentloaded' });
  visited.add(new URL(page.url()).pathname);
  if (!response) return [`${path}: no response`];
  if (response.status() !== status) {
    const text = await textOf(page.locator('main'));
    problems.push(`status ${response.status()}, expected ${status}: ${text.slice(0, 200)}`);
  }
  if (!/^text\/html/.test(response.headers()['content-type'] ?? '')) {
    problems.push(`content-type ${response.headers()['content-type']}`);
  }
  const facts = await page.evaluate(() => ({
    title: document.title.trim(),
    lang: document.documentElement.getAttribute('lang'),
    h1: [...document.querySelectorAll('h1')].map((h) => h.textContent?.trim() ?? ''),
    robots: document.querySelector('meta[name="robots"]')?.getAttribute('content') ?? '',
    // SVG links (the maps) too: their href is not a string property, so read the attribute.
    links: [...document.querySelectorAll('a')]
      .map((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href'))
      .filter((href): href is string => Boolean(href))
      .map((href) => new URL(href, document.baseURI).href),
  }));
  const siteName = b.t.ctx.siteName();
  if (!facts.title) problems.push('empty <title>');
  else if (!facts.title.includes(siteName))
    problems.push(`title "${facts.title}" does not name the site "${siteName}"`);
  if (facts.lang !== 'fr') problems.push(`<html lang="${facts.lang}">`);
  if (facts.h1.length !== 1) problems.push(`${facts.h1.length} <h1> (${facts.h1.join(' | ')})`);
  else if (!facts.h1[0]) problems.push('empty <h1>');
  if (expect.indexable && /noindex/.test(facts.robots))
    problems.push('listed in the sitemap but marked noindex');
  for (const href of facts.links) {
    const url = new URL(href);
    if (url.origin === b.baseUrl && !linked.has(url.pathname + url.search))
      linked.set(url.pathname + url.search, path);
  }
  problems.push(...watch.take());
  return problems.map((p) => `${path}: ${p}`);
}

function report(problems: string[]): string {
  const shown = problems.slice(0, 60).join('\n  ');
  return `\n  ${shown}${problems.length > 60 ? `\n  … and ${problems.length - 60} more` : ''}`;
}

let paths: string[] = [];

test('the sitemap lists the public pages, on this site only', async () => {
  const urls = await sitemapUrls(b.baseUrl);
  const foreign = urls.filter((u) => !u.startsWith(`${b.baseUrl}/`) && u !== b.baseUrl);
  assert.deepEqual(foreign, [], 'sitemap URLs must start with PUBLIC_URL');
  paths = urls.map((u) => new URL(u).pathname + new URL(u).search);
  assert.equal(new Set(paths).size, paths.length, 'no duplicate URL in the sitemap');
  for (const expected of [
    '/',
    '/programme',
    '/mentions-legales',
    '/accessibilite',
    '/donnees-personnelles',
    '/plan-du-site',
    '/territoire',
  ]) {
    assert.ok(paths.includes(expected), `the sitemap lists ${expected}`);
  }
  const count = (prefix: string) => paths.filter((p) => p.startsWith(prefix)).length;
  assert.ok(count('/profils/') >= 4, `the sitemap lists the 4 profile pages (${count('/profils/')})`);
  assert.ok(
    count('/territoire/intercommunalites/') >= 9,
    `the sitemap lists the EPCIs (${count('/territoire/intercommunalites/')})`,
  );
  const communes = paths.filter((p) => /^\/territoire\/communes\/[^/]+$/.test(p)).length;
  assert.equal(communes, 312, 'the sitemap lists the 312 communes of the Lot');
  assert.deepEqual(
    paths.filter((p) => /^\/(admin|connexion|api)(\/|$)/.test(p)),
    [],
    'no back-office, login or API URL in the sitemap',
  );
});

test('every page of the sitemap is a complete French page, with nothing from another host', async () => {
  assert.ok(paths.length > 0, 'the sitemap was read');
  const started = Date.now();
  const problems: string[] = [];
  for (const path of paths) problems.push(...(await visit(path, { indexable: true })));
  const seconds = (Date.now() - started) / 1000;
  console.log(`  crawled ${paths.length} sitemap pages in ${seconds.toFixed(1)} s`);
  assert.deepEqual(problems, [], `sitemap pages with problems:${report(problems)}`);
});

test('the login page, robots.txt and the 404 page', async () => {
  const problems = [
    ...(await visit('/connexion')),
    ...(await visit('/mot-de-passe-oublie')),
    ...(await visit('/nulle-part-ici', { status: 404 })),
    ...(await visit('/territoire/communes/nulle-part', { status: 404 })),
  ];
  assert.deepEqual(problems, [], report(problems));

  const robots = await page.goto('/robots.txt');
  assert.equal(robots?.status(), 200);
  assert.match(robots?.headers()['content-type'] ?? '', /^text\/plain/);
  const body = (await robots?.text()) ?? '';
  assert.match(body, /User-agent:/i);
  assert.ok(body.includes(`Sitemap: ${b.baseUrl}/sitemap.xml`), `robots.txt names the sitemap:\n${body}`);
  assert.deepEqual(watch.take(), []);
});

const backOffice = [
  '/admin',
  '/admin/utilisateurs',
  '/admin/utilisateurs/inviter',
  '/admin/journal',
  '/admin/courriels',
  '/admin/organisations',
];

test('the back office is closed to visitors', async () => {
  for (const path of backOffice) {
    watch.allowStatusErrors(true);
    const response = await page.goto(path, { waitUntil: 'domcontentloaded' });
    const landed = new URL(page.url()).pathname;
    assert.ok(
      landed === '/connexion' || [401, 403, 404].includes(response?.status() ?? 0),
      `${path} as a visitor: status ${response?.status()} at ${landed}`,
    );
  }
  watch.take();
});

test('every back-office page, signed in as an administrator, and the pages they link to', async () => {
  const admin = await createUser(b.t.ctx.db, { role: 'admin' });
  await b.t.ctx.mailer.send({
    to: admin.email,
    subject: 'Un message de test',
    text: 'Bonjour,\n\nUn message.',
  });
  await signIn(page, admin.email, admin.password);
  const problems: string[] = [];
  for (const path of backOffice) problems.push(...(await visit(path)));
  // One level deeper: the detail and form pages the back office links to (a user, a message, an organisation…).
  const deeper = [...linked.keys()].filter(
    (p) => p.startsWith('/admin/') && !p.includes('?') && !visited.has(p),
  );
  assert.ok(deeper.length > 0, 'the back office links to detail pages');
  for (const path of deeper.slice(0, 40)) problems.push(...(await visit(path)));
  assert.deepEqual(problems, [], `back-office pages with problems:${report(problems)}`);
});

test('no internal link found on the way is broken', async () => {
  const unchecked = [...linked].filter(
    ([target]) => !visited.has(target.split('?')[0]) || target.includes('?'),
  );
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const broken: string[] = [];
  for (const [target, from] of unchecked.slice(0, 400)) {
    if (target.startsWith('/deconnexion')) continue;
    const response = await fetch(`${b.baseUrl}${target}`, { headers: { cookie }, redirect: 'manual' });
    await response.arrayBuffer();
    if (response.status >= 400) broken.push(`${target} (linked from ${from}): ${response.status}`);
  }
  assert.deepEqual(broken, [], `broken internal links:${report(broken)}`);
});
