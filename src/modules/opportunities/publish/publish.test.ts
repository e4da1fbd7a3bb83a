import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { csrfTokenIn, type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createOrganisation, createUser, loginAs } from '../../../../test/helpers/factories.js';
import { rows } from '../../../core/db/index.js';
import { mailOutbox } from '../../../core/mail/index.js';
import { findPublicOpportunity } from '../public.js';
import { opportunities } from '../schema.js';
import { findOpportunity } from '../store.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

type Fields = Record<string, string | string[]>;

/** GETs the form page for its CSRF token, then POSTs the fields (repeated keys for lists). */
async function post(cookie: string, url: string, fields: Fields, formPage = url) {
  const page = await t.app.inject({ method: 'GET', url: formPage, headers: { cookie } });
  const body = new URLSearchParams({ _csrf: csrfTokenIn(page.body) });
  for (const [key, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
}

const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const idFrom = (location: unknown) => String(location).match(/opportunites\/([0-9a-f-]{36})/)?.[1] ?? '';
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

const validJob: Fields = {
  title: 'Infirmier ou infirmière en EHPAD (H/F)',
  description: 'Un EHPAD de 80 lits recrute une infirmière ou un infirmier diplômé d’État, en CDI.',
  communeCode: '46042',
  contractType: 'cdi',
  sector: 'sante',
  occupation: 'Infirmier',
  salaryMin: '2 100',
  salaryMax: '2 600,50',
  salaryUnit: 'MONTH',
  posts: '2',
  wanted: '1',
  profiles: ['wanted', 'secondes-vies'],
  intent: 'submit',
};

async function employer(name = 'Clinique du Quercy') {
  const org = await createOrganisation(t.ctx.db, { kind: 'employeur', name });
  const user = await createUser(t.ctx.db, { role: 'employer', organisationId: org.id });
  return { org, user, cookie: await loginAs(t.app, user.email, user.password) };
}

async function moderator() {
  const user = await createUser(t.ctx.db, { role: 'admin' });
  return { user, cookie: await loginAs(t.app, user.email, user.password) };
}

const journalActions = async (id: string) =>
  (
    await rows<{ action: string }>(
      t.ctx.db,
      sql`select action from journal where target_type = 'opportunity' and target_id = ${id} order by id`,
    )
  ).map((r) => r.action);

test('visitors go to the login page; staff who cannot publish get a 403 and no menu entry', async () => {
  const visitor = await t.app.inject({ method: 'GET', url: '/admin/opportunites' });
  assert.equal(visitor.statusCode, 303);
  assert.match(String(visitor.headers.location), /^\/connexion\?retour=/);
  const viewer = await createUser(t.ctx.db, { role: 'viewer' });
  const cookie = await loginAs(t.app, viewer.email, viewer.password);
  assert.equal((await get(cookie, '/admin/opportunites')).statusCode, 403);
  assert.doesNotMatch((await get(cookie, '/admin')).body, /href="\/admin\/opportunites"/);
  const { cookie: employerCookie } = await employer();
  assert.match((await get(employerCookie, '/admin')).body, /href="\/admin\/opportunites">Opportunités/);
});

test('an employer submits an offer: French errors first, then pending and not public until approved', async () => {
  const { user, cookie } = await employer();
  const chooser = await get(cookie, '/admin/opportunites/nouvelle');
  assert.match(chooser.body, /nouvelle\?type=takeover/);

  const url = '/admin/opportunites/nouvelle?type=job';
  const bad = await post(cookie, url, {
    ...validJob,
    title: 'ab',
    communeCode: '',
    contractType: '',
    salaryMin: 'beaucoup',
    expiresOn: '2001-01-01',
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Le formulaire contient 5 erreurs/);
  assert.match(bad.body, /Saisissez un titre de 5 à 150 caractères\./);
  assert.match(bad.body, /Choisissez la commune dans la liste\./);
  assert.match(bad.body, /Choisissez le type de contrat\./);
  assert.match(bad.body, /Saisissez un montant en euros/);
  assert.match(bad.body, /La date d’expiration doit être dans le futur\./);
  assert.match(bad.body, /name="title" type="text" value="ab"/, 'what was typed is kept');
  assert.match(bad.body, /<textarea[^>]*name="description"[^>]*>Un EHPAD de 80 lits/);
  assert.match(bad.body, /value="wanted" checked/);
  assert.equal(
    (await t.ctx.db.select().from(opportunities).where(eq(opportunities.ownerId, user.id))).length,
    0,
  );

  const tooFar = await post(cookie, url, { ...validJob, expiresOn: inDays(400) });
  assert.equal(tooFar.statusCode, 400);
  assert.match(tooFar.body, /La date d’expiration doit être dans moins d’un an\./);

  const saved = await post(cookie, url, validJob);
  assert.equal(saved.statusCode, 303);
  const id = idFrom(saved.headers.location);
  const o = await findOpportunity(t.ctx.db, id);
  assert.equal(o?.status, 'pending');
  assert.equal(o?.ownerId, user.id);
  assert.deepEqual(o?.details, {
    occupation: 'Infirmier',
    salaryMin: 2100,
    salaryMax: 2600.5,
    salaryUnit: 'MONTH',
    posts: 2,
  });
  assert.deepEqual(o?.targetProfiles, ['wanted', 'secondes-vies']);
  assert.equal(o?.wanted, true);
  const days = (new Date(o!.expiresAt!).getTime() - Date.now()) / 86_400_000;
  assert.ok(days > 59 && days < 61.5, `a job expires after 60 days by default (${days})`);
  assert.equal(await findPublicOpportunity(t.ctx.db, id), undefined);

  const page = await get(cookie, String(saved.headers.location));
  assert.match(page.body, /soumise à validation/);
  assert.match(page.body, /En attente de validation/);
  assert.match((await get(cookie, '/admin/opportunites')).body, /Infirmier ou infirmière en EHPAD/);
  assert.deepEqual(await journalActions(id), ['opportunity.create', 'opportunity.pending']);
});

test('a moderator approves: the offer is public and its owner gets an email', async () => {
  const { user, cookie } = await employer();
  const saved = await post(cookie, '/admin/opportunites/nouvelle?type=job', {
    ...validJob,
    title: 'Technicien de maintenance industrielle',
  });
  const id = idFrom(saved.headers.location);
  const mod = await moderator();
  const queue = await get(mod.cookie, '/admin/opportunites/moderation');
  assert.match(queue.body, /Technicien de maintenance industrielle/);
  assert.equal((await get(cookie, '/admin/opportunites/moderation')).statusCode, 403);
  const refused = await post(cookie, `/admin/opportunites/${id}/valider`, {}, `/admin/opportunites/${id}`);
  assert.equal(refused.statusCode, 403, 'an employer cannot approve');

  const approved = await post(
    mod.cookie,
    `/admin/opportunites/${id}/valider`,
    {},
    `/admin/opportunites/${id}`,
  );
  assert.equal(approved.statusCode, 303);
  assert.equal((await findOpportunity(t.ctx.db, id))?.status, 'published');
  assert.equal((await findPublicOpportunity(t.ctx.db, id))?.title, 'Technicien de maintenance industrielle');
  const mails = await t.ctx.db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.recipient, user.email), eq(mailOutbox.kind, 'opportunity.approved')));
  assert.equal(mails.length, 1);
  assert.match(mails[0].subject, /Technicien de maintenance industrielle.*est publiée/);
  assert.match(mails[0].text, new RegExp(`/opportunites/${id}`));
  assert.deepEqual(await journalActions(id), [
    'opportunity.create',
    'opportunity.pending',
    'opportunity.published',
  ]);
  const again = await post(mod.cookie, `/admin/opportunites/${id}/valider`, {}, `/admin/opportunites/${id}`);
  assert.equal(again.statusCode, 409);
  assert.match(again.body, /Seule une annonce en attente de validation peut être validée/);
});

