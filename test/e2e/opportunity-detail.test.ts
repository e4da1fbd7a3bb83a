import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  axeViolations,
  type BrowserApp,
  navigation,
  signIn,
  startBrowserApp,
  textOf,
  watchPage,
} from '../helpers/browser.js';
import { createOrganisation, createUser } from '../helpers/factories.js';
import { createTestOpportunity } from '../helpers/opportunities.js';

/**
 * Opportunity pages in a real browser: axe on each kind, on their contact pages, on the contact form with
 * errors, on the confirmation and on the back-office requests page; no cookie from an opportunity page; the
 * share script's copy button; the contact form without JavaScript.
 */
let b: BrowserApp;
const ids: Record<string, string> = {};
let adviser: Awaited<ReturnType<typeof createUser>>;

before(async () => {
  b = await startBrowserApp();
  const db = b.t.ctx.db;
  const chamber = await createOrganisation(db, { kind: 'chambre', email: 'cma.e2e@example.org' });
  adviser = await createUser(db, { role: 'adviser', organisationId: chamber.id });
  ids.job = (
    await createTestOpportunity(db, {
      title: 'Infirmier ou infirmière',
      wanted: true,
      openToCouples: true,
      contactName: 'Service RH',
      contactPhone: '05 65 00 00 00',
      contactEmail: 'rh.e2e@example.org',
      details: { occupation: 'Infirmier', salaryMin: 2100, salaryMax: 2500, remote: 'no', posts: 2 },
    })
  ).id;
  await createTestOpportunity(db, { title: 'Aide-soignant de nuit', communeCode: '46102' });
  ids.takeover = (
    await createTestOpportunity(
      db,
      {
        kind: 'takeover',
        title: 'Librairie à reprendre',
        communeCode: '46102',
        hideCommune: true,
        organisationId: chamber.id,
        adviserId: adviser.id,
        priceBand: '50-150k',
        demo: true,
        details: { businessKind: 'commerce', operation: 'fonds', housingIncluded: false },
      },
      {
        name: 'Cédant E2E',
        company: null,
        address: null,
        email: 'cedant@example.org',
        phone: null,
        notes: null,
      },
    )
  ).id;
  ids.imported = (
    await createTestOpportunity(db, {
      source: 'france-travail',
      sourceId: 'E2E1',
      sourceUrl: 'https://candidat.francetravail.fr/offres/recherche/detail/E2E1',
    })
  ).id;
  ids.housing = (
    await createTestOpportunity(db, {
      kind: 'housing',
      title: 'Gîte communal',
      details: {
        housingKind: 'gite-communal',
        capacity: 4,
        periods: [{ from: '2030-01-01', to: '2030-03-31' }],
      },
    })
  ).id;
});
after(() => b?.close());

async function axeAt(page: Page, path: string, status = 200): Promise<string[]> {
  const response = await page.goto(path, { waitUntil: 'load' });
  assert.equal(response?.status(), status, path);
  return axeViolations(page, path);
}

test('every kind of opportunity page, its contact page, the form in error and the confirmation pass axe with no outside request', async () => {
  const { page } = await b.newPage();
  const watch = watchPage(page, b.baseUrl);
  const violations: string[] = [];
  for (const id of Object.values(ids)) violations.push(...(await axeAt(page, `/opportunites/${id}`)));
  for (const kind of ['job', 'takeover', 'housing'])
    violations.push(...(await axeAt(page, `/opportunites/${ids[kind]}/contact`)));

  // From the offer to its form, by the link of the "Postuler" section.
  await page.goto(`/opportunites/${ids.job}`);
  await navigation(page, () => page.getByRole('link', { name: 'Envoyer ma candidature' }).click());
  assert.equal(new URL(page.url()).pathname, `/opportunites/${ids.job}/contact`);
  assert.match(await textOf(page.locator('h1')), /^Postuler : Infirmier ou infirmière$/);
  assert.match(await textOf(page.locator('.opportunity-recap')), /Infirmier ou infirmière/);
  // The form in error answers 400, which Chromium logs as a console error: expected from here on.
  watch.allowStatusErrors(true);
  await navigation(page, () => page.getByRole('button', { name: 'Envoyer mon message' }).click());
  assert.equal(new URL(page.url()).pathname, `/opportunites/${ids.job}/contact`);
  assert.match(await textOf(page.locator('.error-summary')), /Le formulaire contient 4 erreurs/);
  assert.match(
    await textOf(page.locator('h1')),
    /^Postuler : Infirmier ou infirmière$/,
    'the same page again',
  );
  violations.push(...(await axeViolations(page, 'contact form with errors')));

  await page.getByLabel('Votre nom et prénom').fill('Alex Martin');
  await page.getByLabel('Votre adresse e-mail').fill('alex.martin@example.org');
  await page
    .getByLabel('Votre message')
    .fill('Bonjour, je suis infirmier et nous nous installons dans le Lot.');
  await page.getByLabel(/J’accepte que mon nom/).check();
  await navigation(page, () => page.getByRole('button', { name: 'Envoyer mon message' }).click());
  assert.equal(new URL(page.url()).pathname, `/opportunites/${ids.job}/contact/merci`);
  assert.match(await textOf(page.locator('h1')), /Votre message a été envoyé/);
  violations.push(...(await axeViolations(page, 'contact sent')));
  assert.deepEqual(violations, [], violations.join('\n\n'));
  assert.deepEqual(watch.take(), []);
});

