import { sql } from 'drizzle-orm';
import { derivedCache as cacheOn, type DerivedCache } from '../../core/cache/index.js';
import { type Db, one } from '../../core/db/index.js';
import { localWrites } from '../../core/http/index.js';
import { communeFacts, communes, epcis, facilities } from './schema.js';

export type { DerivedCache };

/**
 * Values derived from the territory's reference data (rendered maps and pages, search results), rebuilt when
 * that data changes: its version is the row count, the latest commune update, a digest of the EPCIs and the
 * count and latest change of the life cards' facilities and facts. A local bumpDataVersion re-reads it at once.
 */
export function derivedCache(db: Db, options: { maxEntries?: number; versionTtlMs?: number } = {}) {
  return cacheOn({
    ...options,
    writes: () => localWrites(db),
    version: () =>
      one<{ v: string }>(
        db,
        sql`select concat_ws('|',
              (select count(*) from ${communes}),
              (select max(${communes.updatedAt})::text from ${communes}),
              (select md5(string_agg(concat_ws(':', ${epcis.code}, ${epcis.slug}, ${epcis.name}, ${epcis.population}), ',' order by ${epcis.code})) from ${epcis}),
              (select concat_ws(':', count(*), max(${facilities.updatedAt})::text) from ${facilities}),
              (select concat_ws(':', count(*), max(${communeFacts.updatedAt})::text) from ${communeFacts})
            ) as v`,
      ).then((row) => row?.v ?? ''),
  });
}
