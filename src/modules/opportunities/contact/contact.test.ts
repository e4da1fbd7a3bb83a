import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { cookiesOf, csrfTokenIn, type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createOrganisation, createUser, loginAs } from '../../../../test/helpers/factories.js';
import { createTestOpportunity } from '../../../../test/helpers/opportunities.js';
import { rows } from '../../../core/db/index.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const seller = {
  name: 'Gaston Cédant-Discret',
  company: 'SAS Quincaillerie Confidentielle',
  address: '3 place du Marché',
  email: 'gaston.cedant@example.org',
  phone: '05 65 11 22 33',
  notes: 'Ne pas appeler le lundi',
};

let ipCounter = 0;
/** Each test writes from its own address, so the per-address limit never couples two tests. */
const freshIp = () => `10.9.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

/** Opens an opportunity's contact page as a visitor and posts its form with the page's CSRF token. */
async function sendContact(id: string, fields: Record<string, string>, ip = freshIp(), formPage = id) {
  const page = await t.app.inject({
    method: 'GET',
    url: `/opportunites/${formPage}/contact`,
    remoteAddress: ip,
  });
  assert.equal(page.statusCode, 200);
  return t.app.inject({
    method: 'POST',
    url: `/opportunites/${id}/contact`,
    remoteAddress: ip,
    headers: { cookie: cookiesOf(page), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrfTokenIn(page.body), ...fields }).toString(),
  });
}

const valid = {
  name: 'Camille Repreneuse',
  email: 'camille.repreneuse@example.org',
  phone: '06 12 34 56 78',
  message: 'Bonjour, je cherche à reprendre une affaire dans le Lot avec mon conjoint.',
  consent: 'oui',
};

const outboxTo = (recipient: string) =>
  rows<{ recipient: string; subject: string; text: string; kind: string }>(
    t.ctx.db,
    sql`select recipient, subject, text, kind from mail_outbox where recipient = ${recipient} order by created_at`,
  );
const contactsOf = (id: string) =>
  rows<{ id: string; name: string; email: string; status: string; message: string }>(
    t.ctx.db,
    sql`select id, name, email, status, message from opportunity_contacts where opportunity_id = ${id}`,
  );

async function takeoverWithAdviser() {
  const chamber = await createOrganisation(t.ctx.db, { kind: 'chambre', email: 'cma@example.org' });
  const adviser = await createUser(t.ctx.db, { role: 'adviser', organisationId: chamber.id });
  const takeover = await createTestOpportunity(
    t.ctx.db,
    {
      kind: 'takeover',
      title: 'Quincaillerie à reprendre',
      organisationId: chamber.id,
      adviserId: adviser.id,
      hideCommune: true,
    },
    seller,
  );
  return { chamber, adviser, takeover };
}

test('the contact form explains each mistake in French and saves nothing', async () => {
  const job = await createTestOpportunity(t.ctx.db, { contactEmail: 'rh@example.org' });
  const response = await sendContact(job.id, {
    name: '',
    email: 'pas-une-adresse',
    phone: 'appelez-moi',
    message: 'Court',
  });
  assert.equal(response.statusCode, 400);
  const html = response.body;
  assert.match(html, /Le formulaire contient 5 erreurs/);
  assert.match(html, /<a href="#name">Saisissez votre nom et votre prénom/);
  assert.match(html, /<a href="#email">Saisissez une adresse e-mail valide, par exemple nom@exemple.fr/);
  assert.match(html, /<a href="#phone">Saisissez un numéro de téléphone valide/);
  assert.match(html, /<a href="#message">Écrivez votre message : entre 10 et 5 000 caractères/);
  assert.match(html, /<a href="#consent">Cochez la case pour accepter la transmission de vos coordonnées/);
  assert.match(html, /<p class="field__error" id="consent-error">/);
  assert.match(html, /value="pas-une-adresse"/, 'what was typed is shown again');
  assert.match(html, />Court<\/textarea>/);
  assert.match(html, /<title>Postuler : Offre de test — /, 'the contact page, again');
  assert.match(html, /<dt>Lieu<\/dt><dd>Cahors<\/dd>/, 'with its recap of the offer');
  assert.match(html, new RegExp(`<form method="post" action="/opportunites/${job.id}/contact"`));
  assert.match(html, /name="_csrf"/, 'a fresh token to send again');
  assert.equal((await contactsOf(job.id)).length, 0);
  assert.equal((await outboxTo('rh@example.org')).length, 0);
});

test('the contact page recaps the offer, explains where the message goes, and is private and not indexed', async () => {
  const job = await createTestOpportunity(t.ctx.db, {
    title: 'Soudeur',
    contactName: 'Service RH',
    contactPhone: '05 65 00 00 02',
    contactEmail: 'rh.page@example.org',
  });
  const response = await t.app.inject({ method: 'GET', url: `/opportunites/${job.id}/contact` });
  assert.equal(response.statusCode, 200);
  const html = response.body;
  assert.match(html, /<title>Postuler : Soudeur — /);
  assert.match(html, /<h1>Postuler : Soudeur<\/h1>/);
  assert.match(html, /<meta name="robots" content="noindex, nofollow"/);
  assert.match(
    html,
    new RegExp(
      `<nav class="breadcrumbs"[\\s\\S]*href="/opportunites\\?type=job">Offres d’emploi</a>[\\s\\S]*<a href="/opportunites/${job.id}">Soudeur</a>[\\s\\S]*<span aria-current="page">Postuler</span>`,
    ),
    'breadcrumbs lead back to the offer',
  );
  assert.match(html, new RegExp(`<dt>Titre</dt><dd><a href="/opportunites/${job.id}">Soudeur</a></dd>`));
  assert.match(html, /<dt>Lieu<\/dt><dd>Cahors<\/dd>/);
  assert.match(html, /<dt>Type<\/dt><dd>Offre d’emploi<\/dd>/);
  assert.match(html, /Contact : Service RH · <a href="tel:0565000002">05 65 00 00 02<\/a>/);
  assert.match(
    html,
    /Vous pouvez aussi écrire avec ce formulaire : votre message est transmis à Employeur de test/,
  );
  assert.match(html, new RegExp(`<form method="post" action="/opportunites/${job.id}/contact"`));
  assert.match(html, /<label for="message">Votre message/);
  assert.match(html, /<input id="consent" name="consent" type="checkbox" value="oui"/);
  assert.match(html, /transmis à Employeur de test pour répondre à ma demande/);
  assert.match(html, /name="_csrf"/);
  assert.equal(response.headers['cache-control'], 'private, no-store', 'a per-visitor token: never shared');

  const { takeover } = await takeoverWithAdviser();
  const t2 = await t.app.inject({ method: 'GET', url: `/opportunites/${takeover.id}/contact` });
  assert.equal(t2.statusCode, 200);
  assert.match(t2.body, /<title>Demander des informations : Quincaillerie à reprendre — /);
  assert.match(t2.body, /Le cédant reste anonyme à ce stade/);
  assert.match(t2.body, /au conseiller qui accompagne cette cession \(jamais directement au cédant\)/);
  assert.match(
    t2.body,
    /<dt>Lieu<\/dt><dd>Intercommunalité : [^<]+<\/dd>/,
    'a blurred takeover shows its EPCI',
  );
  assert.match(t2.body, /<dt>Type<\/dt><dd>Entreprise à reprendre<\/dd>/);
  for (const secret of Object.values(seller)) assert.ok(!t2.body.includes(secret), secret);

  const premises = await createTestOpportunity(t.ctx.db, { kind: 'premises', title: 'Atelier partagé' });
  const p = await t.app.inject({ method: 'GET', url: `/opportunites/${premises.id}/contact` });
  assert.match(p.body, /<title>Contacter : Atelier partagé — /);
});

test('offers that take no message, or are not public, have no contact page', async () => {
  const imported = await createTestOpportunity(t.ctx.db, {
    source: 'france-travail',
    sourceId: 'PAGE404',
    sourceUrl: 'https://candidat.francetravail.fr/offres/recherche/detail/PAGE404',
  });
  const draft = await createTestOpportunity(t.ctx.db, { status: 'draft' });
  const day = 24 * 60 * 60 * 1000;
  const expired = await createTestOpportunity(t.ctx.db, { expiresAt: new Date(Date.now() - day) });
  for (const id of [imported.id, draft.id, expired.id, crypto.randomUUID(), 'pas-un-identifiant']) {
    const response = await t.app.inject({ method: 'GET', url: `/opportunites/${id}/contact` });
    assert.equal(response.statusCode, 404, id);
    assert.match(response.body, /Cette annonce n’existe pas, n’est plus publiée ou a expiré/);
    assert.doesNotMatch(response.body, /name="consent"/);
  }
});

test('a message about a job is stored, emailed to its contact, journaled without its text, then confirmed', async () => {
  const job = await createTestOpportunity(t.ctx.db, {
    title: 'Soudeur',
    contactEmail: 'rh.soudure@example.org',
  });
  const response = await sendContact(job.id, valid);
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, `/opportunites/${job.id}/contact/merci`);
  const [contact] = await contactsOf(job.id);
  assert.equal(contact.name, valid.name);
  assert.equal(contact.email, valid.email);
  assert.equal(contact.status, 'new');
  const [mail] = await outboxTo('rh.soudure@example.org');
  assert.equal(mail.subject, 'Nouvelle demande : Soudeur');
  assert.match(mail.text, /Camille Repreneuse/);
  assert.match(mail.text, /camille\.repreneuse@example\.org/);
  assert.match(mail.text, /avec mon conjoint/);
  assert.match(mail.text, new RegExp(`http://localhost:3000/opportunites/${job.id}`));
  const journal = await rows<{ action: string; diff: unknown; ip: string | null }>(
    t.ctx.db,
    sql`select action, diff, ip from journal where target_id = ${job.id} and action = 'opportunity.contact'`,
  );
  assert.equal(journal.length, 1);
  const diff = JSON.stringify(journal[0].diff);
  assert.match(diff, new RegExp(contact.id));
  assert.doesNotMatch(diff, /conjoint/, 'the journal never holds the message');
  assert.ok(journal[0].ip);

  const thanks = await t.app.inject({ method: 'GET', url: `/opportunites/${job.id}/contact/merci` });
  assert.equal(thanks.statusCode, 200);
  assert.match(thanks.body, /Votre message a été envoyé/);
  assert.match(thanks.body, /« Soudeur »/);
});

