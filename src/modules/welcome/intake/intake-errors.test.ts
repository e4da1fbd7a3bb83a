import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { rows } from '../../../core/db/index.js';
import { fileConsents, fileMembers } from '../schema.js';
import { contactFields, fileByEmail, fillAll, Household } from './test-household.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

/** A household that has saved its contact and its first adult. */
async function started(email: string) {
  const h = new Household(t);
  await h.get('/mon-projet');
  const r = await h.post('/mon-projet/contact', contactFields(email));
  assert.equal(r.headers.location, '/mon-projet/foyer');
  await h.post('/mon-projet/foyer', { 'adult-1-firstName': 'Camille', 'adult-1-occupation': 'Boulangère' });
  return h;
}

test('a wrong contact shows French errors at the fields and creates nothing', async () => {
  const h = new Household(t);
  const r = await h.post('/mon-projet/contact', { contactName: '', email: 'pas-une-adresse', phone: '12' });
  assert.equal(r.statusCode, 400);
  assert.ok(r.body.includes('Saisissez votre prénom et votre nom.'));
  assert.ok(r.body.includes('Saisissez une adresse e-mail valide'));
  assert.ok(r.body.includes('Saisissez un numéro de téléphone valide'));
  assert.ok(r.body.includes('value="pas-une-adresse"'), 'what was typed is shown again');
  assert.ok(r.body.includes('href="#email"'), 'the summary links to the field');
  const [{ n }] = await rows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from newcomer_files`);
  assert.equal(n, 0);
});

test('an invalid step keeps the earlier answers and what was typed', async () => {
  const email = 'erreurs@example.org';
  const h = await started(email);
  const file = await fileByEmail(t, email);
  const r = await h.post('/mon-projet/foyer', {
    'adult-1-firstName': '',
    'adult-1-occupation': 'Infirmier',
    'child-1-age': 'douze',
  });
  assert.equal(r.statusCode, 400);
  assert.ok(r.body.includes('Indiquez le prénom de l’adulte 1.'));
  assert.ok(r.body.includes('Indiquez l’âge en années, un nombre entre 0 et 25.'));
  assert.ok(r.body.includes('value="Infirmier"'), 'the typed occupation is still in the form');
  assert.ok(r.body.includes('value="douze"'));
  const members = await t.ctx.db.select().from(fileMembers).where(eq(fileMembers.fileId, file.id));
  assert.deepEqual(
    members.map((m) => [m.firstName, m.occupation]),
    [['Camille', 'Boulangère']],
    'what was saved before is untouched',
  );
  const again = await h.get('/mon-projet/foyer');
  assert.ok(again.body.includes('value="Camille"'), 'the saved answers come back on the page');
  assert.equal((await fileByEmail(t, email)).contactName, 'Camille Martin');
});

test('project, place, housing and consent errors say what to do', async () => {
  const email = 'etapes@example.org';
  const h = await started(email);
  let r = await h.post('/mon-projet/projet', { projectKinds: 'creation' });
  assert.equal(r.statusCode, 400);
  assert.ok(r.body.includes('Choisissez le secteur de l’entreprise que vous créez ou reprenez.'));
  r = await h.post('/mon-projet/projet', { projectKinds: 'creation', businessSector: 'commerce' });
  assert.equal(r.headers.location, '/mon-projet/lieu');

  r = await h.post('/mon-projet/lieu', {});
  assert.equal(r.statusCode, 400);
  assert.ok(r.body.includes('Choisissez au moins une intercommunalité ou une commune'));
  r = await h.post('/mon-projet/lieu', { 'commune-1': 'Paris' });
  assert.ok(r.body.includes('Nous ne trouvons pas « Paris » parmi les communes du Lot'));
  r = await h.post('/mon-projet/lieu', { placeUnknown: 'oui' });
  assert.equal(r.headers.location, '/mon-projet/logement');
  assert.equal((await fileByEmail(t, email)).placeUnknown, true);

  r = await h.post('/mon-projet/logement', { housingTenure: 'buy', housingBudget: 'beaucoup' });
  assert.equal(r.statusCode, 400);
  assert.ok(r.body.includes('Saisissez un montant en euros'));
  r = await h.post('/mon-projet/logement', { housingTenure: 'buy', housingBudget: '180 000 €' });
  assert.equal((await fileByEmail(t, email)).housingBudget, 180000);

  await h.post('/mon-projet/calendrier', { timeline: 'asap' });
  await h.post('/mon-projet/origine', { heardFrom: 'search' });
  const profile = await h.get('/mon-projet/profil');
  assert.ok(
    profile.body.includes('Secondes vies (suggéré pour vous)'),
    'a business creation suggests « Secondes vies »',
  );
  await h.post('/mon-projet/profil', { targetProfile: 'aucun' });
  assert.equal((await fileByEmail(t, email)).targetProfile, null);

  const consent = await h.get('/mon-projet/consentement');
  assert.ok(consent.body.includes('Les intercommunalités du Lot'), 'no place chosen: every intercommunality');
  assert.ok(!consent.body.includes('checked'), 'nothing is ticked for the household');
  r = await h.post('/mon-projet/consentement', { epci: 'oui' });
  assert.equal(r.statusCode, 400);
  assert.ok(r.body.includes('Cochez l’accord pour le Département'));
  const file = await fileByEmail(t, email);
  assert.equal(
    (await t.ctx.db.select().from(fileConsents).where(eq(fileConsents.fileId, file.id))).length,
    0,
  );
  // The summary cannot be reached, nor the project sent, before the consent is saved.
  r = await h.get('/mon-projet/recapitulatif');
  assert.equal(r.headers.location, '/mon-projet/consentement');
});

test('pages out of order, unknown or without a session send the household to the right place', async () => {
  const anonymous = new Household(t);
  assert.equal((await anonymous.get('/mon-projet/foyer')).headers.location, '/mon-projet');
  assert.equal((await anonymous.get('/mon-projet/pas-une-etape')).statusCode, 404);
  const landing = await anonymous.get('/mon-projet');
  assert.equal(landing.statusCode, 200);
  assert.ok(landing.body.includes('Commencer mon projet'));

  const h = await started('ordre@example.org');
  const ahead = await h.get('/mon-projet/calendrier');
  assert.equal(ahead.statusCode, 303);
  assert.equal(
    ahead.headers.location,
    '/mon-projet/projet',
    'a page not reached yet leads to the step reached',
  );
  assert.equal((await h.get('/mon-projet')).headers.location, '/mon-projet/projet');
  const back = await h.get('/mon-projet/contact');
  assert.equal(back.statusCode, 200);
  assert.ok(back.body.includes('value="ordre@example.org"'));
  assert.equal(back.headers['cache-control'], 'private, no-store');
});

test('new places after the consent ask for the consent again', async () => {
  const email = 'change-lieu@example.org';
  const h = new Household(t);
  await fillAll(t, h, email, { placeUnknown: 'oui' });
  assert.equal((await h.get('/mon-projet')).headers.location, '/mon-projet/recapitulatif');
  // Once everything is answered, a change goes back to the summary…
  let r = await h.post('/mon-projet/calendrier', { timeline: 'asap' });
  assert.equal(r.headers.location, '/mon-projet/recapitulatif');
  // …except new places, which may name another intercommunality than the one consented to.
  r = await h.post('/mon-projet/lieu', { 'commune-1': 'Figeac' });
  assert.equal(r.headers.location, '/mon-projet/logement');
  assert.equal((await fileByEmail(t, email)).intakeStep, 'consentement');
  assert.equal((await h.get('/mon-projet/recapitulatif')).headers.location, '/mon-projet/consentement');
  const consent = await h.get('/mon-projet/consentement');
  assert.ok(consent.body.includes('L’intercommunalité du lieu choisi : CC Grand-Figeac'));
});

test('too many projects started from one connection are refused in French', async () => {
  let last = null as Awaited<ReturnType<Household['post']>> | null;
  for (let i = 0; i < 11; i++)
    last = await new Household(t, '10.9.9.9').post(
      '/mon-projet/contact',
      contactFields(`robot${i}@example.org`),
    );
  assert.equal(last?.statusCode, 429);
  assert.ok(last?.body.includes('Trop de projets commencés depuis votre connexion.'));
  assert.ok(last?.body.includes('value="robot10@example.org"'), 'what was typed is kept');
});
