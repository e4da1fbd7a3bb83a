import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { one } from '../../src/core/db/index.js';
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
import { createUser } from '../helpers/factories.js';

/**
 * The ambassadors' sign-up in a real browser: errors first, then a valid sign-up, the emailed confirmation
 * link and its button; an animator finds the sign-up in the directory and validates it. axe on every state.
 */
let b: BrowserApp;
before(async () => {
  b = await startBrowserApp();
});
after(() => b?.close());

test('someone signs up as an ambassador, confirms, and an animator validates: every page passes axe', async () => {
  const db = b.t.ctx.db;
  const violations: string[] = [];
  const { page } = await b.newPage();
  const watch = watchPage(page, b.baseUrl);

  await page.goto('/ambassadeurs', { waitUntil: 'load' });
  violations.push(...(await axeViolations(page, 'become an ambassador')));
  await navigation(page, () => page.locator('main a.button').first().click());
  violations.push(...(await axeViolations(page, 'empty sign-up form')));

  await disableFormValidation(page);
  watch.allowStatusErrors(true);
  await page.getByLabel('Votre nom et prénom').fill('Mireille Cazals');
  await navigation(page, () => page.getByRole('button', { name: 'Envoyer mon inscription' }).click());
  assert.ok((await textOf(page.locator('.error-summary'))).length > 0, 'the errors are summarised');
  assert.equal(
    await page.getByLabel('Votre nom et prénom').inputValue(),
    'Mireille Cazals',
    'what was typed is kept',
  );
  violations.push(...(await axeViolations(page, 'sign-up form with errors')));

  await page.getByLabel('Votre adresse e-mail').fill('mireille.cazals@example.org');
  await page.getByLabel('Né(e) dans le Lot').check();
  await page.getByLabel('Votre commune dans le Lot').fill('Figeac');
  await page.getByLabel('J’ai lu et j’accepte la charte').check();
  await navigation(page, () => page.getByRole('button', { name: 'Envoyer mon inscription' }).click());
  assert.match(await textOf(page.locator('main')), /boîte/i);
  violations.push(...(await axeViolations(page, 'check your mailbox')));

  const mail = await one<{ text: string }>(
    db,
    sql`select text from mail_outbox where recipient = 'mireille.cazals@example.org' order by created_at desc limit 1`,
  );
  const link = mail?.text.match(/https?:\/\/\S+\/ambassadeurs\/confirmer\/\S+/)?.[0];
  assert.ok(link, 'the confirmation email carries its link');
  await page.goto(new URL(link).pathname, { waitUntil: 'load' });
  violations.push(...(await axeViolations(page, 'confirmation button')));
  await navigation(page, () => page.locator('main button').first().click());
  violations.push(...(await axeViolations(page, 'sign-up confirmed')));
  const row = await one<{ status: string; id: string }>(
    db,
    sql`select id, status from ambassadors where email = 'mireille.cazals@example.org'`,
  );
  assert.equal(row?.status, 'submitted');

  const animator = await createUser(db, { role: 'animator' });
  const staff = await b.newPage();
  await signIn(staff.page, animator.email, animator.password);
  await staff.page.goto('/admin/ambassadeurs?statut=submitted', { waitUntil: 'load' });
  assert.match(await textOf(staff.page.locator('table')), /Mireille Cazals/);
  violations.push(...(await axeViolations(staff.page, 'directory')));
  await navigation(staff.page, () => staff.page.getByRole('link', { name: /Mireille Cazals/ }).click());
  violations.push(...(await axeViolations(staff.page, 'ambassador record')));
  await navigation(staff.page, () =>
    staff.page.getByRole('button', { name: 'Valider', exact: true }).click(),
  );
  violations.push(...(await axeViolations(staff.page, 'record after validation')));
  const validated = await one<{ status: string }>(
    db,
    sql`select status from ambassadors where id = ${row.id}`,
  );
  assert.equal(validated?.status, 'active');

  assert.deepEqual(violations, [], violations.join('\n'));
});
