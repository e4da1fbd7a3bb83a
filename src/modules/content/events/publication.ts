/**
 * Scheduled publication needs no flag to flip (a content is public once its publish_at has passed), but the
 * page cache keeps serving the pages built before that instant until the public data version moves. This job
 * moves it when a scheduled content came due, or an event ended, since the last check.
 */
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.js';
import { type Db, one } from '../../../core/db/index.js';
import { bumpDataVersion } from '../../../core/http/index.js';
import { eventEnd } from '../queries.js';

/**
 * The last instant checked, per database handle (so per process). A new process starts from the last bump of
 * the data version: whatever came due after it has not been shown yet, wherever pages were cached.
 */
const lastChecks = new WeakMap<object, Date>();

async function lastBump(db: Db): Promise<Date> {
  const row = await one<{ at: Date | string | null }>(
    db,
    sql`select max(updated_at) as at from data_versions where scope = 'public'`,
  );
  return row?.at ? new Date(row.at) : new Date(0);
}

/**
 * Bumps the data version when a published content's publish_at, or a public event's end, fell in (last check,
 * now]. True when bumped.
 */
export async function refreshDuePublications(
  ctx: Pick<AppContext, 'db'>,
  now = new Date(),
): Promise<boolean> {
  const since = lastChecks.get(ctx.db) ?? (await lastBump(ctx.db));
  if (since >= now) return false;
  const from = sql`${since.toISOString()}::timestamptz`;
  const to = sql`${now.toISOString()}::timestamptz`;
  // A content came due, or a public event ended (it leaves the calendar, which the cache would keep showing).
  const due = await one<{ n: number }>(
    ctx.db,
    sql`select count(*)::int as n from contents c
        where c.status = 'published' and c.publish_at <= ${to}
          and (c.publish_at > ${from} or (c.kind = 'event' and ${eventEnd()} > ${from} and ${eventEnd()} <= ${to}))`,
  );
  lastChecks.set(ctx.db, now);
  if (!due?.n) return false;
  await bumpDataVersion(ctx.db);
  return true;
}
