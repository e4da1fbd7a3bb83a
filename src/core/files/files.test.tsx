import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { render } from 'preact-render-to-string';
import sharp from 'sharp';
import { type TestApp, testApp } from '../../../test/helpers/app.js';
import {
  createStorage,
  deleteStoredFile,
  findStoredFile,
  ResponsiveImage,
  srcSet,
  storeImage,
  variantKey,
} from './index.js';

let t: TestApp;
let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'choisir-files-'));
  t = await testApp({ FILES_DIR: dir, MAX_UPLOAD_MB: '1' });
});
after(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

/** A phone-like JPEG: stored landscape with an orientation tag saying « turn it upright », and a GPS position. */
function phonePhoto(width = 800, height = 400) {
  return sharp({ create: { width, height, channels: 3, background: '#c03020' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Make: 'Phone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '44/1 26/1 0/1' } })
    .toBuffer();
}

const ctx = () => ({ db: t.ctx.db, config: t.config });

test('a photo is stored as sent, measured upright, and its variants carry no EXIF', async () => {
  const data = await phonePhoto();
  assert.ok((await sharp(data).metadata()).exif, 'the upload has EXIF (with GPS)');
  const stored = await storeImage(ctx(), {
    purpose: 'test',
    data,
    originalName: 'IMG_0001.jpg',
    alt: 'Un test',
  });
  assert.ok(stored.ok);
  const file = stored.file;
  assert.equal(file.mimeType, 'image/jpeg');
  assert.equal(file.bytes, data.length);
  assert.equal(file.width, 400, 'quarter turn: width and height swap');
  assert.equal(file.height, 800);
  assert.match(file.sha256, /^[0-9a-f]{64}$/);
  assert.deepEqual(
    await createStorage(t.config).get(file.storageKey),
    data,
    'the original is kept byte for byte',
  );

  const key = variantKey(file.id, 320, 'webp');
  assert.equal(await createStorage(t.config).exists(key), false, 'no variant before it is asked for');
  const response = await t.app.inject({ method: 'GET', url: `/fichiers/${file.id}/320.webp` });
  assert.equal(response.statusCode, 200);
  assert.equal(response.headers['content-type'], 'image/webp');
  assert.equal(response.headers['x-content-type-options'], 'nosniff');
  assert.match(String(response.headers['cache-control']), /max-age=31536000, immutable/);
  const variant = await sharp(response.rawPayload).metadata();
  assert.equal(variant.format, 'webp');
  assert.equal(variant.width, 320);
  assert.equal(variant.height, 640, 'rotated upright');
  assert.equal(variant.exif, undefined, 'no EXIF, so no GPS position');
  assert.equal(variant.orientation, undefined);
  assert.equal(await createStorage(t.config).exists(key), true, 'the variant is kept in the storage');
  const again = await t.app.inject({ method: 'GET', url: `/fichiers/${file.id}/320.webp` });
  assert.deepEqual(again.rawPayload, response.rawPayload);

  const jpeg = await t.app.inject({ method: 'GET', url: `/fichiers/${file.id}/1280.jpg` });
  assert.equal(jpeg.headers['content-type'], 'image/jpeg');
  const big = await sharp(jpeg.rawPayload).metadata();
  assert.equal(big.width, 400, 'never enlarged');
  assert.equal(big.exif, undefined);
});

test('unknown files, widths and formats answer a French 404', async () => {
  const stored = await storeImage(ctx(), { purpose: 'test', data: await phonePhoto(200, 100) });
  assert.ok(stored.ok);
  for (const url of [
    `/fichiers/${stored.file.id}/500.webp`,
    `/fichiers/${stored.file.id}/320.gif`,
    `/fichiers/${stored.file.id}/320`,
    '/fichiers/pas-un-identifiant/320.webp',
    '/fichiers/00000000-0000-4000-8000-000000000000/320.webp',
    '/fichiers/..%2F..%2Fetc/320.webp',
  ]) {
    const response = await t.app.inject({ method: 'GET', url });
    assert.equal(response.statusCode, 404, url);
    assert.match(response.body, /n’existe pas/, url);
  }
});

test('a text file renamed .jpg, an SVG, a HEIC and an oversize photo are refused in French', async () => {
  const text = await storeImage(ctx(), { purpose: 'test', data: Buffer.from('Bonjour, je suis un texte.') });
  assert.deepEqual(text, {
    ok: false,
    error: 'Ce fichier n’est pas une image lisible : envoyez une photo JPEG, PNG ou WebP.',
  });
  const svg = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
  );
  const refusedSvg = await storeImage(ctx(), { purpose: 'test', data: svg });
  assert.equal(refusedSvg.ok, false);
  assert.match(!refusedSvg.ok ? refusedSvg.error : '', /format n’est pas accepté/);
  const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(64)]);
  const refusedHeic = await storeImage(ctx(), { purpose: 'test', data: heic });
  assert.match(!refusedHeic.ok ? refusedHeic.error : '', /HEIC/);
  const noise = await sharp(
    Buffer.from(Array.from({ length: 900 * 900 * 3 }, () => Math.floor(Math.random() * 256))),
    {
      raw: { width: 900, height: 900, channels: 3 },
    },
  )
    .png({ compressionLevel: 0 })
    .toBuffer();
  assert.ok(noise.length > 1024 * 1024);
  const tooBig = await storeImage(ctx(), { purpose: 'test', data: noise });
  assert.deepEqual(tooBig, { ok: false, error: 'La photo dépasse 1 Mo : choisissez une image plus légère.' });
  const truncated = (await phonePhoto()).subarray(0, 400);
  assert.equal((await storeImage(ctx(), { purpose: 'test', data: truncated })).ok, false);
});

test('deleting a file removes its row, its original and every variant', async () => {
  const stored = await storeImage(ctx(), { purpose: 'test', data: await phonePhoto() });
  assert.ok(stored.ok);
  const { id } = stored.file;
  await t.app.inject({ method: 'GET', url: `/fichiers/${id}/160.webp` });
  await t.app.inject({ method: 'GET', url: `/fichiers/${id}/160.jpg` });
  assert.equal((await readdir(path.join(dir, 'variants', id))).length, 2);
  assert.equal(await deleteStoredFile(ctx(), id), true);
  assert.equal(await findStoredFile(t.ctx.db, id), undefined);
  assert.equal(await createStorage(t.config).exists(`originals/${id}`), false);
  assert.deepEqual(await createStorage(t.config).list(`variants/${id}/`), []);
  assert.equal((await t.app.inject({ method: 'GET', url: `/fichiers/${id}/160.webp` })).statusCode, 404);
  assert.equal(await deleteStoredFile(ctx(), id), false);
});

test('a responsive picture offers WebP and JPEG at the widths the original allows', () => {
  const file = { id: 'abc', width: 500, height: 250 };
  assert.equal(
    srcSet(file, 'webp'),
    '/fichiers/abc/160.webp 160w, /fichiers/abc/320.webp 320w, /fichiers/abc/640.webp 500w',
  );
  const html = render(<ResponsiveImage file={file} alt="Portrait" sizes="10rem" class="photo" />);
  assert.match(html, /<picture><source type="image\/webp" srcset="[^"]+" sizes="10rem"\/?>/);
  assert.match(html, /<img src="\/fichiers\/abc\/640.jpg"/);
  assert.match(html, /width="500" height="250" alt="Portrait" class="photo" loading="lazy"/);
});