test('a moderator rejects with a required reason, emailed to the owner', async () => {
  const { user, cookie } = await employer();
  const saved = await post(cookie, '/admin/opportunites/nouvelle?type=job', {
    ...validJob,
    title: 'Agent de production agroalimentaire',
  });
  const id = idFrom(saved.headers.location);
  const mod = await moderator();
  const viewUrl = `/admin/opportunites/${id}`;
  const empty = await post(mod.cookie, `${viewUrl}/refuser`, { reason: '' }, viewUrl);
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /Saisissez le motif du refus/);
  assert.equal((await findOpportunity(t.ctx.db, id))?.status, 'pending');

  const reason = 'Indiquez la rémunération et le temps de travail.';
  const rejected = await post(mod.cookie, `${viewUrl}/refuser`, { reason }, viewUrl);
  assert.equal(rejected.statusCode, 303);
  const o = await findOpportunity(t.ctx.db, id);
  assert.equal(o?.status, 'rejected');
  assert.equal(o?.rejectionReason, reason);
  assert.equal(o?.moderatedBy, mod.user.id);
  const [mail] = await t.ctx.db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.recipient, user.email), eq(mailOutbox.kind, 'opportunity.rejected')));
  assert.ok(mail.text.includes(reason));
  assert.ok(mail.text.includes(`/admin/opportunites/${id}/modifier`));
  assert.match((await get(cookie, viewUrl)).body, /Motif du refus/);
  assert.deepEqual((await journalActions(id)).at(-1), 'opportunity.rejected');
});

