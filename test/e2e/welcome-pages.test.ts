import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { hashToken, newToken } from '../../src/core/auth/index.js';
import { findOrganisationBySlug } from '../../src/modules/partners/index.js';
import { issueMagicLink } from '../../src/modules/welcome/household-session.js';
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
import { createTestFile, epciOrganisation } from '../helpers/welcome.js';

/**
 * axe (WCAG 2.0 and 2.1, A and AA) on every page of the welcome journey, with JavaScript on: each intake
 * step, its error state, the confirmation, the household's space and its pages, the back office's list,
 * kanban, file page and every tab, the task and stage forms in error, the settings pages, the check-in form.
 * The journey itself (without JavaScript) is welcome-journey.test.ts.
 */
let b: BrowserApp;

before(async () => {
  b = await startBrowserApp();
});
after(() => b?.close());

const grandCahors = '200023737';
const parisToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', dateStyle: 'short' }).format(new Date());

/** Collects axe violations, and what the browser complained about, page after page. */
function sweep(page: Page) {
  const watch = watchPage(page, b.baseUrl);
  const violations: string[] = [];
  return {
    watch,
    async check(label: string) {
      violations.push(...(await axeViolations(page, label)));
    },
    async visit(path: string, label = path) {
      const response = await page.goto(path, { waitUntil: 'load' });
      assert.equal(response?.status(), 200, `${path}: ${(await textOf(page.locator('main'))).slice(0, 300)}`);
      violations.push(...(await axeViolations(page, label)));
    },
    done() {
      assert.deepEqual(watch.take(), [], 'no console error, no request elsewhere');
      assert.equal(violations.length, 0, `axe violations:\n\n${violations.join('\n\n')}\n`);
    },
  };
}

const next = (page: Page, button = 'Enregistrer et continuer') =>
  navigation(page, () => page.getByRole('button', { name: button }).click());

