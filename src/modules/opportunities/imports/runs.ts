import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Db } from '../../../core/db/index.js';
import { conflict } from '../../../core/http/index.js';
import { formatNumber } from '../../../core/views/index.js';
import { importRuns } from '../schema.js';

export type ImportRun = typeof importRuns.$inferSelect;
export type RejectedRow = ImportRun['report'][number];

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportProgress extends ImportCounts {
  runId: string;
  /** Records read so far (rows of a file, offers of the API), including rejected ones. */
  processed: number;
  total: number | null;
}

/** Called after every batch: the CLI prints the line, the run row already holds the counts. */
export type ProgressListener = (progress: ImportProgress, line: string) => void;

/** A run's report keeps this many rejected rows at most; counts stay exact beyond it. */
export const reportLimit = 5000;
/** An unfinished run older than this is abandoned rather than resumed: its cursor is too stale. */
const resumeWithinMs = 24 * 60 * 60 * 1000;

export const emptyCounts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0, rejected: 0 });

export function progressLine(label: string, p: ImportProgress): string {
  const read =
    p.total === null ? formatNumber(p.processed) : `${formatNumber(p.processed)}/${formatNumber(p.total)}`;
  return `${label} : ${read} lues — ${formatNumber(p.created)} créées, ${formatNumber(p.updated)} mises à jour, ${formatNumber(p.unchanged)} inchangées, ${formatNumber(p.rejected)} rejetées`;
}

const locallyRunning = new Set<string>();

/**
 * Runs `work` while no other process runs an import of the same source. On PostgreSQL a session advisory
 * lock on a dedicated connection (it dies with the process, so a crash never leaves a stale lock); PGlite
 * is only ever open in one process, so an in-memory set is enough.
 */
export async function withImportLock<T>(
  database: Database,
  source: string,
  work: () => Promise<T>,
): Promise<T> {
  const busy = () => conflict(`Un import « ${source} » est déjà en cours. Réessayez quand il sera terminé.`);
  if (locallyRunning.has(source)) throw busy();
  locallyRunning.add(source);
  try {
    if (database.kind !== 'postgres' || !database.pool) return await work();
    const client = await database.pool.connect();
    try {
      const key = `choisir.import:${source}`;
      const { rows } = await client.query<{ locked: boolean }>(
        'select pg_try_advisory_lock(hashtext($1)) as locked',
        [key],
      );
      if (!rows[0].locked) throw busy();
      try {
        return await work();
      } finally {
        await client.query('select pg_advisory_unlock(hashtext($1))', [key]);
      }
    } finally {
      client.release();
    }
  } finally {
    locallyRunning.delete(source);
  }
}

/**
 * The run to work on, under the source's lock: the last unfinished run of this source (left running by a
 * crash, or failed) when it is recent and for the same input (`fingerprint`: a file's hash), resumed from its
 * cursor; otherwise a new run. An unfinished run that cannot be resumed is closed as failed.
 */
export async function openRun(
  db: Db,
  source: string,
  options: { startedBy: string; fingerprint?: string },
): Promise<{ run: ImportRun; resumed: boolean }> {
  const [last] = await db
    .select()
    .from(importRuns)
    .where(eq(importRuns.source, source))
    .orderBy(desc(importRuns.startedAt))
    .limit(1);
  if (last && last.status !== 'done') {
    const recent = Date.now() - new Date(last.startedAt).getTime() < resumeWithinMs;
    const sameInput = (last.cursor.fingerprint ?? null) === (options.fingerprint ?? null);
    if (recent && sameInput) {
      const [run] = await db
        .update(importRuns)
        .set({ status: 'running', error: null })
        .where(eq(importRuns.id, last.id))
        .returning();
      return { run, resumed: true };
    }
    await db
      .update(importRuns)
      .set({
        status: 'failed',
        finishedAt: last.finishedAt ?? new Date(),
        error: last.error ?? 'Import interrompu, remplacé par un nouvel import.',
      })
      .where(eq(importRuns.id, last.id));
  }
  const [run] = await db
    .insert(importRuns)
    .values({
      source,
      startedBy: options.startedBy,
      cursor: options.fingerprint ? { fingerprint: options.fingerprint } : {},
    })
    .returning();
  return { run, resumed: false };
}

/** Saves a batch's outcome: where to resume, the counts so far, and the rows rejected in this batch. */
export async function saveProgress(
  db: Db,
  run: ImportRun,
  update: {
    cursor: Record<string, unknown>;
    counts: ImportCounts;
    total?: number | null;
    rejected: RejectedRow[];
  },
): Promise<void> {
  const room = Math.max(0, reportLimit - run.report.length);
  const added = update.rejected.slice(0, room);
  run.report = [...run.report, ...added];
  run.cursor = update.cursor;
  await db
    .update(importRuns)
    .set({
      cursor: update.cursor,
      ...update.counts,
      ...(update.total !== undefined ? { total: update.total } : {}),
      ...(added.length ? { report: sql`${importRuns.report} || ${JSON.stringify(added)}::jsonb` } : {}),
    })
    .where(eq(importRuns.id, run.id));
}

export async function finishRun(db: Db, runId: string, cursor: Record<string, unknown>): Promise<ImportRun> {
  const [run] = await db
    .update(importRuns)
    .set({ status: 'done', cursor, finishedAt: new Date(), error: null })
    .where(eq(importRuns.id, runId))
    .returning();
  // Thousands of rows may have changed: refresh the planner's statistics (PGlite has no autovacuum).
  if (run.created + run.updated > 500) await db.execute(sql`analyze opportunities`);
  return run;
}

/** Marks a run failed: it keeps its cursor, so the next run of the same source resumes it. */
export async function failRun(db: Db, runId: string, error: string): Promise<void> {
  await db
    .update(importRuns)
    .set({ status: 'failed', error: error.slice(0, 1000), finishedAt: new Date() })
    .where(eq(importRuns.id, runId));
}

export async function findRun(db: Db, id: string): Promise<ImportRun | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  const [run] = await db.select().from(importRuns).where(eq(importRuns.id, id));
  return run;
}

export async function listRuns(db: Db, limit = 30): Promise<ImportRun[]> {
  return db.select().from(importRuns).orderBy(desc(importRuns.startedAt)).limit(limit);
}

export async function lastRunOf(db: Db, sources: string[]): Promise<ImportRun | undefined> {
  const [run] = await db
    .select()
    .from(importRuns)
    .where(inArray(importRuns.source, sources))
    .orderBy(desc(importRuns.startedAt))
    .limit(1);
  return run;
}
