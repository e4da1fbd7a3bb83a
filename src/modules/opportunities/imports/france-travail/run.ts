import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../../core/db/index.js';
import { bumpDataVersion } from '../../../../core/http/index.js';
import { type JournalActor, record } from '../../../../core/journal/index.js';
import { opportunities } from '../../schema.js';
import { setStatus } from '../../store.js';
import { loadCommuneIndex } from '../communes.js';
import {
  emptyCounts,
  failRun,
  finishRun,
  type ImportCounts,
  type ImportRun,
  openRun,
  type ProgressListener,
  progressLine,
  type RejectedRow,
  saveProgress,
  withImportLock,
} from '../runs.js';
import { RowRejected, upsertImported } from '../upsert.js';
import type { FranceTravailClient } from './client.js';
import { franceTravailSource, mapOffer } from './mapping.js';

export interface FranceTravailImportOptions {
  client: FranceTravailClient;
  departement: string;
  actor: JournalActor;
  onProgress?: ProgressListener;
  /** France Travail's limits: 150 offers a page, a range starting at 1000 at most. */
  pageSize?: number;
  maxStart?: number;
  now?: () => Date;
}

/** A creation-date window, ISO instants, both bounds included. */
interface Window {
  from: string;
  to: string;
}

/** Where a run stands: windows still to read (the first one being read from `offset`), offers seen so far. */
interface Cursor {
  [key: string]: unknown;
  until: string;
  windows: Window[];
  offset: number;
  seen: string[];
  /** Some window held more offers than the API lets a client page through: the run is not complete. */
  truncated: boolean;
  expired?: number;
}

/** France Travail wants yyyy-MM-ddTHH:mm:ssZ, without milliseconds. */
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const lookBackMs = 5 * 366 * 24 * 60 * 60 * 1000;

function isCursor(value: Record<string, unknown>): value is Cursor {
  return typeof value.until === 'string' && Array.isArray(value.windows) && Array.isArray(value.seen);
}

/** Newer half first; null when the window is too short to split (a minute). */
function split(w: Window): Window[] | null {
  const from = Date.parse(w.from);
  const to = Date.parse(w.to);
  if (to - from < 60_000) return null;
  const middle = iso(Math.floor((from + to) / 2000) * 1000);
  return [
    { from: middle, to: w.to },
    { from: w.from, to: middle },
  ];
}

/**
 * Imports the département's job offers. The offers are read by creation-date windows, each paged 150 at a
 * time; a window holding more than the API pages through (start ≤ 1000) is split in two. After each page,
 * its offers are upserted and the cursor saved in one transaction, so a run that crashes resumes at the page
 * it was on. When every window was read in full, our published offers from France Travail that were not
 * seen are set to expired.
 */
export async function importFranceTravail(
  database: Database,
  options: FranceTravailImportOptions,
): Promise<ImportRun> {
  const db = database.db;
  const pageSize = options.pageSize ?? 150;
  const maxStart = options.maxStart ?? 1000;
  const reachable = maxStart + pageSize;
  const { actor, client } = options;
  return withImportLock(database, franceTravailSource, async () => {
    const { run, resumed } = await openRun(db, franceTravailSource, { startedBy: actor.label });
    const now = (options.now?.() ?? new Date()).getTime();
    let cursor: Cursor =
      resumed && isCursor(run.cursor)
        ? run.cursor
        : {
            until: iso(now),
            windows: [{ from: iso(now - lookBackMs), to: iso(now) }],
            offset: 0,
            seen: [],
            truncated: false,
          };
    const counts: ImportCounts = resumed
      ? { created: run.created, updated: run.updated, unchanged: run.unchanged, rejected: run.rejected }
      : emptyCounts();
    const seen = new Set(cursor.seen);
    let total = run.total;
    const communes = await loadCommuneIndex(db);
    try {
      while (cursor.windows.length > 0) {
        const [window, ...rest] = cursor.windows;
        const page = await client.search({
          departement: options.departement,
          from: cursor.offset,
          to: cursor.offset + pageSize - 1,
          minCreationDate: window.from,
          maxCreationDate: window.to,
        });
        if (total === null) total = page.total;
        let truncated = cursor.truncated;
        if (cursor.offset === 0 && page.total > reachable) {
          const halves = split(window);
          if (halves) {
            cursor = { ...cursor, windows: [...halves, ...rest] };
            continue;
          }
          truncated = true;
        }
        const next = cursor.offset + pageSize;
        let windowDone = page.status !== 206 || page.offers.length < pageSize || next >= page.total;
        if (!windowDone && next > maxStart) {
          truncated = true;
          windowDone = true;
        }
        const rejected: RejectedRow[] = [];
        await db.transaction(async (tx) => {
          for (const offer of page.offers) {
            const id =
              offer && (typeof offer.id === 'string' || typeof offer.id === 'number') ? String(offer.id) : '';
            // Windows share their bounds: an offer read twice in a run counts once.
            if (!id || seen.has(id)) continue;
            seen.add(id);
            const mapped = mapOffer(offer, communes);
            if (!mapped.ok) {
              counts.rejected++;
              rejected.push({ line: id, field: mapped.field, reason: mapped.reason });
              continue;
            }
            try {
              counts[await upsertImported(tx, actor, mapped.input)]++;
            } catch (error) {
              if (!(error instanceof RowRejected)) throw error;
              counts.rejected++;
              rejected.push({ line: id, field: error.field, reason: error.reason });
            }
          }
          cursor = {
            ...cursor,
            windows: windowDone ? rest : cursor.windows,
            offset: windowDone ? 0 : next,
            seen: [...seen],
            truncated,
          };
          await saveProgress(tx, run, { cursor, counts, total, rejected });
        });
        const progress = { runId: run.id, processed: seen.size, total, ...counts };
        options.onProgress?.(progress, progressLine('France Travail', progress));
      }
      // Only a complete read proves an offer is gone; an empty one more likely means the API misbehaved.
      const expired = !cursor.truncated && seen.size > 0 ? await expireMissing(database, actor, seen) : 0;
      await bumpDataVersion(db);
      await record(db, {
        actor,
        action: 'opportunity.import',
        target: { type: 'import_run', id: run.id },
        after: { source: franceTravailSource, ...counts, expired, complete: !cursor.truncated },
      });
      return finishRun(db, run.id, { ...cursor, expired });
    } catch (error) {
      await failRun(db, run.id, (error as Error).message);
      throw error;
    }
  });
}

async function expireMissing(database: Database, actor: JournalActor, seen: Set<string>): Promise<number> {
  const published = await database.db
    .select({ id: opportunities.id, sourceId: opportunities.sourceId })
    .from(opportunities)
    .where(and(eq(opportunities.source, franceTravailSource), eq(opportunities.status, 'published')));
  let expired = 0;
  for (const o of published) {
    if (seen.has(o.sourceId)) continue;
    await setStatus(database.db, actor, o.id, 'expired');
    expired++;
  }
  return expired;
}
