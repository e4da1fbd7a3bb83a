import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { one, rows } from '../../src/core/db/index.js';
import { createTestAmbassador } from '../helpers/ambassadors.js';
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
 * Issue 5, « Done when », as one journey: someone signs up as an ambassador, is validated, opens their space and
 * takes their tracked link; a visitor arriving through it describes a project, and the file records the
 * ambassador; the ambassador's impact shows the contact; the referent proposes the ambassador as buddy and both
 * sides accept; a dormant ambassador is listed and gets the re-engagement email. axe on every page.
 */
let b: BrowserApp;
before(async () => {
  b = await startBrowserApp();
});
after(() => b?.close());

const grandFigeac = '200067361';

async function submit(page: Page, button = 'Enregistrer et continuer') {
  await navigation(page, () => page.getByRole('button', { name: button }).click());
}

/** The first absolute link of the latest email to an address whose path starts with `path`. */
async function emailedLink(to: string, path: string): Promise<string> {
  const mails = await rows<{ text: string }>(
    b.t.ctx.db,
    sql`select text from mail_outbox where recipient = ${to} order by created_at desc`,
  );
  const pattern = new RegExp(`https?://\\S+${path.replace(/\//g, '\\/')}\\S*`);
  const link = mails.map((m) => m.text.match(pattern)?.[0]).find(Boolean);
  assert.ok(link, `an email to ${to} carries a ${path} link:\n${mails.map((m) => m.text).join('\n---\n')}`);
  return link;
}

