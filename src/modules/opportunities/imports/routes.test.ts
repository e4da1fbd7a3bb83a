import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { csrfTokenIn, type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createUser, departement, loginAs } from '../../../../test/helpers/factories.js';
import { fromRoot } from '../../../core/paths.js';
import { opportunities, opportunitySellers } from '../schema.js';

const fixture = (name: string) => fs.readFileSync(fromRoot('test/fixtures/imports', name));

let t: TestApp;
let admin: string;
before(async () => {
  t = await testApp();
  const user = await createUser(t.ctx.db, { role: 'admin' });
  admin = await loginAs(t.app, user.email, user.password);
});
after(() => t.close());

/** A multipart/form-data body as a browser sends it. */
function multipart(fields: Record<string, string>, file?: { filename: string; content: Buffer }) {
  const boundary = '----choisirTestBoundary7MA4YWxkTrZu0gW';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="fichier"; filename="${file.filename}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(
  cookie: string,
  fields: Record<string, string>,
  file?: { filename: string; content: Buffer },
) {
  const page = await t.app.inject({ method: 'GET', url: '/admin/opportunites/imports', headers: { cookie } });
  const body = multipart({ _csrf: csrfTokenIn(page.body), ...fields }, file);
  return t.app.inject({
    method: 'POST',
    url: '/admin/opportunites/imports',
    headers: { cookie, 'content-type': body.contentType },
    payload: body.payload,
  });
}

test('an administrator sees the imports page, its templates and its guide', async () => {
  const page = await t.app.inject({
    method: 'GET',
    url: '/admin/opportunites/imports',
    headers: { cookie: admin },
  });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1>Imports d’opportunités<\/h1>/);
  assert.match(page.body, /enctype="multipart\/form-data"/);
  assert.match(page.body, /<label for="fichier">Fichier CSV<\/label>/);
  assert.match(page.body, /L’import n’est pas activé/, 'no France Travail credentials in tests');
  assert.match(
    page.body,
    /href="\/admin\/opportunites\/imports"[^>]*>Imports<\/a>/,
    'the staff navigation entry',
  );

  const template = await t.app.inject({
    method: 'GET',
    url: '/admin/opportunites/imports/modele-reprises.csv',
    headers: { cookie: admin },
  });
  assert.equal(template.statusCode, 200);
  assert.match(String(template.headers['content-type']), /^text\/csv/);
  assert.match(String(template.headers['content-disposition']), /attachment; filename="modele-reprises.csv"/);
  assert.match(template.body, /^\uFEFFreference;titre;description;commune;type_activite;/);
  for (const slug of ['locaux', 'logements']) {
    const other = await t.app.inject({
      method: 'GET',
      url: `/admin/opportunites/imports/modele-${slug}.csv`,
      headers: { cookie: admin },
    });
    assert.equal(other.statusCode, 200);
  }

  const guide = await t.app.inject({
    method: 'GET',
    url: '/admin/opportunites/imports/guide-des-colonnes',
    headers: { cookie: admin },
  });
  assert.equal(guide.statusCode, 200);
  assert.match(guide.body, /<code>type_logement<\/code>/);
  assert.match(guide.body, /<code>fonds<\/code> : Cession du fonds/, 'allowed values with their labels');
  assert.match(guide.body, /<code>passerelle<\/code> : Logement passerelle/);
  assert.match(guide.body, /<code>secondes-vies<\/code>/, 'target profiles from the database');
});

test('an admin uploads a CSV and reads its report: counts and rejected rows', async () => {
  const org = await departement(t.ctx.db);
  const response = await upload(
    admin,
    { kind: 'reprises', organisation: org.id },
    { filename: 'reprises.csv', content: fixture('reprises.csv') },
  );
  assert.equal(response.statusCode, 303);
  const location = String(response.headers.location);
  assert.match(location, /^\/admin\/opportunites\/imports\/[0-9a-f-]{36}$/);
  const report = await t.app.inject({ method: 'GET', url: location, headers: { cookie: admin } });
  assert.equal(report.statusCode, 200);
  const text = report.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  assert.match(text, /Fichier CSV — Entreprises à reprendre — Département du Lot/);
  assert.match(text, /Créées 3 Mises à jour 0 Inchangées 0 Rejetées 6/);
  assert.match(text, /4 commune Commune inconnue : « Paris »/);
  assert.match(text, /8 reference Référence déjà utilisée à la ligne 2 de ce fichier\./);

  const rows = await t.ctx.db
    .select()
    .from(opportunities)
    .where(eq(opportunities.source, 'csv:departement-du-lot'));
  assert.equal(rows.length, 3);
  assert.equal((await t.ctx.db.select().from(opportunitySellers)).length, 1);

  const list = await t.app.inject({
    method: 'GET',
    url: '/admin/opportunites/imports',
    headers: { cookie: admin },
  });
  assert.match(list.body, new RegExp(`href="${location}"`), 'the run is in the list of recent runs');
});

test('a bad upload shows the form again with a French error, and nothing is imported', async () => {
  const org = await departement(t.ctx.db);
  const before = (await t.ctx.db.select().from(opportunities)).length;
  const latin1 = await upload(
    admin,
    { kind: 'logements', organisation: org.id },
    {
      filename: 'logements.csv',
      content: Buffer.from(
        'reference;titre;description;commune;type_logement\nA;Gîte;Un;Cahors;fjt\n',
        'latin1',
      ),
    },
  );
  assert.equal(latin1.statusCode, 400);
  assert.match(latin1.body, /class="error-summary"/);
  assert.match(latin1.body, /n’est pas encodé en UTF-8/);

  const missing = await upload(admin, { kind: '', organisation: org.id });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /Choisissez le type d’opportunités du fichier\./);
  assert.match(missing.body, /Choisissez un fichier CSV à importer\./);
  assert.equal((await t.ctx.db.select().from(opportunities)).length, before);
});

test('the upload needs its CSRF token', async () => {
  const body = multipart(
    { kind: 'reprises' },
    { filename: 'reprises.csv', content: fixture('reprises.csv') },
  );
  const response = await t.app.inject({
    method: 'POST',
    url: '/admin/opportunites/imports',
    headers: { cookie: admin, 'content-type': body.contentType },
    payload: body.payload,
  });
  assert.equal(response.statusCode, 403);
});

test('imports do not exist for an employer: 404 everywhere, and no navigation entry', async () => {
  const user = await createUser(t.ctx.db, { role: 'employer' });
  const cookie = await loginAs(t.app, user.email, user.password);
  for (const url of [
    '/admin/opportunites/imports',
    '/admin/opportunites/imports/guide-des-colonnes',
    '/admin/opportunites/imports/modele-locaux.csv',
  ]) {
    const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
    assert.equal(response.statusCode, 404, url);
  }
  const dashboard = await t.app.inject({ method: 'GET', url: '/admin', headers: { cookie } });
  assert.doesNotMatch(dashboard.body, /href="\/admin\/opportunites\/imports"/);
  const body = multipart(
    { _csrf: csrfTokenIn(dashboard.body), kind: 'locaux', organisation: user.organisationId },
    { filename: 'locaux.csv', content: fixture('locaux.csv') },
  );
  const post = await t.app.inject({
    method: 'POST',
    url: '/admin/opportunites/imports',
    headers: { cookie, 'content-type': body.contentType },
    payload: body.payload,
  });
  assert.equal(post.statusCode, 404);
  assert.equal(
    (
      await t.ctx.db
        .select()
        .from(opportunities)
        .where(eq(opportunities.source, `csv:${user.organisationId}`))
    ).length,
    0,
  );
});
