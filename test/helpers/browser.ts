import net from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';
import { type TestApp, testApp } from './app.js';
import { chromiumArgs, findChromium } from './chromium.js';

/**
 * Browser tests: the real application on a fresh cloned database, listening on a free local port, and one
 * Debian Chromium per test file (playwright-core with executablePath: never a browser download).
 */
export interface BrowserApp {
  t: TestApp;
  /** http://127.0.0.1:PORT, also the app's PUBLIC_URL, so sitemap and email links point here. */
  baseUrl: string;
  browser: Browser;
  /** A new isolated context (its own cookies) and a page in it. */
  newPage(options?: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export async function startBrowserApp(env: Record<string, string> = {}): Promise<BrowserApp> {
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error('Chromium not found (apt-get install chromium, or set CHROMIUM_PATH).');
  const { t, baseUrl } = await listeningApp(env);
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
  } catch (error) {
    await t.close();
    throw error;
  }
  return {
    t,
    baseUrl,
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({ baseURL: baseUrl, locale: 'fr-FR', ...options });
      context.setDefaultTimeout(10_000);
      context.setDefaultNavigationTimeout(15_000);
      const page = await context.newPage();
      return { context, page };
    },
    async close() {
      await browser.close().catch(() => {});
      await t.close();
    },
  };
}

/** PUBLIC_URL must be known before the app is built: take a free port, then listen on it (retry on a race). */
async function listeningApp(env: Record<string, string>): Promise<{ t: TestApp; baseUrl: string }> {
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const t = await testApp({ PUBLIC_URL: baseUrl, ...env });
    try {
      await t.app.listen({ port, host: '127.0.0.1' });
      return { t, baseUrl };
    } catch (error) {
      await t.close();
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 5) throw error;
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Watches a page for what must never happen: console errors, uncaught exceptions, and requests to any host
 * other than the app's (no CDN, tracker or web font). `take()` returns and clears what was seen.
 */
export function watchPage(page: Page, baseUrl: string) {
  const origin = new URL(baseUrl).origin;
  let problems: string[] = [];
  /** Chromium logs expected 4xx responses of the document itself as console errors: tolerated when asked. */
  let allowStatusErrors = false;
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (
      allowStatusErrors &&
      /Failed to load resource: the server responded with a status of 4\d\d/.test(text)
    )
      return;
    problems.push(`console error: ${text} (${message.location().url || page.url()})`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message} (${page.url()})`));
  page.on('request', (request) => {
    const url = request.url();
    if (/^(data|blob|about):/.test(url)) return;
    if (new URL(url).origin !== origin) problems.push(`request to another host: ${url} (from ${page.url()})`);
  });
  return {
    allowStatusErrors(allow: boolean) {
      allowStatusErrors = allow;
    },
    take(): string[] {
      const seen = problems;
      problems = [];
      return seen;
    },
  };
}

/** Signs in through the login form, as a person would. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/connexion', { waitUntil: 'domcontentloaded' });
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await navigation(page, () => page.locator('input[name="password"]').press('Enter'));
  if (new URL(page.url()).pathname === '/connexion') {
    const message = await textOf(page.locator('main'));
    throw new Error(`Sign-in as ${email} failed:\n${message.slice(0, 500)}`);
  }
}

/** Runs an action that loads a new document (a link, a form submission) and waits until it has loaded. */
export async function navigation(page: Page, action: () => Promise<unknown>): Promise<void> {
  await Promise.all([page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame()), action()]);
  await page.waitForLoadState('load');
}

/** Lets a form reach the server even with empty required fields, to see the server's error summary. */
export async function disableFormValidation(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const form of document.querySelectorAll('form')) form.noValidate = true;
  });
}

export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the page as it is now; returns readable violations (empty when there are none). */
export async function axeViolations(page: Page, label: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  return results.violations.map((v) => {
    const targets = v.nodes
      .slice(0, 5)
      .map(
        (n) =>
          `      - ${n.target.join(' ')}${n.failureSummary ? `\n        ${n.failureSummary.replace(/\n/g, '\n        ')}` : ''}`,
      )
      .join('\n');
    const more = v.nodes.length > 5 ? `\n      … and ${v.nodes.length - 5} more` : '';
    return `${label} (${page.url()})\n    [${v.impact ?? 'n/a'}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${targets}${more}`;
  });
}

/** Every URL of the sitemap (following a sitemap index), checked to point at the app itself. */
export async function sitemapUrls(baseUrl: string): Promise<string[]> {
  const urls: string[] = [];
  const queue = [`${baseUrl}/sitemap.xml`];
  while (queue.length) {
    const sitemap = queue.shift()!;
    const response = await fetch(sitemap);
    if (response.status !== 200) throw new Error(`${sitemap} answered ${response.status}`);
    const xml = await response.text();
    const locs = [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => unescapeXml(m[1]));
    if (/<sitemapindex[\s>]/.test(xml)) queue.push(...locs);
    else urls.push(...locs);
  }
  return urls;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text of an element, whitespace collapsed (for matching what a person reads). */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}
