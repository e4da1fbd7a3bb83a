import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  axeViolations,
  type BrowserApp,
  disableFormValidation,
  navigation,
  signIn,
  startBrowserApp,
  textOf,
  watchPage,
} from '../helpers/browser.js';
import { createOrganisation, createUser } from '../helpers/factories.js';

/**
 * Publishing in a real browser, without JavaScript of its own: an employer fills in the job form (errors
 * first), submits it; an administrator finds it in the queue, refuses then approves. axe on every state.
 */
let b: BrowserApp;

before(async () => {
  b = await startBrowserApp();
});
after(() => b?.close());

test('an employer submits a job offer, a moderator approves it: every page and state passes axe', async () => {
  const db = b.t.ctx.db;
  const org = await createOrganisation(db, { kind: 'employeur', name: 'Scierie du Ségala' });
  const employer = await createUser(db, { role: 'employer', organisationId: org.id });
  const admin = await createUser(db, { role: 'admin' });
  const violations: string[] = [];

  const { context, page } = await b.newPage();
  const watch = watchPage(page, b.baseUrl);
  await signIn(page, employer.email, employer.password);
  await page.goto('/admin/opportunites/nouvelle', { waitUntil: 'load' });
  violations.push(...(await axeViolations(page, 'kind choice')));
  await navigation(page, () => page.getByRole('link', { name: 'Offre d’emploi' }).click());
  violations.push(...(await axeViolations(page, 'empty job form')));

  await disableFormValidation(page);
  watch.allowStatusErrors(true);
  await page.getByLabel('Titre').fill('Aff');
  await navigation(page, () => page.getByRole('button', { name: 'Soumettre à validation' }).click());
  assert.match(await textOf(page.locator('.error-summary')), /Saisissez un titre de 5 à 150 caractères/);
  assert.equal(await page.getByLabel('Titre').inputValue(), 'Aff', 'what was typed is kept');
  violations.push(...(await axeViolations(page, 'job form with errors')));

  await page.getByLabel('Titre').fill('Affûteur en scierie (H/F)');
  await page
    .getByLabel('Description')
    .fill('Scierie familiale de 25 salariés cherche un affûteur expérimenté, formation assurée.');
  await page.getByLabel('Commune').selectOption({ label: 'Figeac' });
  await page.getByLabel('Type de contrat').selectOption('cdi');
  await page.getByLabel('Secteur d’activité').selectOption('industrie');
  await page.getByLabel('Secondes vies').check();
  await navigation(page, () => page.getByRole('button', { name: 'Soumettre à validation' }).click());
  assert.match(await textOf(page.locator('.notice--success')), /soumise à validation/);
  violations.push(...(await axeViolations(page, 'submitted offer page')));
  const offerUrl = new URL(page.url()).pathname;
  await page.goto('/admin/opportunites', { waitUntil: 'load' });
  assert.match(await textOf(page.locator('table')), /Affûteur en scierie/);
  violations.push(...(await axeViolations(page, 'employer list')));
  await context.close();

  const moderator = await b.newPage();
  const modPage = moderator.page;
  const modWatch = watchPage(modPage, b.baseUrl);
  await signIn(modPage, admin.email, admin.password);
  await modPage.goto('/admin/opportunites/moderation', { waitUntil: 'load' });
  violations.push(...(await axeViolations(modPage, 'moderation queue')));
  await navigation(modPage, () => modPage.getByRole('link', { name: 'Affûteur en scierie (H/F)' }).click());
  assert.equal(new URL(modPage.url()).pathname, offerUrl);
  violations.push(...(await axeViolations(modPage, 'offer page with moderation')));
  modWatch.allowStatusErrors(true);
  await navigation(modPage, () => modPage.getByRole('button', { name: 'Refuser' }).click());
  assert.match(await textOf(modPage.locator('.error-summary')), /Saisissez le motif du refus/);
  violations.push(...(await axeViolations(modPage, 'refusal without a reason')));
  await navigation(modPage, () => modPage.getByRole('button', { name: 'Valider et publier' }).click());
  assert.match(await textOf(modPage.locator('.notice--success')), /validée et publiée/);
  await modPage.goto(`${offerUrl}/modifier`, { waitUntil: 'load' });
  violations.push(...(await axeViolations(modPage, 'moderator edit form')));
  await moderator.context.close();

  assert.deepEqual([...watch.take(), ...modWatch.take()], []);
  assert.equal(violations.length, 0, `axe violations:\n\n${violations.join('\n\n')}\n`);
});
