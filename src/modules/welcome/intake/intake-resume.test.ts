import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { contactFields, Household, magicLinkIn, mailsTo } from './test-household.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

/**
 * Opens a magic link on another device: the link page (a button, since mail scanners open links) or a
 * redirect, then wherever it leads.
 */
async function openLink(h: Household, path: string) {
  const page = await h.get(path);
  let next: string;
  if (page.statusCode === 200) {
    const r = await h.post(path, {}, path);
    assert.equal(r.statusCode, 303, r.body.slice(0, 200));
    next = String(r.headers.location);
  } else {
    assert.equal(page.statusCode, 303);
    next = String(page.headers.location);
  }
  return h.follow(next);
}

test('the emailed link resumes the intake on another device, at the step reached', async () => {
  const email = 'reprise@example.org';
  const phone = new Household(t);
  await phone.post('/mon-projet/contact', contactFields(email));
  await phone.post('/mon-projet/foyer', { 'adult-1-firstName': 'Camille' });
  await phone.post('/mon-projet/projet', { projectKinds: 'remote' });

  const [mail] = await mailsTo(t, email);
  const laptop = new Household(t);
  const { response, url } = await openLink(laptop, magicLinkIn(mail.text));
  assert.equal(url, '/mon-projet/lieu', 'the laptop lands on the step reached');
  assert.equal(response.statusCode, 200);
  assert.ok(response.body.includes('Étape 4 sur 10'));
  const r = await laptop.post('/mon-projet/lieu', { placeUnknown: 'oui' });
  assert.equal(r.headers.location, '/mon-projet/logement');
});

test('« Reprendre mon projet » sends a fresh link to each unfinished file, and says the same for anyone', async () => {
  const email = 'deux-projets@example.org';
  for (const _ of [1, 2]) {
    const h = new Household(t);
    await h.post('/mon-projet/contact', contactFields(email));
  }
  const before = (await mailsTo(t, email)).length;

  const visitor = new Household(t);
  const known = await visitor.post('/mon-projet/reprendre', { email: email.toUpperCase() });
  const unknown = await visitor.post('/mon-projet/reprendre', { email: 'inconnu@example.org' });
  assert.equal(known.statusCode, 200);
  assert.equal(unknown.statusCode, 200);
  const sameAnswer = (body: string) =>
    body
      .replace(/<input type="hidden" name="_csrf"[^>]*>/, '')
      .replace(/<strong>[^<]*<\/strong>/, '')
      .replace(/value="[^"]*@[^"]*"/, '');
  assert.equal(
    sameAnswer(known.body),
    sameAnswer(unknown.body),
    'the page never tells whether a project exists',
  );
  assert.ok(known.body.includes('vous allez recevoir un e-mail'));
  assert.equal((await mailsTo(t, 'inconnu@example.org')).length, 0);

  const mails = await mailsTo(t, email);
  assert.equal(mails.length, before + 1);
  const links = [...mails[mails.length - 1].text.matchAll(/\/mon-espace\/lien\/[A-Za-z0-9_-]+/g)];
  assert.equal(links.length, 2, 'one link per unfinished project');
  const { url } = await openLink(new Household(t), links[1][0]);
  assert.equal(url, '/mon-projet/foyer');

  const bad = await visitor.post('/mon-projet/reprendre', { email: 'pas une adresse' });
  assert.equal(bad.statusCode, 400);
  assert.ok(bad.body.includes('Saisissez une adresse e-mail valide'));
});

test('asking for links too often is refused with a French message', async () => {
  const visitor = new Household(t);
  let last = await visitor.post('/mon-projet/reprendre', { email: 'presse@example.org' });
  for (let i = 0; i < 3; i++)
    last = await visitor.post('/mon-projet/reprendre', { email: 'presse@example.org' });
  assert.equal(last.statusCode, 429);
  assert.ok(last.body.includes('Trop de demandes de lien'));
});