/** Independent sweeps, each in its own browser context: run side by side to keep the file short. */
describe('welcome pages', { concurrency: true }, () => {
  test('the intake, its errors and the confirmation pass axe', async () => {
    const { context, page } = await b.newPage();
    const s = sweep(page);
    await s.visit('/mon-projet', 'intake landing');
    await s.visit('/mon-projet/reprendre', 'resume form');
    await s.visit('/mon-projet/contact', 'contact step');
    s.watch.allowStatusErrors(true);
    await page.getByLabel('Votre adresse e-mail').fill('pas-une-adresse');
    await next(page);
    assert.match(await textOf(page.locator('.error-summary')), /Saisissez votre prénom et votre nom/);
    await s.check('contact step with errors');
    await page.getByLabel('Votre prénom et votre nom').fill('Alix Bernard');
    await page.getByLabel('Votre adresse e-mail').fill(`alix.${Date.now()}@example.org`);
    await next(page);
    await s.check('household step');
    await page.getByRole('button', { name: 'Ajouter un adulte' }).click();
    await s.check('household step, a row added by the script');
    await page.locator('#child-1-age').fill('trente');
    await next(page);
    assert.match(await textOf(page.locator('.error-summary')), /Indiquez au moins le prénom/);
    await s.check('household step with errors');
    await page.locator('#adult-1-firstName').fill('Alix');
    await page.locator('#adult-1-occupation').fill('Développeuse');
    await page.locator('#child-1-age').fill('4');
    await next(page);
    await s.check('project step');
    await page.getByLabel('Création d’entreprise').check();
    await next(page);
    await s.check('project step with errors');
    await page.getByLabel('Le secteur de votre entreprise').selectOption({ label: 'Artisanat' });
    await next(page);
    await s.check('place step');
    await page.getByLabel('Commune 1').fill('Atlantis');
    await next(page);
    await s.check('place step with errors');
    await page.getByLabel('Commune 1').fill('Cahors');
    await next(page);
    for (const [label, choice] of [
      ['housing step', 'Acheter'],
      ['timeline step', 'Dès que possible'],
      ['origin step', 'Un proche'],
    ]) {
      await s.check(label);
      await page.getByLabel(choice, { exact: true }).check();
      await next(page);
    }
    await s.check('profile step');
    await next(page);
    await s.check('consent step');
    await next(page);
    assert.match(await textOf(page.locator('.error-summary')), /Cochez l’accord pour le Département/);
    await s.check('consent step with errors');
    await page.locator('#departement').check();
    await page.getByLabel(/^L’intercommunalité du lieu choisi/).check();
    await next(page);
    await s.check('summary');
    await next(page, 'Envoyer mon projet');
    assert.match(await textOf(page.locator('h1')), /Votre projet est bien envoyé/);
    await s.check('confirmation');
    await navigation(page, () => page.getByRole('link', { name: 'Accéder à mon espace' }).click());
    assert.equal(new URL(page.url()).pathname, '/mon-espace', 'the confirmation leads to the space');
    s.done();
    await context.close();
  });

  test('the household’s space, its pages and its login pass axe', async () => {
    const db = b.t.ctx.db;
    const epci = await epciOrganisation(db, grandCahors);
    const file = await createTestFile(db, { leadOrganisationId: epci.id, childrenAges: [6] });
    const { context, page } = await b.newPage();
    const s = sweep(page);
    await s.visit(new URL(await issueMagicLink(b.t.ctx, file.id)).pathname, 'magic link');
    await next(page, 'Se connecter');
    assert.equal(new URL(page.url()).pathname, '/mon-espace');
    await s.check('household space');
    s.watch.allowStatusErrors(true);
    await next(page, 'Envoyer le message');
    assert.ok(await page.locator('.error-summary').isVisible(), 'an empty message is refused');
    await s.check('household space, empty message');
    await page.getByLabel('Votre message').fill('Bonjour, quand pouvons-nous venir visiter ?');
    await next(page, 'Envoyer le message');
    await s.check('household space with a message');
    // « Mes données » and the erasure pages: in welcome-journey.test.ts.
    for (const path of ['/mon-espace/kit', '/mon-espace/propositions']) await s.visit(path);
    s.done();
    await context.close();

    // Signed out: the login page, its errors, and a link that no longer works.
    const signedOut = await b.newPage();
    const o = sweep(signedOut.page);
    await o.visit('/mon-espace', 'space login');
    o.watch.allowStatusErrors(true);
    await next(signedOut.page, 'Recevoir un lien de connexion');
    await o.check('space login with errors');
    await signedOut.page.goto('/mon-espace/lien/abcdefghijklmnopqrstuvwxyz', { waitUntil: 'load' });
    await o.check('unknown magic link');
    o.done();
    await signedOut.context.close();
  });

  test('the back office’s list, kanban, file page and every tab pass axe, with forms in error', async () => {
    const db = b.t.ctx.db;
    const epci = await epciOrganisation(db, grandCahors);
    const cma = await findOrganisationBySlug(db, 'cma-du-lot');
    const referent = await createUser(db, { role: 'referent', organisationId: epci.id });
    const file = await createTestFile(db, {
      leadOrganisationId: epci.id,
      referentId: referent.id,
      consentedOrganisationIds: cma ? [cma.id] : [],
      adults: [
        { firstName: 'Sam', occupation: 'Infirmier', seekingWork: true, jobSearch: 'Soins à domicile' },
        { firstName: 'Noa', occupation: 'Boulangère' },
      ],
      childrenAges: [3, 9],
      overrides: { needsTemporaryHousing: true },
    });
    const { context, page } = await b.newPage();
    const s = sweep(page);
    await signIn(page, referent.email, referent.password);
    // The list, the kanban, the file page, the Affectation and Suivi tabs: in welcome-journey.test.ts.
    await s.visit('/admin/dossiers?q=zzzz-aucun', 'files list without result');
    await page.goto(`/admin/dossiers/${file.id}`, { waitUntil: 'load' });

    s.watch.allowStatusErrors(true);
    await page.locator('summary', { hasText: 'Ajouter une tâche' }).click();
    await next(page, 'Ajouter la tâche');
    assert.ok(
      await page.locator('#taches ~ details .error-summary').isVisible(),
      'the task form shows errors',
    );
    await s.check('file page, task form with errors');
    await page.getByLabel('Tâche', { exact: true }).fill('Envoyer la liste des écoles');
    await page.getByLabel('À faire pour le').fill(parisToday());
    await next(page, 'Ajouter la tâche');
    await page.getByLabel('Nouvelle étape').selectOption({ label: 'Installé (commune et date requises)' });
    await next(page, 'Changer d’étape');
    assert.match(await textOf(page.locator('#etape ~ .error-summary')), /commune|date/i);
    await s.check('file page, stage form with errors');
    await page.getByLabel('Commune d’installation').selectOption({ label: 'Cahors' });
    await page.getByLabel('Date d’installation').fill(parisToday());
    await next(page, 'Changer d’étape');
    await s.check('file page, settled, with a task');

    for (const tab of ['messages', 'emploi', 'logement', 'kit', 'donnees'])
      await s.visit(`/admin/dossiers/${file.id}/${tab}`, `file tab ${tab}`);
    await page.goto(`/admin/dossiers/${file.id}/messages`, { waitUntil: 'load' });
    await next(page, 'Envoyer la réponse');
    await s.check('messages tab with errors');
    await page.goto(`/admin/dossiers/${file.id}/affectation`, { waitUntil: 'load' });
    await next(page, 'Transmettre le dossier');
    await s.check('affectation tab with errors');
    s.done();
    await context.close();
  });

  test('the journey’s settings pass axe for an administrator', async () => {
    const admin = await createUser(b.t.ctx.db, { role: 'admin' });
    const { context, page } = await b.newPage();
    const s = sweep(page);
    await signIn(page, admin.email, admin.password);
    for (const path of [
      '/admin/accueil',
      '/admin/accueil/regles',
      '/admin/accueil/regles/nouvelle',
      '/admin/accueil/equipe',
      '/admin/accueil/partenaires',
      '/admin/accueil/etapes',
      '/admin/accueil/kit',
      '/admin/accueil/kit/nouvelle',
    ])
      await s.visit(path);
    s.done();
    await context.close();
  });

  test('the check-in form, its errors and its thanks pass axe', async () => {
    const db = b.t.ctx.db;
    const epci = await epciOrganisation(db, grandCahors);
    const file = await createTestFile(db, {
      leadOrganisationId: epci.id,
      overrides: { settledOn: '2026-01-15', settledCommuneCode: '46042' },
    });
    const token = newToken();
    await db.execute(
      sql`insert into file_checkins (file_id, months, due_on, sent_at, token_hash)
          values (${file.id}, 3, '2026-04-15', now(), ${hashToken(token)})`,
    );
    const { context, page } = await b.newPage();
    const s = sweep(page);
    await s.visit(`/suivi/${token}`, 'check-in form');
    s.watch.allowStatusErrors(true);
    await disableFormValidation(page);
    await page.getByLabel('Non', { exact: true }).check();
    await next(page, 'Envoyer mes réponses');
    assert.ok(await page.locator('.error-summary').isVisible(), 'missing answers are listed');
    await s.check('check-in form with errors');
    await page.getByLabel('Oui', { exact: true }).check();
    await page.getByLabel(/^4 — /).check();
    await next(page, 'Envoyer mes réponses');
    assert.match(await textOf(page.locator('h1')), /Merci pour vos réponses/);
    await s.check('check-in thanks');
    await page.goto(`/suivi/${token}`, { waitUntil: 'load' });
    await s.check('check-in already answered');
    await page.goto('/suivi/inconnu-inconnu-inconnu-inconnu', { waitUntil: 'load' });
    await s.check('check-in unknown link');
    s.done();
    await context.close();
  });
});