test('another organisation gets a 404 on the page, the form and the actions of an offer', async () => {
  const owner = await employer();
  const saved = await post(owner.cookie, '/admin/opportunites/nouvelle?type=job', {
    ...validJob,
    title: 'Comptable en cabinet',
  });
  const id = idFrom(saved.headers.location);
  const other = await employer('Autre employeur');
  assert.equal((await get(other.cookie, `/admin/opportunites/${id}`)).statusCode, 404);
  assert.equal((await get(other.cookie, `/admin/opportunites/${id}/modifier`)).statusCode, 404);
  const edit = await post(
    other.cookie,
    `/admin/opportunites/${id}/modifier`,
    validJob,
    '/admin/opportunites',
  );
  assert.equal(edit.statusCode, 404);
  const withdraw = await post(other.cookie, `/admin/opportunites/${id}/retirer`, {}, '/admin/opportunites');
  assert.equal(withdraw.statusCode, 404);
  assert.doesNotMatch((await get(other.cookie, '/admin/opportunites')).body, /Comptable en cabinet/);
  assert.equal((await get(other.cookie, '/admin/opportunites/pas-un-id')).statusCode, 404);
  assert.equal((await findOpportunity(t.ctx.db, id))?.status, 'pending');
});

test('editing: the owner’s change goes back to moderation, a new expiry alone does not; a moderator’s keeps it published', async () => {
  const owner = await employer();
  const mod = await moderator();
  const saved = await post(owner.cookie, '/admin/opportunites/nouvelle?type=job', {
    ...validJob,
    title: 'Électricien industriel',
  });
  const id = idFrom(saved.headers.location);
  const editUrl = `/admin/opportunites/${id}/modifier`;
  await post(mod.cookie, `/admin/opportunites/${id}/valider`, {}, `/admin/opportunites/${id}`);

  const form = await get(owner.cookie, editUrl);
  assert.match(form.body, /value="Électricien industriel"/);
  assert.match(form.body, /value="2600.5"/);

  const extended = await post(owner.cookie, editUrl, {
    ...validJob,
    title: 'Électricien industriel',
    expiresOn: inDays(200),
  });
  assert.equal(extended.statusCode, 303);
  assert.match(String(extended.headers.location), /ok=prolongee/);
  assert.equal((await findOpportunity(t.ctx.db, id))?.status, 'published');

  const changed = await post(owner.cookie, editUrl, { ...validJob, title: 'Électricien industriel (H/F)' });
  assert.equal(changed.statusCode, 303);
  assert.equal((await findOpportunity(t.ctx.db, id))?.status, 'pending');
  assert.equal(await findPublicOpportunity(t.ctx.db, id), undefined);

  await post(mod.cookie, `/admin/opportunites/${id}/valider`, {}, `/admin/opportunites/${id}`);
  const modEdit = await post(mod.cookie, editUrl, {
    ...validJob,
    title: 'Électricien de maintenance',
    intent: 'save',
  });
  assert.equal(modEdit.statusCode, 303);
  const o = await findOpportunity(t.ctx.db, id);
  assert.equal(o?.status, 'published');
  assert.equal(o?.title, 'Électricien de maintenance');

  const withdrawn = await post(
    owner.cookie,
    `/admin/opportunites/${id}/retirer`,
    {},
    `/admin/opportunites/${id}`,
  );
  assert.equal(withdrawn.statusCode, 303);
  assert.equal((await findOpportunity(t.ctx.db, id))?.status, 'withdrawn');
  assert.equal(await findPublicOpportunity(t.ctx.db, id), undefined);
  const actions = await journalActions(id);
  assert.deepEqual(actions, [
    'opportunity.create',
    'opportunity.pending',
    'opportunity.published',
    'opportunity.update',
    'opportunity.update',
    'opportunity.pending',
    'opportunity.published',
    'opportunity.update',
    'opportunity.withdrawn',
  ]);
});