test('a message about a takeover reaches its adviser, never the seller, and carries no seller data', async () => {
  const { adviser, takeover } = await takeoverWithAdviser();
  const response = await sendContact(takeover.id, valid);
  assert.equal(response.statusCode, 303);
  const [mail, ...more] = await outboxTo(adviser.email);
  assert.equal(more.length, 0);
  assert.equal(mail.kind, 'opportunity-contact');
  assert.match(mail.text, /Camille Repreneuse/);
  assert.match(mail.text, new RegExp(`/admin/opportunites/${takeover.id}/demandes`));
  for (const secret of Object.values(seller)) {
    assert.ok(!mail.text.includes(secret) && !mail.subject.includes(secret), `no ${secret} in the email`);
  }
  assert.equal((await outboxTo(seller.email)).length, 0, 'nothing to the seller');
  const thanks = await t.app.inject({ method: 'GET', url: `/opportunites/${takeover.id}/contact/merci` });
  assert.match(thanks.body, /conseiller/);
});

test('without an adviser, a takeover message goes to the publishing organisation', async () => {
  const chamber = await createOrganisation(t.ctx.db, {
    kind: 'chambre',
    email: 'cci.transmission@example.org',
  });
  const takeover = await createTestOpportunity(
    t.ctx.db,
    { kind: 'takeover', organisationId: chamber.id },
    seller,
  );
  assert.equal((await sendContact(takeover.id, valid)).statusCode, 303);
  assert.equal((await outboxTo('cci.transmission@example.org')).length, 1);
  assert.equal((await outboxTo(seller.email)).length, 0);
});