test('an ambassador’s link brings a household, who gets the ambassador as buddy; a dormant one is relaunched', async () => {
  const db = b.t.ctx.db;
  const violations: string[] = [];
  const epci = await epciOrganisation(db, grandFigeac);
  const referent = await createUser(db, {
    role: 'referent',
    organisationId: epci.id,
    name: 'Léa Figeacoise',
  });
  const animator = await createUser(db, { role: 'animator' });
  const ambassadorEmail = `ambassadeur.${Date.now()}@example.org`;
  const householdEmail = `foyer.${Date.now()}@example.org`;

  // 1. Sign-up (no JavaScript needed), email confirmation, validation by an animator.
  const signup = await b.newPage({ javaScriptEnabled: false });
  const p = signup.page;
  await p.goto('/ambassadeurs/devenir', { waitUntil: 'load' });
  await p.getByLabel('Votre nom et prénom').fill('Mireille Cazals');
  await p.getByLabel('Votre adresse e-mail').fill(ambassadorEmail);
  await p.getByLabel('Né(e) dans le Lot').check();
  await p.getByLabel('Votre commune dans le Lot').fill('Figeac');
  await p.getByLabel('Votre métier').fill('Infirmière');
  await p.getByLabel('Accueillir un nouvel arrivant (parrainage)').check();
  await p.getByLabel('J’ai lu et j’accepte la charte').check();
  await submit(p, 'Envoyer mon inscription');
  assert.match(await textOf(p.locator('main')), /boîte/i);
  await p.goto(new URL(await emailedLink(ambassadorEmail, '/ambassadeurs/confirmer/')).pathname);
  await navigation(p, () => p.locator('main button').first().click());
  await signup.context.close();

  const staff = await b.newPage();
  const st = staff.page;
  await signIn(st, animator.email, animator.password);
  await st.goto('/admin/ambassadeurs?statut=submitted', { waitUntil: 'load' });
  await navigation(st, () => st.getByRole('link', { name: /Mireille Cazals/ }).click());
  await navigation(st, () => st.getByRole('button', { name: 'Valider', exact: true }).click());
  const ambassador = await one<{ id: string; code: string; status: string }>(
    db,
    sql`select id, code, status from ambassadors where email = ${ambassadorEmail}`,
  );
  assert.equal(ambassador?.status, 'active', 'validated');

  // 2. The ambassador logs in with an emailed link and takes their tracked link from the share kit.
  const space = await b.newPage();
  const a = space.page;
  const aWatch = watchPage(a, b.baseUrl);
  await a.goto('/ambassadeurs/espace', { waitUntil: 'load' });
  assert.equal(new URL(a.url()).pathname, '/ambassadeurs/espace/connexion', 'the space asks to log in');
  violations.push(...(await axeViolations(a, 'ambassador login')));
  await a.getByLabel('Votre adresse e-mail').fill(ambassadorEmail);
  await navigation(a, () => a.getByRole('button', { name: 'Recevoir mon lien de connexion' }).click());
  await a.goto(await emailedLink(ambassadorEmail, '/ambassadeurs/espace/lien/'), { waitUntil: 'load' });
  violations.push(...(await axeViolations(a, 'ambassador login link')));
  await navigation(a, () => a.getByRole('button', { name: 'Me connecter' }).click());
  assert.equal(new URL(a.url()).pathname, '/ambassadeurs/espace');
  assert.match(await textOf(a.locator('main')), /Mireille/);
  violations.push(...(await axeViolations(a, 'ambassador home')));
  const menu = a.getByRole('navigation', { name: 'Mon espace ambassadeur' });
  await navigation(a, () => menu.getByRole('link', { name: 'Kit de partage' }).click());
  const trackedLink = await a.locator('#lien-personnel').inputValue();
  assert.equal(new URL(trackedLink).pathname, `/a/${ambassador.code}`, 'the kit gives the personal link');
  violations.push(...(await axeViolations(a, 'share kit')));
  for (const [name, label] of [
    ['Missions', 'missions board'],
    ['Mon impact', 'impact before'],
    ['Signaler un contact', 'lead form'],
    ['Parrainages', 'buddies (none)'],
    ['Mon profil', 'profile'],
    ['Mes données', 'my data'],
  ]) {
    await navigation(a, () => menu.getByRole('link', { name, exact: true }).click());
    violations.push(...(await axeViolations(a, label)));
  }

  // 3. A visitor arrives through the link, agrees to be remembered, and describes a project.
  const visitor = await b.newPage();
  const v = visitor.page;
  const vWatch = watchPage(v, b.baseUrl);
  await v.goto(new URL(trackedLink).pathname, { waitUntil: 'load' });
  assert.match(await textOf(v.locator('main')), /Mireille/, 'the landing names the ambassador');
  violations.push(...(await axeViolations(v, 'tracked link landing')));
  const visits = await one<{ n: number }>(
    db,
    sql`select coalesce(sum(visits), 0)::int as n from ambassador_referral_visits where ambassador_id = ${ambassador.id}`,
  );
  assert.equal(visits?.n, 1, 'the visit is counted');
  assert.equal(
    (await visitor.context.cookies()).filter((c) => c.name === 'choisir_ref').length,
    0,
    'no cookie yet',
  );
  await navigation(v, () => v.getByRole('button', { name: /Se souvenir/ }).click());
  const remembered = (await visitor.context.cookies()).find((c) => c.name === 'choisir_ref');
  assert.equal(remembered?.value, ambassador.code, 'the first-party cookie holds the code, once agreed');
  // The visitor wanders, then starts the project from the site's own link: the cookie credits the ambassador.
  await v.goto('/mon-projet', { waitUntil: 'load' });
  await navigation(v, () => v.getByRole('link', { name: 'Commencer mon projet' }).click());
  await v.getByLabel('Votre prénom et votre nom').fill('Camille Martin');
  await v.getByLabel('Votre adresse e-mail').fill(householdEmail);
  await submit(v);
  await v.locator('#adult-1-firstName').fill('Camille');
  await v.locator('#adult-1-occupation').fill('Infirmier');
  await v.locator('#child-1-age').fill('7');
  await submit(v);
  await v.getByLabel('Emploi salarié').check();
  await submit(v);
  await v.getByLabel(/^CC Grand-Figeac/).check();
  await submit(v);
  await v.getByLabel('Louer').check();
  await submit(v);
  await v.getByLabel('Dans les 6 mois').check();
  await submit(v);
  assert.equal(
    await v.getByLabel('Code ambassadeur (facultatif)').inputValue(),
    ambassador.code,
    'the ambassador remembered by the cookie is already filled in',
  );
  assert.ok(await v.getByLabel('Un ambassadeur du Lot').isChecked(), 'and « un ambassadeur » is preselected');
  await submit(v);
  await submit(v); // profile
  await v.locator('#departement').check();
  await v.getByLabel('L’intercommunalité du lieu choisi : CC Grand-Figeac').check();
  await submit(v);
  await submit(v, 'Envoyer mon projet');
  assert.equal(new URL(v.url()).pathname, '/mon-projet/merci');
  const file = await one<{ id: string; reference: string; ambassador_code: string | null }>(
    db,
    sql`select id, reference, ambassador_code from newcomer_files where email = ${householdEmail}`,
  );
  assert.ok(file);
  assert.equal(file.ambassador_code, ambassador.code, 'the file records the referring ambassador');

  // 4. The referent sees the ambassador on the file and proposes them as buddy.
  const ref = await b.newPage();
  const r = ref.page;
  const rWatch = watchPage(r, b.baseUrl);
  await signIn(r, referent.email, referent.password);
  await r.goto(`/admin/dossiers/${file.id}`, { waitUntil: 'load' });
  await navigation(r, () => r.getByRole('link', { name: 'Parrainage', exact: true }).click());
  const tab = await textOf(r.locator('main'));
  assert.match(tab, /Ambassadeur du dossier[\s\S]*Mireille Cazals/, 'the file shows its ambassador');
  assert.match(tab, /même métier|métier proche/i, 'the suggestion says why');
  violations.push(...(await axeViolations(r, 'file buddy tab')));
  await navigation(r, () =>
    r.getByRole('button', { name: 'Proposer comme parrain/marraine : Mireille Cazals' }).click(),
  );

  // 5. The ambassador's space shows the contact, then the proposal: no name until both accept.
  await navigation(a, () => menu.getByRole('link', { name: 'Mon impact', exact: true }).click());
  const impact = await textOf(a.locator('main'));
  assert.match(impact, /1\s*projets? transmis/, `the impact counts the file:\n${impact}`);
  assert.match(impact, /1\s*visites? au total/);
  await navigation(a, () => menu.getByRole('link', { name: 'Parrainages', exact: true }).click());
  await navigation(a, () => a.locator('main a[href^="/ambassadeurs/espace/parrainages/"]').first().click());
  assert.ok(!(await textOf(a.locator('main'))).includes('Camille Martin'), 'no name before both accept');
  violations.push(...(await axeViolations(a, 'buddy proposal (ambassador)')));
  await navigation(a, () => a.getByRole('button', { name: 'J’accepte' }).click());

  // 6. The household accepts from its space (the intake's emailed link).
  const home = await b.newPage();
  const h = home.page;
  const hWatch = watchPage(h, b.baseUrl);
  await h.goto(await emailedLink(householdEmail, '/mon-espace/lien/'), { waitUntil: 'load' });
  await navigation(h, () => h.getByRole('button', { name: 'Se connecter' }).click());
  await navigation(h, () =>
    h
      .getByRole('link', { name: /parrain/i })
      .first()
      .click(),
  );
  assert.match(await textOf(h.locator('main')), /Mireille/);
  violations.push(...(await axeViolations(h, 'buddy proposal (household)')));
  await navigation(h, () => h.getByRole('button', { name: 'J’accepte' }).click());
  violations.push(...(await axeViolations(h, 'buddy accepted (household)')));
  const pairing = await one<{ ambassador_answer: string; household_answer: string }>(
    db,
    sql`select ambassador_answer, household_answer from ambassador_buddy_pairings where file_id = ${file.id}`,
  );
  assert.deepEqual(pairing, { ambassador_answer: 'accepted', household_answer: 'accepted' });
  await a.reload({ waitUntil: 'load' });
  assert.match(
    await textOf(a.locator('main')),
    /Camille Martin/,
    'both accepted: the ambassador sees the name',
  );
  violations.push(...(await axeViolations(a, 'buddy accepted (ambassador)')));
  const journal = await rows<{ action: string }>(
    db,
    sql`select action from journal where target_type = 'file' and target_id = ${file.id} and action like 'buddy.%'`,
  );
  assert.ok(journal.length >= 3, 'the pairing is recorded in the file’s journal');

  // 7. A dormant ambassador appears in the dormancy list and gets the email.
  const dormant = await createTestAmbassador(db, {
    name: 'Paul Endormi',
    lastActivityAt: new Date(Date.now() - 240 * 24 * 3600_000),
  });
  await st.goto('/admin/ambassadeurs/dormants', { waitUntil: 'load' });
  assert.match(await textOf(st.locator('main')), /Paul Endormi/);
  assert.ok(!(await textOf(st.locator('main'))).includes('Mireille Cazals'), 'an active one is not listed');
  violations.push(...(await axeViolations(st, 'dormancy list')));
  await navigation(st, () => st.getByRole('button', { name: 'Relancer Paul Endormi' }).click());
  const mail = await one<{ n: number }>(
    db,
    sql`select count(*)::int as n from mail_outbox where recipient = ${dormant.email} and kind = 'ambassador.reengage'`,
  );
  assert.equal(mail?.n, 1, 'the re-engagement email is in the outbox');
  for (const [path, label] of [
    ['/admin/ambassadeurs/missions', 'staff missions'],
    ['/admin/ambassadeurs/impact', 'staff impact'],
    ['/admin/ambassadeurs/lettres', 'newsletters'],
    ['/admin/ambassadeurs/carte', 'map'],
    ['/ambassadeurs', 'become an ambassador'],
    ['/ambassadeurs/portraits', 'portraits'],
  ]) {
    await st.goto(path, { waitUntil: 'load' });
    violations.push(...(await axeViolations(st, label)));
  }

  for (const w of [aWatch, vWatch, rWatch, hWatch]) assert.deepEqual(w.take(), []);
  assert.deepEqual(violations, [], violations.join('\n'));
});
