import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { one, rows } from '../../src/core/db/index.js';
import { findOrganisationBySlug } from '../../src/modules/partners/index.js';
import { sendTaskReminders } from '../../src/modules/welcome/file/index.js';
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
import { epciOrganisation } from '../helpers/welcome.js';

/**
 * Issue 4, « Done when », as one journey: a household describes its project without JavaScript, opens its
 * space with the emailed link; the right EPCI referent (and only them) sees the file, moves it, gets a task
 * reminder, hands it to the chamber the household chose, marks it settled (3-month check-in scheduled); the
 * household downloads its data and deletes its file, after which nothing personal is left in the database.
 */
let b: BrowserApp;

before(async () => {
  b = await startBrowserApp();
});
after(() => b?.close());

const grandFigeac = '200067361';
const lotCommune = 'Figeac';
const parisToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', dateStyle: 'short' }).format(new Date());
/** YYYY-MM-01 plus n months (the first of a month never needs clamping). */
function firstOfMonthPlus(day: string, months: number): string {
  const index = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}
const frenchDay = (day: string) =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00Z`));

/** Rows of a table whose text (every column, JSON included) contains a string. */
async function mentions(table: string, text: string): Promise<number> {
  const found = await one<{ n: number }>(
    b.t.ctx.db,
    sql`select count(*)::int as n from ${sql.identifier(table)} t where t::text ilike ${`%${text}%`}`,
  );
  return found?.n ?? -1;
}

async function submit(page: Page, button = 'Enregistrer et continuer') {
  await navigation(page, () => page.getByRole('button', { name: button }).click());
}

test('a household’s project, from the intake without JavaScript to the erasure of its file', async () => {
  const db = b.t.ctx.db;
  const epci = await epciOrganisation(db, grandFigeac);
  const otherEpci = await epciOrganisation(db, '200023737');
  const cma = await findOrganisationBySlug(db, 'cma-du-lot');
  assert.ok(cma, 'the CMA is seeded');
  const referent = await createUser(db, {
    role: 'referent',
    organisationId: epci.id,
    name: 'Léa Figeacoise',
  });
  const stranger = await createUser(db, { role: 'referent', organisationId: otherEpci.id });
  const adviser = await createUser(db, { role: 'adviser', organisationId: cma.id });
  const email = `foyer.${Date.now()}@example.org`;
  const violations: string[] = [];

  // 1. The intake, without JavaScript.
  const household = await b.newPage({ javaScriptEnabled: false });
  const h = household.page;
  const hWatch = watchPage(h, b.baseUrl);
  await h.goto('/mon-projet', { waitUntil: 'load' });
  await navigation(h, () => h.getByRole('link', { name: 'Commencer mon projet' }).click());
  await h.getByLabel('Votre prénom et votre nom').fill('Camille Martin');
  await h.getByLabel('Votre adresse e-mail').fill(email);
  await h.getByLabel('Votre numéro de téléphone (facultatif)').fill('06 12 34 56 78');
  await submit(h);
  assert.equal(new URL(h.url()).pathname, '/mon-projet/foyer', 'the contact page was accepted');
  await h.locator('#adult-1-firstName').fill('Camille');
  await h.locator('#adult-1-occupation').fill('Infirmière');
  await h.locator('#adult-1-seeking').check();
  await h.locator('#adult-1-jobSearch').fill('Infirmière en EHPAD ou à domicile');
  await h.locator('#adult-2-firstName').fill('Julien');
  await h.locator('#adult-2-occupation').fill('Menuisier');
  await h.locator('#adult-2-seeking-2').check();
  await h.locator('#child-1-age').fill('7');
  await submit(h);
  await h.getByLabel('Emploi salarié').check();
  await h.getByLabel('Votre projet en quelques mots (facultatif)').fill('Vivre près de Figeac, au calme.');
  await submit(h);
  await h.getByLabel(/^CC Grand-Figeac/).check();
  await submit(h);
  await h.getByLabel('Louer').check();
  await h.getByLabel('Votre budget en euros (facultatif)').fill('750');
  await submit(h);
  await h.getByLabel('Dans les 6 mois').check();
  await submit(h);
  await h.getByLabel('Un salon ou un événement').check();
  await submit(h);
  assert.equal(new URL(h.url()).pathname, '/mon-projet/profil');
  await submit(h);
  await h.locator('#departement').check();
  await h.getByLabel('L’intercommunalité du lieu choisi : CC Grand-Figeac').check();
  await h.getByLabel('Chambre de métiers et de l’artisanat du Lot (facultatif)').check();
  await submit(h);
  assert.equal(new URL(h.url()).pathname, '/mon-projet/recapitulatif', 'every page was accepted');
  const recap = await textOf(h.locator('main'));
  for (const expected of [
    'Camille Martin',
    email,
    'Infirmière',
    'Julien',
    '7 ans',
    'CC Grand-Figeac',
    '750 €',
  ])
    assert.ok(recap.includes(expected), `the summary shows ${expected}:\n${recap}`);
  await submit(h, 'Envoyer mon projet');
  assert.equal(new URL(h.url()).pathname, '/mon-projet/merci');
  const file = await one<{ id: string; reference: string; status: string }>(
    db,
    sql`select id, reference, status from newcomer_files where email = ${email}`,
  );
  assert.ok(file);
  assert.equal(file.status, 'open');
  const thanks = await textOf(h.locator('main'));
  assert.match(thanks, /Votre projet est bien envoyé/);
  assert.ok(thanks.includes(file.reference), `the reference is shown:\n${thanks}`);
  assert.match(thanks, /CC Grand-Figeac vous contactera/, 'the EPCI of the place chosen will call');
  assert.ok(thanks.includes(referent.name), 'and names the referent');
  assert.deepEqual(hWatch.take(), []);
  await household.context.close();

  // 2. The magic link of the confirmation email opens the space, in another browser.
  const mails = await rows<{ text: string }>(
    db,
    sql`select text from mail_outbox where recipient = ${email} and kind = 'welcome-intake-confirmation'`,
  );
  assert.equal(mails.length, 1, 'one confirmation email');
  assert.ok(mails[0].text.includes(file.reference), 'it gives the reference');
  const link = mails.map((m) => m.text.match(/https?:\/\/\S+\/mon-espace\/lien\/[\w-]+/)?.[0]).find(Boolean);
  assert.ok(link, `a magic link was emailed:\n${mails.map((m) => m.text).join('\n---\n')}`);
  assert.ok(link.startsWith(`${b.baseUrl}/`), 'the link is absolute, to this site');
  const space = await b.newPage();
  const s = space.page;
  const sWatch = watchPage(s, b.baseUrl);
  await s.goto(link, { waitUntil: 'load' });
  violations.push(...(await axeViolations(s, 'magic link page')));
  await navigation(s, () => s.getByRole('button', { name: 'Se connecter' }).click());
  assert.equal(new URL(s.url()).pathname, '/mon-espace');
  const spaceText = await textOf(s.locator('main'));
  assert.ok(spaceText.includes(file.reference), 'the space shows the reference');
  assert.match(spaceText, /Étape\s*Premier contact/, 'and the file’s stage');
  assert.ok(spaceText.includes(referent.name), 'and the referent');
  violations.push(...(await axeViolations(s, 'household space')));
  await s.getByLabel('Votre message').fill(`Bonjour, joignable au 06 12 34 56 78 ou à ${email}.`);
  await navigation(s, () => s.getByRole('button', { name: 'Envoyer le message' }).click());
  assert.match(await textOf(s.locator('main')), /Votre message est envoyé/);

  // 3. The EPCI referent sees the file; a referent of another EPCI does not.
  const other = await b.newPage();
  const oWatch = watchPage(other.page, b.baseUrl);
  await signIn(other.page, stranger.email, stranger.password);
  await other.page.goto('/admin/dossiers', { waitUntil: 'load' });
  assert.ok(!(await textOf(other.page.locator('main'))).includes(file.reference), 'not in another EPCI list');
  oWatch.allowStatusErrors(true);
  const denied = await other.page.goto(`/admin/dossiers/${file.id}`, { waitUntil: 'load' });
  assert.equal(denied?.status(), 404, 'another EPCI’s referent gets a 404');
  assert.deepEqual(oWatch.take(), []);
  await other.context.close();

  const staff = await b.newPage();
  const r = staff.page;
  const rWatch = watchPage(r, b.baseUrl);
  await signIn(r, referent.email, referent.password);
  await r.goto('/admin/dossiers', { waitUntil: 'load' });
  violations.push(...(await axeViolations(r, 'files list')));
  await navigation(r, () => r.getByRole('link', { name: file.reference }).click());
  assert.equal(new URL(r.url()).pathname, `/admin/dossiers/${file.id}`, 'the list links to the file');

  // 4. Moved on the kanban, a task due today, the morning reminder.
  await r.goto('/admin/dossiers/tableau', { waitUntil: 'load' });
  await r.locator(`#etape-${file.id}`).selectOption({ label: 'Qualification du projet' });
  await navigation(r, () => r.getByRole('button', { name: `Déplacer le dossier ${file.reference}` }).click());
  const column = (slug: string) => textOf(r.locator(`section[aria-labelledby="colonne-${slug}"]`));
  assert.ok((await column('qualification')).includes(file.reference), 'the card is in its new column');
  assert.ok(!(await column('premier-contact')).includes(file.reference), 'and no longer in the first one');
  violations.push(...(await axeViolations(r, 'kanban')));
  await r.goto(`/admin/dossiers/${file.id}`, { waitUntil: 'load' });
  await r.locator('summary', { hasText: 'Ajouter un échange' }).click();
  await r.getByLabel('Compte rendu').fill('Appel : Camille cherche un poste d’infirmière, visite à prévoir.');
  await navigation(r, () => r.getByRole('button', { name: 'Enregistrer l’échange' }).click());
  await r.locator('summary', { hasText: 'Ajouter une tâche' }).click();
  await r.getByLabel('Tâche', { exact: true }).fill('Appeler le foyer pour la visite');
  await r.getByLabel('À faire pour le').fill(parisToday());
  await navigation(r, () => r.getByRole('button', { name: 'Ajouter la tâche' }).click());
  assert.match(
    await textOf(r.locator('#taches').locator('..')),
    /Appeler le foyer pour la visite.*Aujourd’hui/,
  );
  violations.push(...(await axeViolations(r, 'file page with a task')));
  assert.equal(await sendTaskReminders(b.t.ctx), 1, 'one reminder sent');
  const reminder = await one<{ subject: string; text: string }>(
    db,
    sql`select subject, text from mail_outbox where recipient = ${referent.email} and kind = 'welcome.task-reminder'`,
  );
  assert.ok(reminder?.text.includes('Appeler le foyer pour la visite'), 'the reminder names the task');
  assert.ok(reminder?.text.includes(`${b.baseUrl}/admin/dossiers/${file.id}`), 'and links to the file');

  // 5. Handed to the chamber the household consented to: its adviser can open the file, not before.
  const chamber = await b.newPage();
  await signIn(chamber.page, adviser.email, adviser.password);
  const before = await chamber.page.request.get(`/admin/dossiers/${file.id}`);
  assert.equal(before.status(), 404, 'the chamber does not see the file before the hand-off');
  await r.goto(`/admin/dossiers/${file.id}/affectation`, { waitUntil: 'load' });
  await r.getByLabel('Partenaire', { exact: true }).selectOption({ label: cma.name });
  await navigation(r, () => r.getByRole('button', { name: 'Transmettre le dossier' }).click());
  assert.match(await textOf(r.locator('main')), /Le dossier a été transmis/);
  violations.push(...(await axeViolations(r, 'Affectation tab after the hand-off')));
  const opened = await chamber.page.goto(`/admin/dossiers/${file.id}`, { waitUntil: 'load' });
  assert.equal(opened?.status(), 200, 'the chamber’s adviser opens the file');
  assert.ok((await textOf(chamber.page.locator('main'))).includes(file.reference));
  await chamber.context.close();

  // 6. Settled: the 3-month check-in is scheduled and shown on the Suivi tab.
  const settledOn = `${parisToday().slice(0, 7)}-01`;
  const threeMonths = firstOfMonthPlus(settledOn, 3);
  await r.goto(`/admin/dossiers/${file.id}`, { waitUntil: 'load' });
  await r.getByLabel('Nouvelle étape').selectOption({ label: 'Installé (commune et date requises)' });
  await r.getByLabel('Commune d’installation').selectOption({ label: lotCommune });
  await r.getByLabel('Date d’installation').fill(settledOn);
  await navigation(r, () => r.getByRole('button', { name: 'Changer d’étape' }).click());
  const checkin = await one<{ dueOn: string }>(
    db,
    sql`select due_on::text as "dueOn" from file_checkins where file_id = ${file.id} and months = 3`,
  );
  assert.equal(checkin?.dueOn, threeMonths, 'the 3-month check-in is due 3 months after settling');
  await r.goto(`/admin/dossiers/${file.id}/suivi`, { waitUntil: 'load' });
  const followup = await textOf(r.locator('main'));
  assert.ok(followup.includes(lotCommune) && followup.includes(frenchDay(threeMonths)), followup);
  violations.push(...(await axeViolations(r, 'Suivi tab with check-ins')));
  assert.deepEqual(rWatch.take(), []);
  await staff.context.close();

  // 7. The household downloads its data, then deletes its file.
  const seen = (await mentions('newcomer_files', email)) + (await mentions('mail_outbox', email));
  assert.ok(seen >= 2, 'before erasure, the address is found where the final check looks');
  await s.goto('/mon-espace/donnees', { waitUntil: 'load' });
  violations.push(...(await axeViolations(s, 'household data page')));
  const [download] = await Promise.all([
    s.waitForEvent('download'),
    s.getByRole('link', { name: 'Télécharger toutes mes données' }).click(),
  ]);
  const exported = JSON.parse(await fs.readFile((await download.path()) as string, 'utf8'));
  const members = JSON.stringify(exported.membres_du_foyer);
  assert.ok(members.includes('Camille') && members.includes('Infirmière') && members.includes('Julien'));
  await navigation(s, () => s.getByRole('link', { name: 'Supprimer mon dossier' }).click());
  violations.push(...(await axeViolations(s, 'erasure confirmation')));
  await navigation(s, () => s.getByRole('button', { name: 'Supprimer définitivement mon dossier' }).click());
  assert.match(await textOf(s.locator('main')), /Vos données personnelles ont été effacées/);
  violations.push(...(await axeViolations(s, 'file erased')));
  await s.goto('/mon-espace', { waitUntil: 'load' });
  assert.match(await textOf(s.locator('main')), /Recevoir un lien de connexion/, 'signed out');
  assert.deepEqual(sWatch.take(), []);
  await space.context.close();

  const left = await one<Record<string, unknown>>(
    db,
    sql`select status, contact_name, email, phone from newcomer_files where id = ${file.id}`,
  );
  assert.deepEqual(left, { status: 'erased', contact_name: null, email: null, phone: null });
  for (const table of ['file_members', 'file_messages', 'file_interactions', 'file_tasks'])
    assert.equal(
      (
        await one<{ n: number }>(
          db,
          sql`select count(*)::int as n from ${sql.identifier(table)} where file_id = ${file.id}`,
        )
      )?.n,
      0,
      `nothing left in ${table}`,
    );
  const diffs = await one<{ n: number }>(
    db,
    sql`select count(*)::int as n from journal where target_type = 'file' and target_id = ${file.id} and diff is not null`,
  );
  assert.equal(diffs?.n, 0, 'no journal entry of the file keeps a diff');
  for (const table of ['newcomer_files', 'file_members', 'journal', 'mail_outbox'])
    assert.equal(await mentions(table, email), 0, `the household’s address is nowhere in ${table}`);
  const count = await one<{ n: number }>(
    db,
    sql`select count(*)::int as n from newcomer_files where id = ${file.id}`,
  );
  assert.equal(count?.n, 1, 'the anonymous count remains');
  assert.equal(violations.length, 0, `axe violations:\n\n${violations.join('\n\n')}\n`);
});
