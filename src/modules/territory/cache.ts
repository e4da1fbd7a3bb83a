import { sql } from 'drizzle-orm';
import { type Db, one } from '../../core/db/index.js';
import { communes, epcis } from './schema.js';

export interface DerivedCacheOptions {
  /** Entries kept at most; the least recently used go first. */
  maxEntries?: number;
  /** How long a read of the data version is trusted, ms: an edit shows after at most this long. */
  versionTtlMs?: number;
}

/**
 * Values derived from the territory's reference data (rendered maps and pages, search results), kept in
 * this process and rebuilt when the data changes. The data's version (row counts, the latest commune
 * update, a digest of the EPCIs) is read at most once per `versionTtlMs`, so a hit costs no query.
 * Nothing here is needed by another process: a cold process builds its own.
 */
export function derivedCache(db: Db, { maxEntries = 1000, versionTtlMs = 1000 }: DerivedCacheOptions = {}) {
  const entries = new Map<string, { version: string; value: Promise<unknown> }>();
  let versionRead: { at: number; value: Promise<string> } | null = null;

  function version(): Promise<string> {
    const now = Date.now();
    if (versionRead && now - versionRead.at < versionTtlMs) return versionRead.value;
    const value = one<{ v: string }>(
      db,
      sql`select concat_ws('|',
            (select count(*) from ${communes}),
            (select max(${communes.updatedAt})::text from ${communes}),
            (select md5(string_agg(concat_ws(':', ${epcis.code}, ${epcis.slug}, ${epcis.name}, ${epcis.population}), ',' order by ${epcis.code})) from ${epcis})
          ) as v`,
    ).then((row) => row?.v ?? '');
    versionRead = { at: now, value };
    value.catch(() => {
      versionRead = null;
    });
    return value;
  }

  return {
    version,
    /** The cached value for `key`, or what `build` makes of the current data (a rejection is not kept). */
    async get<T>(key: string, build: () => Promise<T>): Promise<T> {
      const current = await version();
      const hit = entries.get(key);
      if (hit && hit.version === current) {
        entries.delete(key);
        entries.set(key, hit);
        return hit.value as Promise<T>;
      }
      const value = build();
      entries.delete(key);
      entries.set(key, { version: current, value });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      return value;
    },
    get size() {
      return entries.size;
    },
  };
}

export type DerivedCache = ReturnType<typeof derivedCache>;