test('an imported offer takes no message, even with a valid token', async () => {
  const imported = await createTestOpportunity(t.ctx.db, {
    source: 'france-travail',
    sourceId: '999XYZ',
    sourceUrl: 'https://candidat.francetravail.fr/offres/recherche/detail/999XYZ',
  });
  const withForm = await createTestOpportunity(t.ctx.db, {});
  const response = await sendContact(imported.id, valid, freshIp(), withForm.id);
  assert.equal(response.statusCode, 404);
  assert.equal((await contactsOf(imported.id)).length, 0);
  const draft = await createTestOpportunity(t.ctx.db, { status: 'draft' });
  assert.equal((await sendContact(draft.id, valid, freshIp(), withForm.id)).statusCode, 404);
});

test('one address sending too many messages is slowed down, and keeps what it typed', async () => {
  const job = await createTestOpportunity(t.ctx.db, { contactEmail: 'rh.limite@example.org' });
  const ip = freshIp();
  for (let i = 0; i < 10; i++) assert.equal((await sendContact(job.id, valid, ip)).statusCode, 303);
  const blocked = await sendContact(
    job.id,
    { ...valid, message: 'Onzième message, gardé dans le formulaire.' },
    ip,
  );
  assert.equal(blocked.statusCode, 429);
  assert.match(blocked.body, /Vous avez envoyé beaucoup de messages en peu de temps/);
  assert.match(blocked.body, />Onzième message, gardé dans le formulaire.<\/textarea>/);
  assert.equal((await contactsOf(job.id)).length, 10);
  assert.equal((await sendContact(job.id, valid)).statusCode, 303, 'another address is not affected');
});

