import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { ambassadorCookie, createTestAmbassador } from '../../../../test/helpers/ambassadors.js';
import { cookiesOf, csrfTokenIn, type TestApp, testApp } from '../../../../test/helpers/app.js';
import { rows } from '../../../core/db/index.js';
import { referralPath, spacePaths } from '../paths.js';
import { ambassadors, referralVisits } from '../schema.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const get = (url: string, cookie = '') => t.app.inject({ method: 'GET', url, headers: { cookie } });

async function visitsOf(id: string) {
  return t.ctx.db
    .select({ medium: referralVisits.medium, visits: referralVisits.visits })
    .from(referralVisits)
    .where(eq(referralVisits.ambassadorId, id))
    .orderBy(referralVisits.medium);
}

test('each visit through the link is counted, the QR code apart, nothing of the visitor kept', async () => {
  const a = await createTestAmbassador(t.ctx.db, {
    name: 'Camille Ambassadrice',
    portraitOptIn: true,
    portraitText: 'J’ai posé mes valises à Cahors.',
  });
  await t.ctx.db
    .update(ambassadors)
    .set({ lastActivityAt: new Date('2025-01-01') })
    .where(eq(ambassadors.id, a.id));
  const first = await get(referralPath(a.code));
  assert.equal(first.statusCode, 200);
  assert.match(first.body, /Camille, ambassadeur du Lot \(Cahors\), vous invite à découvrir le Lot/);
  assert.match(first.body, /J’ai posé mes valises à Cahors/);
  assert.match(first.body, new RegExp(`href="/mon-projet\\?ambassadeur=${a.code}"`));
  assert.match(first.body, /noindex/);
  assert.equal(first.cookies.length > 0 && first.cookies.some((c) => c.name === 'choisir_ref'), false);
  await get(referralPath(a.code.toLowerCase()));
  await get(`${referralPath(a.code)}?via=qr`);
  // The preview robot of a social network fetches the shared link: the page answers, the count does not move.
  const robot = await t.app.inject({
    method: 'GET',
    url: referralPath(a.code),
    headers: { 'user-agent': 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)' },
  });
  assert.equal(robot.statusCode, 200);
  assert.deepEqual(await visitsOf(a.id), [
    { medium: 'link', visits: 2 },
    { medium: 'qr', visits: 1 },
  ]);
  const [after] = await t.ctx.db.select().from(ambassadors).where(eq(ambassadors.id, a.id));
  assert.ok(after.lastActivityAt > new Date('2025-06-01'), 'a visit marks the ambassador active');
});

test('an unknown, malformed or inactive code answers a French 404', async () => {
  const gone = await createTestAmbassador(t.ctx.db, { status: 'left' });
  for (const url of [referralPath('LOT-XXXXX'), referralPath('%3Cscript%3E'), referralPath(gone.code)]) {
    const r = await get(url);
    assert.equal(r.statusCode, 404, url);
    assert.match(r.body, /Ce lien d’ambassadeur n’est plus actif/);
    assert.match(r.body, /href="\/mon-projet"/);
  }
  assert.deepEqual(await visitsOf(gone.id), []);
});

test('the attribution cookie is set only on the visitor’s POST, then the intake records the code', async () => {
  const a = await createTestAmbassador(t.ctx.db);
  const page = await get(referralPath(a.code));
  assert.ok(!page.cookies.some((c) => c.name === 'choisir_ref'));
  assert.match(page.body, /Se souvenir que je viens de la part de Camille/);
  assert.match(page.body, /90 jours/);
  let cookie = cookiesOf(page);
  const posted = await t.app.inject({
    method: 'POST',
    url: referralPath(a.code),
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrfTokenIn(page.body) }).toString(),
  });
  assert.equal(posted.statusCode, 303);
  assert.equal(posted.headers.location, '/');
  const ref = posted.cookies.find((c) => c.name === 'choisir_ref');
  assert.ok(ref);
  assert.equal(ref.value, a.code);
  assert.equal(ref.httpOnly, true);
  assert.equal(String(ref.sameSite).toLowerCase(), 'lax');
  assert.equal(ref.maxAge, 90 * 24 * 3600);
  // The visitor, some days later, starts the intake with nothing but the cookie.
  cookie = cookiesOf(posted, cookie);
  const form = await get('/mon-projet/contact', cookie);
  cookie = cookiesOf(form, cookie);
  const created = await t.app.inject({
    method: 'POST',
    url: '/mon-projet/contact',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      _csrf: csrfTokenIn(form.body),
      contactName: 'Noé Visiteur',
      email: 'noe.visiteur@example.org',
      phone: '',
    }).toString(),
  });
  assert.equal(created.statusCode, 303);
  const [file] = await rows<{ code: string }>(
    t.ctx.db,
    sql`select ambassador_code as code from newcomer_files where email = 'noe.visiteur@example.org'`,
  );
  assert.equal(file.code, a.code);

  // The ambassador's impact page counts the contact, and shows no newcomer data.
  const impact = await get(spacePaths.impact, await ambassadorCookie(t.ctx.db, a.id));
  assert.equal(impact.statusCode, 200);
  assert.match(impact.body, /<strong>1<\/strong> projets commencés/);
  assert.match(impact.body, /<strong>1<\/strong> visites au total/);
  assert.doesNotMatch(impact.body, /Noé|noe\.visiteur/);
});

test('a POST to an unknown code sets no cookie', async () => {
  const a = await createTestAmbassador(t.ctx.db);
  const page = await get(referralPath(a.code));
  const r = await t.app.inject({
    method: 'POST',
    url: referralPath('LOT-NOPE1'),
    headers: { cookie: cookiesOf(page), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrfTokenIn(page.body) }).toString(),
  });
  assert.equal(r.statusCode, 404);
  assert.ok(!r.cookies.some((c) => c.name === 'choisir_ref'));
});
