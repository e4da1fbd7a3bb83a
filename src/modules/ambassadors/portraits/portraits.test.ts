import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { ambassadorCookie, createTestAmbassador } from '../../../../test/helpers/ambassadors.js';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { rows } from '../../../core/db/index.js';
import { findStoredFile } from '../../../core/files/index.js';
import { bumpDataVersion } from '../../../core/http/index.js';
import { portraitsPath, spacePaths } from '../paths.js';
import { ambassadors } from '../schema.js';

let t: TestApp;
let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'choisir-portraits-'));
  t = await testApp({ FILES_DIR: dir, MAX_UPLOAD_MB: '1' });
});
after(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

/** A multipart/form-data body as a browser sends it (an empty file input sends an empty part). */
function multipart(
  fields: Record<string, string>,
  file?: { filename: string; type: string; content: Buffer },
) {
  const boundary = '----choisirPortraitBoundary3xQ';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  const f = file ?? { filename: '', type: 'application/octet-stream', content: Buffer.alloc(0) };
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`,
    ),
    f.content,
    Buffer.from('\r\n'),
  );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function csrfAndCookie(cookie: string) {
  const page = await t.app.inject({ method: 'GET', url: spacePaths.portrait, headers: { cookie } });
  assert.equal(page.statusCode, 200);
  const token = page.body.match(/name="_csrf" value="([^"]+)"/)?.[1];
  assert.ok(token);
  const csrfCookie = page.cookies.find((c) => c.name === 'choisir_csrf');
  return { token, cookie: csrfCookie ? `${cookie}; choisir_csrf=${csrfCookie.value}` : cookie, page };
}

async function submit(
  cookie: string,
  fields: Record<string, string>,
  file?: Parameters<typeof multipart>[1],
) {
  const session = await csrfAndCookie(cookie);
  const body = multipart({ _csrf: session.token, action: 'save', ...fields }, file);
  return t.app.inject({
    method: 'POST',
    url: spacePaths.portrait,
    headers: { cookie: session.cookie, 'content-type': body.contentType },
    payload: body.payload,
  });
}

const photo = async () => ({
  filename: 'moi.jpg',
  type: 'image/jpeg',
  content: await sharp({ create: { width: 600, height: 600, channels: 3, background: '#2a6' } })
    .jpeg()
    .toBuffer(),
});

const publicPage = async (url = portraitsPath) => (await t.app.inject({ method: 'GET', url })).body;

test('the portrait page needs a session', async () => {
  const response = await t.app.inject({ method: 'GET', url: spacePaths.portrait });
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, spacePaths.login);
});

test('an uploaded photo is stored, and the portrait is public only once opted in', async () => {
  const ambassador = await createTestAmbassador(t.db(), { name: 'Lucie Sauvage', tie: 'returned' });
  const cookie = await ambassadorCookie(t.db(), ambassador.id);
  const form = await csrfAndCookie(cookie);
  assert.match(form.page.body, /enctype="multipart\/form-data"/);
  assert.match(form.page.body, /Publier mon portrait sur le site/);

  const saved = await submit(cookie, { text: 'J’ai grandi à Figeac et j’y suis revenue.' }, await photo());
  assert.equal(saved.statusCode, 303);
  const [row] = await t.db().select().from(ambassadors).where(eq(ambassadors.id, ambassador.id));
  assert.ok(row.photoFileId);
  const file = await findStoredFile(t.db(), row.photoFileId);
  assert.equal(file?.purpose, 'ambassador-portrait');
  assert.equal(file?.width, 600);
  const journal = await rows<{ action: string }>(
    t.db(),
    sql`select action from journal where target_id = ${ambassador.id} and action = 'ambassador.portrait'`,
  );
  assert.equal(journal.length, 1);

  const preview = await t.app.inject({
    method: 'GET',
    url: `${spacePaths.portrait}?enregistre=portrait`,
    headers: { cookie },
  });
  assert.match(preview.body, /Votre portrait est enregistré/);
  assert.match(preview.body, new RegExp(`/fichiers/${row.photoFileId}/640.jpg`));
  assert.doesNotMatch(await publicPage(), /Lucie Sauvage/, 'not opted in: not public');

  assert.equal((await submit(cookie, { optIn: 'oui', text: row.portraitText ?? '' })).statusCode, 303);
  const html = await publicPage();
  assert.match(html, /<h2[^>]*>Lucie Sauvage<\/h2>/);
  assert.match(html, /<span>Cahors<\/span> · <span>Revenu ou revenue dans le Lot<\/span>/);
  assert.match(html, /J’ai grandi à Figeac/);
  assert.match(html, /alt="Portrait de Lucie Sauvage"/);
  assert.match(html, new RegExp(`/fichiers/${row.photoFileId}/320.webp 320w`));
  const image = await t.app.inject({ method: 'GET', url: `/fichiers/${row.photoFileId}/320.webp` });
  assert.equal(image.headers['content-type'], 'image/webp');

  // A new photo replaces the old one everywhere.
  assert.equal(
    (await submit(cookie, { optIn: 'oui', text: 'Nouveau texte.' }, await photo())).statusCode,
    303,
  );
  const [replaced] = await t.db().select().from(ambassadors).where(eq(ambassadors.id, ambassador.id));
  assert.notEqual(replaced.photoFileId, row.photoFileId);
  assert.equal(await findStoredFile(t.db(), row.photoFileId), undefined);
  assert.match(await publicPage(), /Nouveau texte\./);

  // « Retirer la photo »: a plain form.
  const session = await csrfAndCookie(cookie);
  const removed = await t.app.inject({
    method: 'POST',
    url: spacePaths.portrait,
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: `_csrf=${encodeURIComponent(session.token)}&action=remove-photo`,
  });
  assert.equal(removed.statusCode, 303);
  const [without] = await t.db().select().from(ambassadors).where(eq(ambassadors.id, ambassador.id));
  assert.equal(without.photoFileId, null);
  assert.equal(await findStoredFile(t.db(), replaced.photoFileId), undefined);
  assert.match(await publicPage(), /Nouveau texte\./, 'still public, without a photo');
});

test('a firm shows its name and its contact’s first name; refused and erased ambassadors never show', async () => {
  await createTestAmbassador(t.db(), {
    kind: 'firm',
    name: 'Paul Martin',
    organisationName: 'Menuiserie du Causse',
    portraitOptIn: true,
    portraitText: 'Nous recrutons dans le Lot.',
    communeCode: null,
    city: 'Lyon',
    country: 'France',
    tie: 'diaspora',
  });
  await createTestAmbassador(t.db(), {
    name: 'Refusé Dupont',
    status: 'refused',
    portraitOptIn: true,
    portraitText: 'Texte refusé.',
  });
  await createTestAmbassador(t.db(), {
    name: 'Effacé Durand',
    erasedAt: new Date(),
    portraitOptIn: true,
    portraitText: 'Texte effacé.',
  });
  await createTestAmbassador(t.db(), { name: 'Sans Texte', portraitOptIn: true, portraitText: '  ' });
  await bumpDataVersion(t.db()); // written behind the app's back: the public page cache must see them
  const html = await publicPage();
  assert.match(html, /Menuiserie du Causse \(Paul\)/);
  assert.match(html, /<span>Lyon, France<\/span> · <span>Diaspora<\/span>/);
  assert.doesNotMatch(html, /Martin/);
  assert.doesNotMatch(html, /Refusé Dupont|Texte refusé|Effacé Durand|Texte effacé|Sans Texte/);
  assert.match(html, /href="\/ambassadeurs\/devenir"/);
  assert.equal((await t.app.inject({ method: 'GET', url: `${portraitsPath}?page=abc` })).statusCode, 200);
});

test('a bad file or a long text answers a French 400 and keeps what was saved and typed', async () => {
  const ambassador = await createTestAmbassador(t.db(), {
    name: 'Hugo Garde',
    portraitOptIn: true,
    portraitText: 'Texte déjà publié.',
  });
  await bumpDataVersion(t.db());
  const cookie = await ambassadorCookie(t.db(), ambassador.id);
  const bad = await submit(
    cookie,
    { optIn: 'oui', text: 'Mon nouveau texte' },
    { filename: 'photo.jpg', type: 'image/jpeg', content: Buffer.from('ceci n’est pas une image') },
  );
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Ce fichier n’est pas une image lisible/);
  assert.match(bad.body, /id="photo-error"/);
  assert.match(bad.body, /Mon nouveau texte<\/textarea>/, 'what was typed is shown again');
  const big = await submit(
    cookie,
    { optIn: 'oui', text: 'Encore' },
    {
      filename: 'grande.png',
      type: 'image/png',
      content: Buffer.alloc(1024 * 1024 + 10, 1),
    },
  );
  assert.equal(big.statusCode, 400);
  assert.match(big.body, /La photo dépasse 1 Mo/);
  const long = await submit(cookie, { optIn: 'oui', text: 'a'.repeat(601) });
  assert.equal(long.statusCode, 400);
  assert.match(long.body, /raccourcissez-le à 600 au plus/);
  const [row] = await t.db().select().from(ambassadors).where(eq(ambassadors.id, ambassador.id));
  assert.equal(row.portraitText, 'Texte déjà publié.');
  assert.equal(row.photoFileId, null);
  assert.match(await publicPage(), /Texte déjà publié\./);
});

test('the portraits page is in the sitemap', async () => {
  const sitemap = await t.ctx.sitemap();
  assert.ok(sitemap.some((e) => e.path === portraitsPath));
});