test('a moderator publishes directly; a draft stays private', async () => {
  const mod = await moderator();
  const published = await post(mod.cookie, '/admin/opportunites/nouvelle?type=housing', {
    title: 'Logement passerelle à Figeac',
    description: 'Un T2 meublé pour les nouveaux arrivants, le temps de trouver un logement durable.',
    communeCode: '46102',
    housingKind: 'passerelle',
    capacity: '3',
    periodFrom0: '01/07/2026',
    periodTo0: '31/08/2026',
    periodFrom1: '2026-10-01',
    intent: 'publish',
  });
  assert.equal(published.statusCode, 303);
  const id = idFrom(published.headers.location);
  const o = await findOpportunity(t.ctx.db, id);
  assert.equal(o?.status, 'published');
  assert.deepEqual(o?.details, {
    housingKind: 'passerelle',
    capacity: 3,
    periods: [{ from: '2026-07-01', to: '2026-08-31' }, { from: '2026-10-01' }],
  });
  const days = (new Date(o!.expiresAt!).getTime() - Date.now()) / 86_400_000;
  assert.ok(days > 179 && days < 181.5, 'other kinds expire after 180 days by default');
  assert.ok(await findPublicOpportunity(t.ctx.db, id));

  const { cookie } = await employer();
  const draft = await post(cookie, '/admin/opportunites/nouvelle?type=premises', {
    title: 'Atelier de 120 m² en zone artisanale',
    description: 'Un atelier avec bureau, sanitaires et quai de chargement, libre tout de suite.',
    communeCode: '46042',
    premisesKind: 'atelier',
    surfaceM2: '120',
    intent: 'draft',
  });
  const draftId = idFrom(draft.headers.location);
  assert.equal((await findOpportunity(t.ctx.db, draftId))?.status, 'draft');
  assert.equal(await findPublicOpportunity(t.ctx.db, draftId), undefined);
  const submitted = await post(
    cookie,
    `/admin/opportunites/${draftId}/soumettre`,
    {},
    `/admin/opportunites/${draftId}`,
  );
  assert.equal(submitted.statusCode, 303);
  assert.equal((await findOpportunity(t.ctx.db, draftId))?.status, 'pending');
});

test('list filters and the moderation queue order; bad filters get a French message, not a 500', async () => {
  const mod = await moderator();
  const { cookie } = await employer();
  for (const title of ['Première annonce en attente', 'Seconde annonce en attente']) {
    await post(cookie, '/admin/opportunites/nouvelle?type=job', { ...validJob, title });
  }
  const queue = (await get(mod.cookie, '/admin/opportunites/moderation')).body;
  assert.ok(queue.indexOf('Première annonce') < queue.indexOf('Seconde annonce'), 'oldest first');
  const filtered = (await get(cookie, '/admin/opportunites?statut=pending&q=Seconde')).body;
  assert.match(filtered, /Seconde annonce en attente/);
  assert.doesNotMatch(filtered, /Première annonce en attente/);
  const bad = await get(cookie, '/admin/opportunites?statut=nimporte&type=x');
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Choisissez un statut dans la liste\./);
});