test('an opportunity page leaves no cookie and may be shared by the page cache; its contact page is private', async () => {
  const { context, page } = await b.newPage();
  const first = await page.goto(`/opportunites/${ids.job}`);
  assert.equal(first?.status(), 200);
  const headers = await first!.allHeaders();
  assert.equal(headers['set-cookie'], undefined);
  assert.doesNotMatch(headers['cache-control'] ?? '', /private|no-store/);
  assert.deepEqual(await context.cookies(), [], 'no cookie after reading an offer');
  const again = await page.goto(`/opportunites/${ids.job}`);
  assert.equal((await again!.allHeaders())['x-cache'], 'HIT');

  const contact = await page.goto(`/opportunites/${ids.job}/contact`);
  assert.equal((await contact!.allHeaders())['cache-control'], 'private, no-store');
  assert.ok((await context.cookies()).length > 0, 'the form page sets its token’s cookie');
});

test('with JavaScript, the share box gets a copy button that says what it did', async () => {
  const { context, page } = await b.newPage();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: b.baseUrl });
  await page.goto(`/opportunites/${ids.job}`);
  const button = page.getByRole('button', { name: 'Copier le lien' });
  await button.click();
  const status = page.locator('.opportunity-share__status');
  await status.filter({ hasText: /./ }).waitFor();
  assert.match(await textOf(status), /Lien copié|Copie impossible ici/);
  const violations = await axeViolations(page, 'share box with its copy button');
  assert.deepEqual(violations, [], violations.join('\n\n'));
});

test('without JavaScript, the page and its contact form work; there is no copy button', async () => {
  const { page } = await b.newPage({ javaScriptEnabled: false });
  await page.goto(`/opportunites/${ids.takeover}`);
  assert.equal(await page.getByRole('button', { name: 'Copier le lien' }).count(), 0);
  assert.match(await page.locator('#share-url').inputValue(), new RegExp(`/opportunites/${ids.takeover}$`));
  assert.match(await textOf(page.locator('main')), /Exemple fictif/);
  await navigation(page, () => page.getByRole('link', { name: 'Demander des informations' }).click());
  assert.match(await textOf(page.locator('h1')), /^Demander des informations : Librairie à reprendre$/);
  assert.match(await textOf(page.locator('main')), /Le cédant reste anonyme/);
  await page.getByLabel('Votre nom et prénom').fill('Sam Repreneur');
  await page.getByLabel('Votre adresse e-mail').fill('sam.repreneur@example.org');
  await page.getByLabel('Votre message').fill('Je souhaite reprendre une librairie avec ma compagne.');
  await page.getByLabel(/J’accepte que mon nom/).check();
  await navigation(page, () => page.getByRole('button', { name: 'Envoyer mon message' }).click());
  assert.match(await textOf(page.locator('h1')), /Votre message a été envoyé/);
});

test('the adviser reads the requests and releases the seller, on an accessible back-office page', async () => {
  const { page } = await b.newPage();
  await signIn(page, adviser.email, adviser.password);
  const violations = await axeAt(page, `/admin/opportunites/${ids.takeover}/demandes`);
  assert.match(await textOf(page.locator('main')), /Sam Repreneur/);
  await navigation(page, () =>
    page.getByRole('button', { name: 'Transmettre les coordonnées du cédant à Sam Repreneur' }).click(),
  );
  assert.match(await textOf(page.locator('.notice')), /ont été envoyées par e-mail/);
  violations.push(...(await axeViolations(page, 'requests page after a release')));
  assert.deepEqual(violations, [], violations.join('\n\n'));
});