test('the requests page is for the adviser, the organisation and administrators; others get a 404', async () => {
  const { chamber, adviser, takeover } = await takeoverWithAdviser();
  await sendContact(takeover.id, valid);
  const url = `/admin/opportunites/${takeover.id}/demandes`;

  const visitor = await t.app.inject({ method: 'GET', url });
  assert.equal(visitor.statusCode, 303);
  assert.match(String(visitor.headers.location), /^\/connexion\?retour=/);

  const asAdviser = await loginAs(t.app, adviser.email, adviser.password);
  const page = await t.app.inject({ method: 'GET', url, headers: { cookie: asAdviser } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Camille Repreneuse/);
  assert.match(page.body, /avec mon conjoint/);
  assert.match(page.body, /Gaston Cédant-Discret/, 'the adviser sees what would be released');
  assert.match(page.body, /Transmettre les coordonnées du cédant à Camille Repreneuse/);
  assert.match(page.body, /<meta name="robots" content="noindex, nofollow"/);

  const colleague = await createUser(t.ctx.db, { role: 'editor', organisationId: chamber.id });
  const admin = await createUser(t.ctx.db, { role: 'admin' });
  for (const user of [colleague, admin]) {
    const cookie = await loginAs(t.app, user.email, user.password);
    assert.equal(
      (await t.app.inject({ method: 'GET', url, headers: { cookie } })).statusCode,
      200,
      user.role,
    );
  }
  const otherAdviser = await createUser(t.ctx.db, { role: 'adviser' });
  const employer = await createUser(t.ctx.db, { role: 'employer', organisationId: chamber.id });
  for (const user of [otherAdviser, employer]) {
    const cookie = await loginAs(t.app, user.email, user.password);
    const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
    assert.equal(response.statusCode, 404, user.role);
    assert.doesNotMatch(response.body, /Gaston|Camille/);
  }
  const cookie = await loginAs(t.app, adviser.email, adviser.password);
  const unknown = await t.app.inject({
    method: 'GET',
    url: `/admin/opportunites/${crypto.randomUUID()}/demandes`,
    headers: { cookie },
  });
  assert.equal(unknown.statusCode, 404);
});

test('only the adviser releases the seller identity, to one requester, by email, journaled', async () => {
  const { adviser, takeover } = await takeoverWithAdviser();
  await sendContact(takeover.id, valid);
  await sendContact(takeover.id, { ...valid, name: 'Autre Personne', email: 'autre.personne@example.org' });
  const contacts = await contactsOf(takeover.id);
  const camille = contacts.find((c) => c.email === valid.email)!;
  const release = `/admin/opportunites/${takeover.id}/demandes/${camille.id}/transmettre`;

  async function postAs(cookie: string) {
    const page = await t.app.inject({ method: 'GET', url: '/admin', headers: { cookie } });
    return t.app.inject({
      method: 'POST',
      url: release,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrfTokenIn(page.body) }).toString(),
    });
  }

  const intruder = await createUser(t.ctx.db, { role: 'adviser' });
  const refused = await postAs(await loginAs(t.app, intruder.email, intruder.password));
  assert.equal(refused.statusCode, 404);
  assert.equal((await outboxTo(valid.email)).length, 0);

  const cookie = await loginAs(t.app, adviser.email, adviser.password);
  const done = await postAs(cookie);
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, `/admin/opportunites/${takeover.id}/demandes?ok=released`);
  const [mail] = await outboxTo(valid.email);
  assert.equal(mail.kind, 'opportunity-seller-release');
  for (const field of [seller.name, seller.company, seller.phone, seller.email])
    assert.ok(mail.text.includes(field), field);
  assert.ok(!mail.text.includes(seller.notes), 'internal notes stay internal');
  assert.equal((await outboxTo('autre.personne@example.org')).length, 0, 'only the chosen requester');
  const after = await contactsOf(takeover.id);
  assert.equal(after.find((c) => c.id === camille.id)?.status, 'released');
  assert.equal(after.find((c) => c.id !== camille.id)?.status, 'new');
  const journal = await rows<{ actor_id: string; diff: unknown }>(
    t.ctx.db,
    sql`select actor_id, diff from journal where target_id = ${takeover.id} and action = 'opportunity.seller_release'`,
  );
  assert.equal(journal.length, 1);
  assert.equal(journal[0].actor_id, adviser.id);
  assert.match(JSON.stringify(journal[0].diff), new RegExp(camille.id));

  const page = await t.app.inject({
    method: 'GET',
    url: done.headers.location as string,
    headers: { cookie },
  });
  assert.match(page.body, /Les coordonnées du cédant ont été envoyées/);
  const again = await postAs(cookie);
  assert.equal(again.headers.location, `/admin/opportunites/${takeover.id}/demandes?ok=already`);
  assert.equal((await outboxTo(valid.email)).length, 1, 'released once');
  const bogus = await t.app.inject({
    method: 'POST',
    url: `/admin/opportunites/${takeover.id}/demandes/pas-un-id/transmettre`,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      _csrf: csrfTokenIn((await t.app.inject({ method: 'GET', url: '/admin', headers: { cookie } })).body),
    }).toString(),
  });
  assert.equal(bogus.statusCode, 404);
});
