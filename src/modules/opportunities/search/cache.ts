import { type DerivedCache, derivedCache } from '../../../core/cache/index.js';
import type { Db } from '../../../core/db/index.js';
import { localWrites, readDataVersion } from '../../../core/http/index.js';
import { filtersToQuery } from './filters.js';
import { searchOpportunities as search } from './query.js';
import type { SearchFilters, SearchOptions, SearchResult } from './types.js';

const caches = new WeakMap<Db, DerivedCache>();

function cacheOf(db: Db): DerivedCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = derivedCache({
      version: () => readDataVersion(db).then(String),
      writes: () => localWrites(db),
      maxEntries: 500,
      // Expiry is a matter of time as well as of writes: an opportunity past its date leaves cached results
      // within a minute even before the expiry job runs.
      maxAgeMs: 60_000,
    });
    caches.set(db, cache);
  }
  return cache;
}

/**
 * Searches, with results kept per canonical search and data version: the same search (a campaign link, the
 * API polled by a partner, the pages of a result) costs one query until public data changes. A write in this
 * process is seen at once, another process's within a second. Digests (publishedAfter) and large pages
 * (exports) are not kept. The result is shared: callers must not modify it.
 */
export function searchOpportunities(
  db: Db,
  filters: SearchFilters,
  options: SearchOptions = {},
): Promise<SearchResult> {
  if (options.publishedAfter || (options.pageSize ?? 20) > 50) return search(db, filters, options);
  const key = JSON.stringify([
    filtersToQuery(filters),
    filters.page,
    options.pageSize ?? null,
    options.facets ?? true,
  ]);
  return cacheOf(db).get(key, () => search(db, filters, options));
}
