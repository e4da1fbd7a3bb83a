import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../test/helpers/app.js';
import { createUser, loginAs } from '../../../test/helpers/factories.js';
import { record } from '../../core/journal/index.js';

let t: TestApp;
let cookie: string;
let adminEmail: string;
before(async () => {
  t = await testApp();
  const admin = await createUser(t.ctx.db, { role: 'admin' });
  adminEmail = admin.email;
  cookie = await loginAs(t.app, admin.email, admin.password);
  const actor = { id: admin.id, label: `${admin.name} <${admin.email}>` };
  await record(t.ctx.db, {
    actor,
    action: 'commune.update',
    target: { type: 'commune', id: '46042' },
    before: { name: 'Cahor' },
    after: { name: 'Cahors' },
  });
  await record(t.ctx.db, {
    actor,
    action: 'commune.update',
    target: { type: 'commune', id: '46102' },
    after: { population: 10000 },
  });
  await record(t.ctx.db, {
    actor: { id: null, label: 'système' },
    action: 'story.publish',
    target: { type: 'story', id: 's1' },
  });
  await t.ctx.db.execute(sql`update journal set at = '2024-01-15T10:00:00Z' where action = 'story.publish'`);
});
after(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

test('the journal lists entries with date, actor, action, target and a summary of the diff', async () => {
  const page = await get('/admin/journal');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<th scope="col">Changements<\/th>/);
  assert.match(page.body, /<code>name<\/code> : Cahor → Cahors/);
  assert.match(page.body, /<code>user\.login<\/code>/);
});

test('journal filters: action prefix, target type and id, actor, date range, kept in the pagination links', async () => {
  const byAction = await get('/admin/journal?action=commune.');
  assert.match(byAction.body, /2 entrées/);
  assert.match(byAction.body, /value="commune\."/, 'the filter shows what was asked');
  const byTarget = await get('/admin/journal?type=commune&cible=46042');
  assert.match(byTarget.body, /1 entrée</);
  const byActor = await get(`/admin/journal?acteur=${encodeURIComponent(adminEmail)}&action=commune`);
  assert.match(byActor.body, /2 entrées/);
  const byDate = await get('/admin/journal?du=2024-01-15&au=2024-01-15');
  assert.match(byDate.body, /1 entrée</);
  assert.match(byDate.body, /story\.publish/);
  const before = await get('/admin/journal?au=2024-01-14');
  assert.match(before.body, /0 entrée/);

  for (let i = 0; i < 55; i++) {
    await record(t.ctx.db, {
      actor: { id: null, label: 'système' },
      action: 'bulk.touch',
      target: { type: 'thing', id: String(i) },
    });
  }
  const first = await get('/admin/journal?action=bulk');
  assert.match(first.body, /55 entrées/);
  assert.match(first.body, /href="\/admin\/journal\?action=bulk&amp;page=2"/);
  const second = await get('/admin/journal?action=bulk&page=2');
  assert.match(second.body, /Page 2 sur 2/);
});

test('bad journal filters get French messages at each field, not a 500', async () => {
  const page = await get(
    '/admin/journal?du=2024-02-30&au=hier&action=DROP%20TABLE&acteur=nobody%40example.org',
  );
  assert.equal(page.statusCode, 400);
  assert.match(page.body, /Le formulaire contient/);
  assert.match(page.body, /Saisissez une date valide au format AAAA-MM-JJ/);
  assert.match(page.body, /Saisissez le début d’une action en minuscules/);
  assert.match(page.body, /href="#du"/);
  const order = await get('/admin/journal?du=2024-03-02&au=2024-03-01');
  assert.equal(order.statusCode, 400);
  assert.match(order.body, /La date de fin doit être après la date de début/);
  const unknownActor = await get('/admin/journal?acteur=personne%40example.org');
  assert.match(unknownActor.body, /Aucun compte n’a cette adresse e-mail/);
});

test('the outbox lists messages, filters by recipient, and shows a message escaped', async () => {
  await t.ctx.mailer.send({
    to: 'a@example.org',
    subject: 'Bonjour <script>alert(1)</script>',
    text: 'Texte <b>gras</b> & "cité"\n<img src=x onerror=alert(1)>',
  });
  await t.ctx.mailer.send({ to: 'b@example.org', subject: 'Autre', text: 'Rien' });
  const list = await get('/admin/courriels');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Bonjour &lt;script>alert\(1\)&lt;\/script>/);
  assert.doesNotMatch(list.body, /<script>alert/);
  assert.match(list.body, /Conservé \(pas d’envoi configuré\)/);
  const filtered = await get('/admin/courriels?destinataire=B%40example.org');
  assert.match(filtered.body, /1 courriel</);
  assert.doesNotMatch(filtered.body, /a@example\.org/);
  const bad = await get('/admin/courriels?destinataire=pas-une-adresse');
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Saisissez une adresse e-mail complète/);

  const id = list.body.match(/href="\/admin\/courriels\/([0-9a-f-]{36})">Bonjour/)?.[1];
  assert.ok(id);
  const message = await get(`/admin/courriels/${id}`);
  assert.equal(message.statusCode, 200);
  assert.doesNotMatch(message.body, /<script>alert|<img src=x|<b>gras/);
  assert.match(
    message.body,
    /<pre class="mail-text">Texte &lt;b>gras&lt;\/b> &amp; &quot;cité&quot;\n&lt;img src=x onerror=alert\(1\)></,
  );
  assert.match(message.body, /<title>Courriel : Bonjour &lt;script>/);
  assert.equal((await get('/admin/courriels/pas-un-id')).statusCode, 404);
  assert.equal((await get('/admin/courriels/00000000-0000-4000-8000-000000000000')).statusCode, 404);
});
