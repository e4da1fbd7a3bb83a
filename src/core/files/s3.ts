import { createHash, createHmac } from 'node:crypto';
import type { Storage } from './storage.js';

/** Where an S3-compatible bucket is and how to sign for it (MinIO, Scaleway, OVH, Garage, AWS…). */
export interface S3Settings {
  /** Base URL of the service, e.g. https://s3.fr-par.scw.cloud (path-style: the bucket goes in the path). */
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
}

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** RFC 3986 encoding, as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
const encode = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export interface SignInput {
  method: string;
  url: URL;
  /** Every header to sign (host is added from the URL). */
  headers: Record<string, string>;
  payloadHash: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  service: string;
  /** YYYYMMDD'T'HHMMSS'Z', the value of x-amz-date. */
  amzDate: string;
}

/**
 * AWS Signature Version 4: the Authorization header of one request. Written from the published algorithm:
 * canonical request → string to sign → key derived from the secret, date, region and service → HMAC.
 */
export function signV4(input: SignInput): string {
  const headers: Record<string, string> = { host: input.url.host };
  for (const [name, value] of Object.entries(input.headers))
    headers[name.toLowerCase()] = value.trim().replace(/\s+/g, ' ');
  const names = Object.keys(headers).sort();
  const signedHeaders = names.join(';');
  const query = [...input.url.searchParams]
    .map(([key, value]) => [encode(key), encode(value)])
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  const canonicalRequest = [
    input.method,
    input.url.pathname || '/',
    query,
    ...names.map((name) => `${name}:${headers[name]}`),
    '',
    signedHeaders,
    input.payloadHash,
  ].join('\n');
  const date = input.amzDate.slice(0, 8);
  const scope = `${date}/${input.region}/${input.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', input.amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const key = hmac(
    hmac(hmac(hmac(`AWS4${input.secretAccessKey}`, date), input.region), input.service),
    'aws4_request',
  );
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
  return `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

const amzDateOf = (now: Date) =>
  now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

const xmlText = (value: string) =>
  value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');

/**
 * An S3-compatible bucket through plain fetch and path-style URLs (every provider accepts them, unlike
 * bucket subdomains). Same contract as LocalStorage: a missing key is null / false / a no-op, never an error;
 * anything else the service answers is an error, so a misconfigured bucket fails loudly instead of losing files.
 */
export class S3Storage implements Storage {
  private readonly base: string;

  constructor(
    readonly settings: S3Settings,
    private readonly checkKey: (key: string) => string = (key) => key,
  ) {
    this.base = `${settings.endpoint.replace(/\/+$/, '')}/${encode(settings.bucket)}`;
  }

  private async send(method: string, key: string, query: Record<string, string> = {}, body?: Buffer) {
    const path = key ? `/${this.checkKey(key).split('/').map(encode).join('/')}` : '';
    const url = new URL(`${this.base}${path}`);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    const payloadHash = sha256Hex(body ?? '');
    const headers: Record<string, string> = {
      'x-amz-content-sha256': payloadHash,
      'x-amz-date': amzDateOf(new Date()),
    };
    const { accessKeyId, secretAccessKey, region } = this.settings;
    const authorization = signV4({
      method,
      url,
      headers,
      payloadHash,
      accessKeyId,
      secretAccessKey,
      region,
      service: 's3',
      amzDate: headers['x-amz-date'],
    });
    return fetch(url, {
      method,
      headers: { ...headers, authorization },
      body: body ? new Uint8Array(body) : undefined,
      signal: AbortSignal.timeout(30_000),
    });
  }

  private async fail(response: Response, what: string): Promise<never> {
    const text = await response.text().catch(() => '');
    const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? '';
    throw new Error(`S3 ${what}: HTTP ${response.status} ${code}`.trim());
  }

  async put(key: string, data: Buffer): Promise<void> {
    const response = await this.send('PUT', key, {}, data);
    if (!response.ok) await this.fail(response, `put ${key}`);
    await response.arrayBuffer();
  }

  async get(key: string): Promise<Buffer | null> {
    const response = await this.send('GET', key);
    if (response.status === 404) {
      await response.arrayBuffer();
      return null;
    }
    if (!response.ok) await this.fail(response, `get ${key}`);
    return Buffer.from(await response.arrayBuffer());
  }

  async delete(key: string): Promise<void> {
    const response = await this.send('DELETE', key);
    if (!response.ok && response.status !== 404) await this.fail(response, `delete ${key}`);
    await response.arrayBuffer();
  }

  async exists(key: string): Promise<boolean> {
    const response = await this.send('HEAD', key);
    if (response.status === 404) return false;
    if (!response.ok) await this.fail(response, `head ${key}`);
    return true;
  }

  /** ListObjectsV2, page after page (1 000 keys each). The XML is simple enough to read with patterns. */
  async list(prefix: string): Promise<string[]> {
    if (prefix) this.checkKey(prefix);
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const query: Record<string, string> = { 'list-type': '2', prefix };
      if (token) query['continuation-token'] = token;
      const response = await this.send('GET', '', query);
      if (!response.ok) await this.fail(response, `list ${prefix}`);
      const xml = await response.text();
      for (const match of xml.matchAll(/<Key>([^<]*)<\/Key>/g)) keys.push(xmlText(match[1]));
      const truncated = /<IsTruncated>true<\/IsTruncated>/.test(xml);
      const next = /<NextContinuationToken>([^<]*)<\/NextContinuationToken>/.exec(xml)?.[1];
      token = truncated && next ? xmlText(next) : undefined;
    } while (token);
    return keys;
  }
}
