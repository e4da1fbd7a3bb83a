import { sql } from 'drizzle-orm';
import { type Db, one } from '../db/index.js';

/**
 * A fixed-window counter in the database, so every process shares it (the rate_limits table). Returns
 * whether this hit is allowed and, when not, how many seconds until the window resets.
 */
export async function hitRateLimit(
  db: Db,
  key: string,
  max: number,
  windowMs: number,
): Promise<{ allowed: boolean; retryAfterSeconds: number; count: number }> {
  const resetAt = new Date(Date.now() + windowMs);
  const row = await one<{ count: number; reset_at: Date | string }>(
    db,
    sql`insert into rate_limits (key, count, reset_at) values (${key}, 1, ${resetAt.toISOString()})
        on conflict (key) do update set
          count = case when rate_limits.reset_at <= now() then 1 else rate_limits.count + 1 end,
          reset_at = case when rate_limits.reset_at <= now() then excluded.reset_at else rate_limits.reset_at end
        returning count, reset_at`,
  );
  const count = Number(row?.count ?? 1);
  const reset = new Date(row?.reset_at ?? resetAt).getTime();
  return {
    allowed: count <= max,
    count,
    retryAfterSeconds: Math.max(1, Math.ceil((reset - Date.now()) / 1000)),
  };
}

/** The current count of a window without counting a hit (0 when the window is over), and when it resets. */
export async function peekRateLimit(
  db: Db,
  key: string,
): Promise<{ count: number; retryAfterSeconds: number }> {
  const row = await one<{ count: number; reset_at: Date | string }>(
    db,
    sql`select count, reset_at from rate_limits where key = ${key} and reset_at > now()`,
  );
  if (!row) return { count: 0, retryAfterSeconds: 0 };
  const wait = Math.ceil((new Date(row.reset_at).getTime() - Date.now()) / 1000);
  return { count: Number(row.count), retryAfterSeconds: Math.max(1, wait) };
}

export async function clearRateLimit(db: Db, key: string): Promise<void> {
  await db.execute(sql`delete from rate_limits where key = ${key}`);
}

export async function purgeRateLimits(db: Db): Promise<void> {
  await db.execute(sql`delete from rate_limits where reset_at < now()`);
}
