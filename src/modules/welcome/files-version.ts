/**
 * A version of the newcomer files, bumped by every journaled change of a file (journal.ts), so values derived
 * from many files — the referents' counts per stage over 10 000 files — are computed once per change instead
 * of on every page. Its own row of data_versions ('welcome-files'): file changes never touch the anonymous
 * page cache, whose version is the 'public' row.
 */
import { sql } from 'drizzle-orm';
import { derivedCache } from '../../core/cache/index.js';
import { type Db, one } from '../../core/db/index.js';

const scope = 'welcome-files';
/** Changes made by this process (on any handle: a transaction's counts too), so its caches re-read at once. */
let localChanges = 0;
const caches = new WeakMap<Db, ReturnType<typeof derivedCache>>();

export async function bumpFilesVersion(db: Db): Promise<void> {
  await db.execute(sql`insert into data_versions (scope, version) values (${scope}, 1)
    on conflict (scope) do update set version = data_versions.version + 1, updated_at = now()`);
  localChanges++;
}

/**
 * The cache of values derived from the files, for one database. A change made by this process shows at once;
 * one made by another process after at most a second (the version is re-read at most once a second).
 */
export function filesCache(db: Db) {
  let cache = caches.get(db);
  if (!cache) {
    cache = derivedCache({
      version: async () => {
        const row = await one<{ v: number }>(
          db,
          sql`select coalesce(max(version), 0)::int as v from data_versions where scope = ${scope}`,
        );
        return String(row?.v ?? 0);
      },
      writes: () => localChanges,
      maxEntries: 5000,
    });
    caches.set(db, cache);
  }
  return cache;
}
