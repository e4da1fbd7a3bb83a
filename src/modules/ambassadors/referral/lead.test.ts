import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { ambassadorCookie, createTestAmbassador } from '../../../../test/helpers/ambassadors.js';
import { cookiesOf, csrfTokenIn, type TestApp, testApp } from '../../../../test/helpers/app.js';
import { rows } from '../../../core/db/index.js';
import { journal } from '../../../core/journal/index.js';
import { mailOutbox } from '../../../core/mail/index.js';
import { spacePaths } from '../paths.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

async function postLead(cookie: string, fields: Record<string, string>) {
  const page = await t.app.inject({ method: 'GET', url: spacePaths.lead, headers: { cookie } });
  assert.equal(page.statusCode, 200);
  return t.app.inject({
    method: 'POST',
    url: spacePaths.lead,
    headers: { cookie: cookiesOf(page, cookie), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrfTokenIn(page.body), ...fields }).toString(),
  });
}

test('a reported lead creates an open file attributed to the code, and emails the person', async () => {
  const a = await createTestAmbassador(t.ctx.db, { name: 'Camille Ambassadrice' });
  const cookie = await ambassadorCookie(t.ctx.db, a.id);
  const r = await postLead(cookie, {
    name: 'Inès Curieuse',
    email: 'ines.curieuse@example.org',
    phone: '06 11 22 33 44',
    commune: 'Figeac',
    note: 'Kinésithérapeute, deux enfants',
    consent: 'oui',
  });
  assert.equal(r.statusCode, 200, r.body.slice(0, 400));
  assert.match(r.body, /Contact transmis/);
  const [file] = await rows<{
    id: string;
    reference: string;
    status: string;
    code: string;
    communes: string[];
  }>(
    t.ctx.db,
    sql`select id, reference, status, ambassador_code as code, place_communes as communes
        from newcomer_files where email = 'ines.curieuse@example.org'`,
  );
  assert.equal(file.status, 'open');
  assert.equal(file.code, a.code);
  assert.deepEqual(file.communes, ['46102']);
  const mails = await t.ctx.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.recipient, 'ines.curieuse@example.org'));
  assert.equal(mails.length, 1);
  assert.match(mails[0].text, /Camille Ambassadrice/);

  // The ambassador's journal names the file, never the person.
  const [entry] = await t.ctx.db
    .select()
    .from(journal)
    .where(
      and(
        eq(journal.targetType, 'ambassador'),
        eq(journal.targetId, a.id),
        eq(journal.action, 'lead.report'),
      ),
    );
  assert.ok(entry);
  const text = JSON.stringify(entry);
  assert.match(text, new RegExp(file.reference));
  assert.doesNotMatch(text, /Inès|ines\.curieuse|06 11 22|Kinésithérapeute|Figeac|46102/);
});

test('without the person’s agreement, or with a bad commune, nothing is created and the errors say why', async () => {
  const a = await createTestAmbassador(t.ctx.db);
  const cookie = await ambassadorCookie(t.ctx.db, a.id);
  const r = await postLead(cookie, {
    name: 'Paul Sansaccord',
    email: 'pas-une-adresse',
    commune: 'Atlantis',
    note: 'x'.repeat(1001),
  });
  assert.equal(r.statusCode, 400);
  assert.match(r.body, /Cochez cette case/);
  assert.match(r.body, /Indiquez l’adresse e-mail de la personne/);
  assert.match(r.body, /Choisissez une commune du Lot/);
  assert.match(r.body, /1 000 caractères au plus/);
  assert.match(r.body, /value="Paul Sansaccord"/);
  const found = await rows(
    t.ctx.db,
    sql`select id from newcomer_files where contact_name = 'Paul Sansaccord'`,
  );
  assert.equal(found.length, 0);
});

test('the lead form needs a session', async () => {
  const r = await t.app.inject({ method: 'GET', url: spacePaths.lead });
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, spacePaths.login);
});
