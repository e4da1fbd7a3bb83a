import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { journal } from './schema.js';

export { journal };

export interface JournalActor {
  id: string | null;
  label: string;
}

export const systemActor: JournalActor = { id: null, label: 'système' };

export interface JournalEntry {
  actor: JournalActor;
  /** A verb in the domain, dotted: 'user.invite', 'commune.update', 'file.read'. */
  action: string;
  target: { type: string; id?: string | null };
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  ip?: string | null;
}

/** Fields never written to the journal, even hashed. */
const secretFields = new Set(['passwordHash', 'password_hash', 'password', 'token', 'tokenHash']);

/** The fields that changed between two versions of a record; secrets show as «masqué». */
export function diffRecords(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): Record<string, { before?: unknown; after?: unknown }> {
  const diff: Record<string, { before?: unknown; after?: unknown }> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    const a = before?.[key];
    const b = after?.[key];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    if (secretFields.has(key)) {
      diff[key] = {
        before: a === undefined ? undefined : 'masqué',
        after: b === undefined ? undefined : 'masqué',
      };
    } else {
      diff[key] = { before: a, after: b };
    }
  }
  return diff;
}

export async function record(db: Db, entry: JournalEntry): Promise<void> {
  const diff = entry.before || entry.after ? diffRecords(entry.before, entry.after) : null;
  await db.insert(journal).values({
    actorId: entry.actor.id,
    actorLabel: entry.actor.label,
    action: entry.action,
    targetType: entry.target.type,
    targetId: entry.target.id ?? null,
    diff: diff && Object.keys(diff).length ? diff : null,
    ip: entry.ip ?? null,
  });
}

export interface JournalFilter {
  action?: string;
  targetType?: string;
  targetId?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
}

export async function listJournal(db: Db, filter: JournalFilter, page: { limit: number; offset: number }) {
  const conditions: SQL[] = [];
  if (filter.action) conditions.push(sql`${journal.action} like ${`${filter.action}%`}`);
  if (filter.targetType) conditions.push(eq(journal.targetType, filter.targetType));
  if (filter.targetId) conditions.push(eq(journal.targetId, filter.targetId));
  if (filter.actorId) conditions.push(eq(journal.actorId, filter.actorId));
  if (filter.from) conditions.push(gte(journal.at, filter.from));
  if (filter.to) conditions.push(lt(journal.at, filter.to));
  const where = conditions.length ? and(...conditions) : undefined;
  const items = await db
    .select()
    .from(journal)
    .where(where)
    .orderBy(desc(journal.at), desc(journal.id))
    .limit(page.limit)
    .offset(page.offset);
  const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(journal).where(where);
  return { items, total: count };
}

/** Deletes entries older than the retention period; returns how many went. */
export async function purgeJournal(db: Db, retentionDays: number): Promise<number> {
  const deleted = await db
    .delete(journal)
    .where(lt(journal.at, sql`now() - make_interval(days => ${retentionDays})`))
    .returning({ id: journal.id });
  return deleted.length;
}
