export interface DerivedCacheOptions {
  /** The current version of the data the values derive from; a change drops every entry. */
  version: () => Promise<string>;
  /** Entries kept at most; the least recently used go first. */
  maxEntries?: number;
  /** How long a read of the version is trusted, ms: an edit shows after at most this long. */
  versionTtlMs?: number;
  /** An entry older than this is rebuilt even if the version did not move (time-bound data: expiries). */
  maxAgeMs?: number;
  /** A counter of local writes: when it moves, the version is re-read at once (see localWrites). */
  writes?: () => number;
}

/**
 * Values derived from the database (rendered fragments, search results), kept in this process and rebuilt
 * when the data's version changes. The version is read at most once per `versionTtlMs`, so a hit costs no
 * query. Nothing here is shared between processes: a cold process builds its own. Concurrent misses of one
 * key share a single build.
 */
export function derivedCache({
  version: readVersion,
  maxEntries = 1000,
  versionTtlMs = 1000,
  maxAgeMs = Number.POSITIVE_INFINITY,
  writes = () => 0,
}: DerivedCacheOptions) {
  const entries = new Map<string, { version: string; at: number; value: Promise<unknown> }>();
  let versionRead: { at: number; writes: number; value: Promise<string> } | null = null;

  function version(): Promise<string> {
    const now = Date.now();
    if (versionRead && now - versionRead.at < versionTtlMs && versionRead.writes === writes())
      return versionRead.value;
    const value = readVersion();
    versionRead = { at: now, writes: writes(), value };
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
      const now = Date.now();
      const hit = entries.get(key);
      if (hit && hit.version === current && now - hit.at < maxAgeMs) {
        entries.delete(key);
        entries.set(key, hit);
        return hit.value as Promise<T>;
      }
      const value = build();
      entries.delete(key);
      entries.set(key, { version: current, at: now, value });
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
