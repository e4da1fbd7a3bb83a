import type { Logger } from 'pino';
import type { Db } from '../../../core/db/index.js';
import { filtersToQuery, parseFilters, searchOpportunities } from '../search/index.js';
import { queryRecord } from './describe.js';
import { type AlertMailDeps, digestMessage } from './mails.js';
import { claimDigest, listActiveAlerts, purgeStaleAlerts } from './store.js';

export interface DigestDeps extends AlertMailDeps {
  db: Db;
  logger?: Pick<Logger, 'info' | 'error'>;
}

/** At most this many opportunities listed in one digest; the rest are counted, with a link to all. */
export const digestSize = 20;

export interface DigestReport {
  checked: number;
  sent: number;
  failed: number;
  purged: number;
}

/**
 * The daily run: forgets stale alerts, then for each confirmed alert sends one email listing what was
 * published since its last digest (or its confirmation). Logs carry alert ids and counts, never an address.
 */
export async function sendDigests(deps: DigestDeps, now = new Date()): Promise<DigestReport> {
  const report: DigestReport = { checked: 0, sent: 0, failed: 0, purged: 0 };
  report.purged = await purgeStaleAlerts(deps.db, now);
  for (const search of await listActiveAlerts(deps.db)) {
    // Listed alerts are confirmed; checked again here because an unconfirmed address must never get mail.
    if (!search.confirmedAt) continue;
    report.checked++;
    try {
      const since = search.lastSentAt ?? search.confirmedAt;
      // New matches, newest first, whatever order the visitor's search page used.
      const filters = {
        ...parseFilters(queryRecord(search.query)).filters,
        sort: 'newest' as const,
        page: 1,
      };
      const result = await searchOpportunities(deps.db, filters, {
        publishedAfter: since,
        facets: false,
        pageSize: digestSize,
      });
      if (result.total === 0) continue;
      // Claimed before sending: of two overlapping runs only one sends, and a failure never sends twice.
      if (!(await claimDigest(deps.db, search, now))) continue;
      await deps.mailer.send(
        digestMessage(deps, {
          search,
          items: result.items,
          total: result.total,
          allQuery: filtersToQuery(filters),
        }),
      );
      report.sent++;
    } catch (error) {
      report.failed++;
      deps.logger?.error({ err: error, alert: search.id }, 'alert digest failed');
    }
  }
  deps.logger?.info(report, 'alert digests done');
  return report;
}
