import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sessionCookieName } from '../auth/sessions.js';
import { type Db, one } from '../db/index.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set to false on a GET route whose anonymous answer must never be cached. */
    publicCache?: boolean;
  }
  interface FastifyRequest {
    pageCacheKey?: string;
  }
}

/** Writes of public data made through each database handle in this process (see localWrites). */
const writes = new WeakMap<object, number>();

/**
 * How many times this process bumped the data version through this handle: caches of this process compare it
 * to re-read the version at once after a local write, instead of waiting for their read to age out (other
 * processes see the change within their TTL).
 */
export function localWrites(db: Db): number {
  return writes.get(db) ?? 0;
}

/** The data version every cache of public data is keyed on. */
export async function readDataVersion(db: Db): Promise<number> {
  const row = await one<{ v: number }>(
    db,
    sql`select coalesce(max(version), 0)::int as v from data_versions where scope = 'public'`,
  );
  return Number(row?.v ?? 0);
}

/** Marks public data as changed: every process rebuilds its cached anonymous pages on the next request. */
export async function bumpDataVersion(db: Db): Promise<void> {
  await db.execute(sql`insert into data_versions (scope, version) values ('public', 1)
    on conflict (scope) do update set version = data_versions.version + 1, updated_at = now()`);
  writes.set(db, localWrites(db) + 1);
}

interface Entry {
  version: number;
  type: string;
  body: Buffer;
  gzip?: Buffer;
  br?: Buffer;
}

export interface PageCacheOptions {
  /** How long a read of the data version is trusted (ms): an edit shows everywhere after at most this. */
  versionTtlMs: number;
  maxBytes?: number;
}

/**
 * Rendering dominates page cost, so complete anonymous answers (HTML, XML, text) are kept in this process,
 * keyed by URL and the data version, and served compressed when the browser accepts it (a 100 KB map page
 * is 26 KB gzipped: it matters on a rural connection). Only requests without a session cookie are served
 * from or stored in the cache, and only answers that set no cookie and are not private.
 */
export function installPageCache(app: FastifyInstance, db: Db, options: PageCacheOptions) {
  const maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
  const entries = new Map<string, Entry>();
  let bytes = 0;
  let versionRead: { at: number; writes: number; value: Promise<number> } | null = null;

  function currentVersion(): Promise<number> {
    const now = Date.now();
    if (versionRead && now - versionRead.at < options.versionTtlMs && versionRead.writes === localWrites(db))
      return versionRead.value;
    const value = readDataVersion(db);
    versionRead = { at: now, writes: localWrites(db), value };
    value.catch(() => {
      versionRead = null;
    });
    return value;
  }

  function forget(key: string) {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.body.length + (entry.gzip?.length ?? 0) + (entry.br?.length ?? 0);
    entries.delete(key);
  }

  const eligible = (request: FastifyRequest) =>
    request.method === 'GET' &&
    request.routeOptions.config?.publicCache !== false &&
    !request.cookies?.[sessionCookieName] &&
    !request.url.startsWith('/admin') &&
    !request.url.startsWith('/assets/');

  app.addHook('onRequest', async (request, reply) => {
    if (!eligible(request)) return;
    const version = await currentVersion();
    request.pageCacheKey = `${version} ${request.url}`;
    const entry = entries.get(request.url);
    if (!entry) return;
    if (entry.version !== version) {
      forget(request.url);
      return;
    }
    entries.delete(request.url);
    entries.set(request.url, entry);
    request.pageCacheKey = undefined;
    return sendCached(request, reply, entry);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const key = request.pageCacheKey;
    if (!key || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    if (
      reply.getHeader('set-cookie') ||
      /private|no-store/.test(String(reply.getHeader('cache-control') ?? ''))
    ) {
      return payload;
    }
    const type = String(reply.getHeader('content-type') ?? '');
    if (!/^(text\/html|application\/xml|text\/plain)/.test(type)) return payload;
    const version = Number(key.slice(0, key.indexOf(' ')));
    const body = Buffer.from(payload);
    forget(request.url);
    entries.set(request.url, { version, type, body });
    bytes += body.length;
    while (bytes > maxBytes && entries.size > 0) forget(entries.keys().next().value!);
    reply.header('x-cache', 'MISS');
    reply.header('vary', 'accept-encoding');
    return payload;
  });

  function sendCached(request: FastifyRequest, reply: FastifyReply, entry: Entry) {
    const accepts = String(request.headers['accept-encoding'] ?? '');
    reply.header('x-cache', 'HIT').header('vary', 'accept-encoding').type(entry.type);
    if (/\bbr\b/.test(accepts)) {
      if (!entry.br) {
        entry.br = zlib.brotliCompressSync(entry.body, {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 },
        });
        bytes += entry.br.length;
      }
      return reply.header('content-encoding', 'br').send(entry.br);
    }
    if (/\bgzip\b/.test(accepts)) {
      if (!entry.gzip) {
        entry.gzip = zlib.gzipSync(entry.body, { level: 6 });
        bytes += entry.gzip.length;
      }
      return reply.header('content-encoding', 'gzip').send(entry.gzip);
    }
    return reply.send(entry.body);
  }
}
