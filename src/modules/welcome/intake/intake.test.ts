import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { asc, eq, sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { rows } from '../../../core/db/index.js';
import { fileMembers, fileStages } from '../schema.js';
import { welcomeSeed } from '../seed.js';
import { contactFields, fileByEmail, Household, magicLinkIn, mailsTo } from './test-household.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const grandCahors = '200023737';
const orgId = async (slug: string) =>
  (await rows<{ id: string }>(t.ctx.db, sql`select id from organisations where slug = ${slug}`))[0].id;

test('a household fills the whole intake without JavaScript, and the file is sent', async () => {
  const h = new Household(t);
  const email = 'camille.martin@example.org';

  // The landing page carries the link's campaign and ambassador code on to the first form.
  const landing = await h.get('/mon-projet?campagne=printemps-2026&ambassadeur=abc12');
  assert.equal(landing.statusCode, 200);
  assert.match(landing.body, /Commencer mon projet/);
  const start = landing.body.match(/href="(\/mon-projet\/contact\?[^"]+)"/);
  assert.ok(start, 'the start link keeps the attribution');
  const startUrl = start[1].replaceAll('&amp;', '&');
  const contactPage = await h.get(startUrl);
  assert.match(contactPage.body, /Étape 1 sur 10/);
  assert.match(contactPage.body, /name="ambassadeur" value="ABC12"/);

  let r = await h.post(
    '/mon-projet/contact',
    { ...contactFields(email), campagne: 'printemps-2026', ambassadeur: 'ABC12' },
    startUrl,
  );
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, '/mon-projet/foyer');
  let file = await fileByEmail(t, email);
  assert.equal(file.status, 'intake');
  assert.equal(file.intakeStep, 'foyer');
  assert.equal(file.campaign, 'printemps-2026');
  assert.equal(file.ambassadorCode, 'ABC12');
  assert.equal(file.phone, '06 12 34 56 78');
  const [resumeMail] = await mailsTo(t, email);
  assert.equal(resumeMail.subject, 'Reprendre mon projet d’installation');
  assert.match(resumeMail.text, new RegExp(file.reference));
  magicLinkIn(resumeMail.text);

  const foyer = await h.get('/mon-projet/foyer');
  assert.match(foyer.body, /Étape 2 sur 10/);
  assert.match(foyer.body, /href="\/mon-projet\/contact"[^>]*>[^<]*<span[^>]*>← <\/span>Précédent|Précédent/);
  assert.match(foyer.body, /name="adult-2-firstName"/);
  assert.match(foyer.body, /name="child-4-age"/);
  r = await h.post('/mon-projet/foyer', {
    'adult-1-firstName': 'Camille',
    'adult-1-age': '34',
    'adult-1-occupation': 'Infirmière',
    'adult-1-seeking': 'non',
    'adult-2-firstName': 'Louis',
    'adult-2-occupation': 'Menuisier',
    'adult-2-seeking': 'oui',
    'adult-2-jobSearch': 'Menuiserie, temps plein',
    'child-1-age': '7',
    'child-2-age': '0',
  });
  assert.equal(r.headers.location, '/mon-projet/projet');
  const members = await t.ctx.db
    .select()
    .from(fileMembers)
    .where(eq(fileMembers.fileId, file.id))
    .orderBy(asc(fileMembers.position));
  assert.deepEqual(
    members.map((m) => [m.kind, m.firstName, m.age, m.occupation, m.seekingWork, m.jobSearch]),
    [
      ['adult', 'Camille', 34, 'Infirmière', false, null],
      ['adult', 'Louis', null, 'Menuisier', true, 'Menuiserie, temps plein'],
      ['child', null, 7, null, false, null],
      ['child', null, 0, null, false, null],
    ],
  );

  const projet = await h.get('/mon-projet/projet');
  assert.match(projet.body, /Étape 3 sur 10/);
  assert.match(projet.body, /<a href="\/mon-projet\/foyer">Foyer<\/a>/, 'steps done are listed as links');
  r = await h.post('/mon-projet/projet', {
    projectKinds: ['salaried', 'takeover'],
    businessSector: 'artisanat',
    projectNote: 'Reprendre un atelier.',
  });
  assert.equal(r.headers.location, '/mon-projet/lieu');

  r = await h.post('/mon-projet/lieu', { placeEpcis: [grandCahors], 'commune-1': 'saint cirq lapopie' });
  assert.equal(r.headers.location, '/mon-projet/logement');
  file = await fileByEmail(t, email);
  assert.deepEqual(file.placeEpcis, [grandCahors]);
  assert.deepEqual(file.placeCommunes, ['46256']);
  assert.equal(file.placeUnknown, false);

  r = await h.post('/mon-projet/logement', {
    housingTenure: 'rent',
    housingBudget: '1 200 €',
    needsTemporaryHousing: 'oui',
  });
  assert.equal(r.headers.location, '/mon-projet/calendrier');
  r = await h.post('/mon-projet/calendrier', { timeline: '12m' });
  assert.equal(r.headers.location, '/mon-projet/origine');

  const origine = await h.get('/mon-projet/origine');
  assert.ok(
    origine.body.includes('name="ambassadorCode" type="text" value="ABC12"'),
    'the code is prefilled',
  );
  assert.match(origine.body, /printemps-2026/);
  r = await h.post('/mon-projet/origine', { heardFrom: 'ambassador', ambassadorCode: 'ABC12' });
  assert.equal(r.headers.location, '/mon-projet/profil');

  const profil = await h.get('/mon-projet/profil');
  assert.match(profil.body, /Wanted \(suggéré pour vous\)/, 'a nurse is suggested the wanted profile');
  assert.match(profil.body, /value="wanted" checked/);
  r = await h.post('/mon-projet/profil', { targetProfile: 'wanted' });
  assert.equal(r.headers.location, '/mon-projet/consentement');

  const consent = await h.get('/mon-projet/consentement');
  assert.match(consent.body, /Département du Lot/);
  assert.match(consent.body, /L’intercommunalité du lieu choisi : /);
  assert.match(consent.body, /Chambre de métiers et de l’artisanat du Lot \(facultatif\)/);
  const departement = await orgId('departement-du-lot');
  const cma = await orgId('cma-du-lot');
  r = await h.post('/mon-projet/consentement', { partenaire: [departement, cma], epci: 'oui' });
  assert.equal(r.headers.location, '/mon-projet/recapitulatif');
  const consents = await rows<{ who: string; purpose: string; text_version: string; granted_at: Date }>(
    t.ctx.db,
    sql`select coalesce(o.epci_code, o.slug) as who, c.purpose, c.text_version, c.granted_at from file_consents c
        join organisations o on o.id = c.organisation_id where c.file_id = ${file.id} order by 1`,
  );
  const placeEpcis = await rows<{ code: string }>(
    t.ctx.db,
    sql`select distinct epci_code as code from communes where code = '46256' or epci_code = ${grandCahors}`,
  );
  assert.deepEqual(
    consents.map((c) => c.who),
    ['cma-du-lot', 'departement-du-lot', ...placeEpcis.map((e) => e.code)].sort(),
    'the Département, the chosen chamber and the intercommunalities of the places chosen',
  );
  for (const c of consents) {
    assert.equal(c.text_version, welcomeSeed().consentTextVersion);
    assert.ok(c.purpose.length > 10);
    assert.ok(c.granted_at);
  }

  const recap = await h.get('/mon-projet/recapitulatif');
  assert.match(recap.body, /Étape 10 sur 10/);
  for (const expected of [
    'Camille Martin',
    'Louis',
    'Reprise d’entreprise',
    'Saint-Cirq-Lapopie',
    '1\u202f200 €',
    'Dans l’année',
    'ABC12',
  ])
    assert.ok(recap.body.includes(expected), `recap shows ${expected}`);
  r = await h.post('/mon-projet/recapitulatif', {});
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, '/mon-projet/merci');

  file = await fileByEmail(t, email);
  const [first] = await t.ctx.db.select().from(fileStages).orderBy(asc(fileStages.position)).limit(1);
  assert.equal(file.status, 'open');
  assert.equal(file.intakeStep, 'envoye');
  assert.equal(file.stageId, first.id);
  assert.ok(file.submittedAt);
  const journal = await rows<{ action: string; actor_label: string }>(
    t.ctx.db,
    sql`select action, actor_label from journal where target_type = 'file' and target_id = ${file.id} and action = 'file.submitted'`,
  );
  assert.equal(journal.length, 1);
  assert.equal(journal[0].actor_label, `foyer ${file.reference}`);

  const thanks = await h.get('/mon-projet/merci');
  assert.equal(thanks.statusCode, 200);
  assert.match(thanks.body, /Votre projet est bien envoyé/);
  assert.match(thanks.body, /vous contactera sous 5 jours ouvrés/);
  assert.ok(thanks.body.includes(file.reference));
  const [lead] = await rows<{ name: string }>(
    t.ctx.db,
    sql`select name from organisations where id = ${file.leadOrganisationId} or (${file.leadOrganisationId}::uuid is null and kind = 'departement')`,
  );
  assert.ok(thanks.body.includes(lead.name), `the page names ${lead.name}`);
  const mails = await mailsTo(t, email);
  const confirmation = mails.find((m) => m.kind === 'welcome-intake-confirmation');
  assert.ok(confirmation, 'a confirmation email is sent');
  assert.match(confirmation.text, /vous contactera sous 5 jours ouvrés/);
  assert.ok(confirmation.text.includes(file.reference));
  magicLinkIn(confirmation.text);

  // A sent file cannot be changed through the intake any more.
  r = await h.postDirect('/mon-projet/contact', {
    ...contactFields(email),
    contactName: 'Quelqu’un d’autre',
  });
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, '/mon-espace');
  r = await h.postDirect('/mon-projet/recapitulatif', {});
  assert.equal(r.headers.location, '/mon-espace');
  const tryChange = await h.get('/mon-projet/foyer');
  assert.equal(tryChange.statusCode, 303);
  assert.equal(tryChange.headers.location, '/mon-espace');
  assert.equal((await h.get('/mon-projet')).headers.location, '/mon-espace');
  assert.equal((await fileByEmail(t, email)).contactName, 'Camille Martin');
});
