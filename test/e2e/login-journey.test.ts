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
import { createUser } from '../helpers/factories.js';

/**
 * The back office's first journey: an administrator signs in through the form, invites someone, the
 * invitation is in the outbox, the invitee follows its link, chooses a password and is signed in; the journal
 * records the invitation. Also: the keyboard focus is visible on links, fields and buttons.
 */
let b: BrowserApp;

before(async () => {
  b = await startBrowserApp();
});
after(() => b?.close());

/** How the focused element shows its focus: a visible outline, or a box-shadow ring. */
async function focusRing(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    return {
      element: `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> "${(el.textContent ?? '').trim().slice(0, 40)}"`,
      visible: outline || shadow,
      style: `outline: ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}; box-shadow: ${style.boxShadow}`,
    };
  });
}

test('focus is visible on links, fields and buttons reached with Tab', async () => {
  const { context, page } = await b.newPage();
  const invisible: string[] = [];
  const kinds = new Set<string>();
  for (const path of ['/', '/connexion']) {
    await page.goto(path, { waitUntil: 'load' });
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      const ring = await focusRing(page);
      if (!ring) continue;
      kinds.add(ring.element.slice(1, ring.element.search(/[#>]/)));
      if (!ring.visible) invisible.push(`${path}: ${ring.element} (${ring.style})`);
    }
  }
  assert.deepEqual(invisible, [], 'elements focused with the keyboard must show it');
  for (const kind of ['a', 'input', 'button']) assert.ok(kinds.has(kind), `a focused <${kind}> was checked`);
  await context.close();
});

test('an administrator invites a user, who activates the account and lands signed in', async () => {
  const admin = await createUser(b.t.ctx.db, { role: 'admin' });
  const { page } = await b.newPage();
  const watch = watchPage(page, b.baseUrl);

  // Sign in through the form.
  await signIn(page, admin.email, admin.password);
  assert.equal(new URL(page.url()).pathname, '/admin', 'an administrator lands on the dashboard');
  assert.ok(await page.getByRole('button', { name: 'Se déconnecter' }).isVisible(), 'signed in');

  // Invite someone.
  const invitee = {
    name: 'Camille Nouvelle',
    email: `camille.${Date.now()}@example.org`,
    password: 'une phrase de passe du Quercy',
  };
  await page.goto('/admin/utilisateurs/inviter', { waitUntil: 'load' });
  await page.getByLabel('Nom et prénom').fill(invitee.name);
  await page.getByLabel('Adresse e-mail').fill(invitee.email);
  await page.locator('select[name="organisationId"]').selectOption({ index: 1 });
  await page.locator('select[name="role"]').selectOption('editor');
  await navigation(page, () => page.getByRole('button', { name: 'Envoyer l’invitation' }).click());
  assert.notEqual(new URL(page.url()).pathname, '/admin/utilisateurs/inviter', 'the form was accepted');
  assert.match(await textOf(page.locator('main')), /invitation a été envoyée/i);

  // The message is in the outbox; its link is read from the message page.
  await page.goto('/admin/courriels', { waitUntil: 'load' });
  const row = page.locator('main tr', { hasText: invitee.email });
  assert.equal(await row.count(), 1, 'the invitation is listed in the outbox');
  await navigation(page, () => row.locator('a').first().click());
  const message = await textOf(page.locator('main'));
  const link = message.match(/https?:\/\/\S+\/invitation\/[\w-]+/)?.[0];
  assert.ok(link, `the message holds an invitation link:\n${message}`);
  assert.ok(link.startsWith(`${b.baseUrl}/`), 'the link points at this site (PUBLIC_URL)');
  assert.deepEqual(await axeViolations(page, 'outbox message'), []);

  // The invitee, in another browser context, chooses a password and is signed in.
  const invitation = await b.newPage();
  const invitedPage = invitation.page;
  const invitedWatch = watchPage(invitedPage, b.baseUrl);
  await invitedPage.goto(link, { waitUntil: 'load' });
  assert.match(await textOf(invitedPage.locator('h1')), /Activer votre compte/);
  assert.deepEqual(await axeViolations(invitedPage, 'invitation: choose a password'), []);
  await invitedPage.getByLabel('Mot de passe', { exact: true }).fill(invitee.password);
  await invitedPage.getByLabel('Confirmez le mot de passe').fill(invitee.password);
  await navigation(invitedPage, () =>
    invitedPage.getByRole('button', { name: 'Activer mon compte' }).click(),
  );
  assert.doesNotMatch(new URL(invitedPage.url()).pathname, /^\/invitation\//, 'the password was accepted');
  assert.ok(
    await invitedPage.getByRole('button', { name: 'Se déconnecter' }).isVisible(),
    'the invitee is signed in',
  );
  assert.match(await textOf(invitedPage.locator('header')), new RegExp(invitee.name));

  // The link works once only.
  const again = await b.newPage();
  await again.page.goto(link, { waitUntil: 'load' });
  assert.match(await textOf(again.page.locator('h1')), /expiré|déjà utilisé/i);
  await again.context.close();

  // The invitee can sign out, and sign in again with the new password.
  await navigation(invitedPage, () => invitedPage.getByRole('button', { name: 'Se déconnecter' }).click());
  assert.equal(await invitedPage.getByRole('button', { name: 'Se déconnecter' }).count(), 0, 'signed out');
  await signIn(invitedPage, invitee.email, invitee.password);
  assert.ok(await invitedPage.getByRole('button', { name: 'Se déconnecter' }).isVisible(), 'signed in again');
  assert.deepEqual(invitedWatch.take(), []);
  await invitation.context.close();

  // The journal lists the invitation.
  await page.goto('/admin/journal', { waitUntil: 'load' });
  const journal = await textOf(page.locator('main'));
  assert.match(journal, /invit/i, 'the journal names the invitation');
  assert.ok(
    journal.includes(invitee.email) || journal.includes(invitee.name),
    `the journal names the invitee:\n${journal}`,
  );
  assert.deepEqual(watch.take(), []);
});
