import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { loadConfig } from '../../config.js';
import { S3Storage, signV4 } from './s3.js';
import { createStorage } from './storage.js';

const secret = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

test('signV4 reproduces AWS’s published example (SigV4 test suite, get-vanilla)', () => {
  const authorization = signV4({
    method: 'GET',
    url: new URL('https://example.amazonaws.com/'),
    headers: { 'x-amz-date': '20150830T123600Z' },
    payloadHash: createHash('sha256').update('').digest('hex'),
    accessKeyId: 'AKIDEXAMPLE',
    secretAccessKey: secret,
    region: 'us-east-1',
    service: 'service',
    amzDate: '20150830T123600Z',
  });
  assert.equal(
    authorization,
    'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, ' +
      'SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
  );
});

/** A fake S3: refuses any request whose signature it cannot recompute with the shared secret. */
const objects = new Map<string, Buffer>();
const seen: string[] = [];
let server: Server;
let endpoint: string;

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function verify(request: IncomingMessage, body: Buffer): boolean {
  const header = String(request.headers.authorization ?? '');
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
      header,
    );
  if (!match) return false;
  const [, keyId, date, region, signed] = match;
  const amzDate = String(request.headers['x-amz-date'] ?? '');
  const payloadHash = String(request.headers['x-amz-content-sha256'] ?? '');
  if (keyId !== 'GK-test' || region !== 'fr-par' || !amzDate.startsWith(date)) return false;
  if (payloadHash !== createHash('sha256').update(body).digest('hex')) return false;
  if (!signed.split(';').includes('host')) return false;
  const headers: Record<string, string> = {};
  for (const name of signed.split(';')) if (name !== 'host') headers[name] = String(request.headers[name]);
  const expected = signV4({
    method: request.method ?? '',
    url: new URL(request.url ?? '/', `http://${request.headers.host}`),
    headers,
    payloadHash,
    accessKeyId: keyId,
    secretAccessKey: secret,
    region,
    service: 's3',
    amzDate,
  });
  return expected === header;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

before(async () => {
  server = createServer(async (request, response) => {
    const body = await bodyOf(request);
    if (!verify(request, body)) {
      response.writeHead(403).end('<Error><Code>SignatureDoesNotMatch</Code></Error>');
      return;
    }
    const url = new URL(request.url ?? '/', 'http://fake');
    seen.push(`${request.method} ${url.pathname}`);
    const [, bucket, ...rest] = url.pathname.split('/');
    if (bucket !== 'choisir')
      return void response.writeHead(404).end('<Error><Code>NoSuchBucket</Code></Error>');
    const key = rest.map(decodeURIComponent).join('/');
    if (request.method === 'PUT') objects.set(key, body);
    else if (request.method === 'DELETE') objects.delete(key);
    else if (!key && url.searchParams.get('list-type') === '2') {
      // Two keys a page, to exercise continuation.
      const all = [...objects.keys()]
        .filter((k) => k.startsWith(url.searchParams.get('prefix') ?? ''))
        .sort();
      const start = Number(url.searchParams.get('continuation-token') ?? 0);
      const page = all.slice(start, start + 2);
      const more = start + 2 < all.length;
      return void response.end(
        `<?xml version="1.0"?><ListBucketResult>${page.map((k) => `<Contents><Key>${escapeXml(k)}</Key></Contents>`).join('')}` +
          `<IsTruncated>${more}</IsTruncated>${more ? `<NextContinuationToken>${start + 2}</NextContinuationToken>` : ''}</ListBucketResult>`,
      );
    } else if (!objects.has(key)) return void response.writeHead(404).end();
    else if (request.method === 'GET') return void response.end(objects.get(key));
    response.writeHead(request.method === 'DELETE' ? 204 : 200).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

const settings = () => ({
  endpoint,
  region: 'fr-par',
  bucket: 'choisir',
  accessKeyId: 'GK-test',
  secretAccessKey: secret,
});

test('the S3 driver puts, gets, lists, checks and deletes objects with signed requests', async () => {
  const storage = createStorage({
    FILES_DIR: '/nonexistent',
    S3_BUCKET: 'choisir',
    S3_ENDPOINT: endpoint,
    S3_REGION: 'fr-par',
    S3_ACCESS_KEY_ID: 'GK-test',
    S3_SECRET_ACCESS_KEY: secret,
  });
  assert.ok(storage instanceof S3Storage, 'S3_BUCKET set: the S3 driver');
  const id = '0b7c4a3e-1d2f-4a5b-8c9d-0e1f2a3b4c5d';
  const photo = Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01, 0x02]);
  await storage.put(`originals/${id}`, photo);
  assert.deepEqual(await storage.get(`originals/${id}`), photo);
  assert.equal(await storage.exists(`originals/${id}`), true);
  assert.equal(await storage.get(`originals/${id.replace('0b', '0c')}`), null, 'missing: null');
  assert.equal(await storage.exists(`variants/${id}/160.webp`), false);
  for (const name of ['160.webp', '160.jpg', '320.webp', '640.jpg', '1280.jpg'])
    await storage.put(`variants/${id}/${name}`, Buffer.from(name));
  await storage.put('variants/other/160.jpg', Buffer.from('x'));
  const listed = (await storage.list(`variants/${id}/`)).sort();
  assert.deepEqual(
    listed,
    ['1280.jpg', '160.jpg', '160.webp', '320.webp', '640.jpg'].map((n) => `variants/${id}/${n}`),
  );
  for (const key of listed) await storage.delete(key);
  await storage.delete(`originals/${id}`);
  await storage.delete(`originals/${id}`); // a retried delete is no error
  assert.deepEqual(await storage.list(`variants/${id}/`), []);
  assert.equal(await storage.exists(`originals/${id}`), false);
  assert.ok(seen.includes(`PUT /choisir/originals/${id}`), 'path-style URLs');
});

test('a wrong secret or bucket is an error, never a silent miss', async () => {
  const wrong = new S3Storage({ ...settings(), secretAccessKey: 'not-the-secret' });
  await assert.rejects(wrong.put('originals/x', Buffer.from('a')), /HTTP 403 SignatureDoesNotMatch/);
  await assert.rejects(wrong.get('originals/x'), /HTTP 403/);
  const noBucket = new S3Storage({ ...settings(), bucket: 'absent' });
  await assert.rejects(noBucket.list('variants/'), /HTTP 404 NoSuchBucket/);
});

test('the configuration chooses the local folder by default and checks the S3 settings', () => {
  assert.equal(loadConfig({}).S3_BUCKET, '');
  assert.ok(!(createStorage({ FILES_DIR: '/tmp/choisir-files-test' }) instanceof S3Storage));
  assert.throws(() => loadConfig({ S3_BUCKET: 'choisir' }), /il manque : S3_ENDPOINT, S3_ACCESS_KEY_ID/);
  const config = loadConfig({
    S3_BUCKET: 'choisir',
    S3_ENDPOINT: 'https://s3.fr-par.scw.cloud',
    S3_ACCESS_KEY_ID: 'a',
    S3_SECRET_ACCESS_KEY: 'b',
  });
  assert.equal(config.S3_REGION, 'us-east-1');
});
