import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { hashToken, newToken } from '../../core/auth/index.js';
import type { Db } from '../../core/db/index.js';
import { accountTokens } from './schema.js';

export type TokenPurpose = 'invitation' | 'reset';

/** The condition a token meets while it may still be used: right purpose, not used, not expired. */
function usable(token: string, purpose: TokenPurpose) {
  return and(
    eq(accountTokens.id, hashToken(token)),
    eq(accountTokens.purpose, purpose),
    isNull(accountTokens.usedAt),
    gt(accountTokens.expiresAt, sql`now()`),
  );
}

/** An invitation waits a week; a reset link is for someone at their keyboard now. */
export const tokenLifetimeMs: Record<TokenPurpose, number> = {
  invitation: 7 * 24 * 60 * 60 * 1000,
  reset: 2 * 60 * 60 * 1000,
};

/** Issues a one-time token (only its SHA-256 is stored); earlier unused tokens of the same purpose die. */
export async function issueToken(db: Db, userId: string, purpose: TokenPurpose, createdBy: string | null) {
  await db
    .delete(accountTokens)
    .where(
      and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)),
    );
  const token = newToken();
  await db.insert(accountTokens).values({
    id: hashToken(token),
    userId,
    purpose,
    createdBy,
    expiresAt: new Date(Date.now() + tokenLifetimeMs[purpose]),
  });
  return token;
}

/** The user a token is for, when it has this purpose, is unused and not expired. */
export async function peekToken(db: Db, token: string, purpose: TokenPurpose): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await db
    .select({ userId: accountTokens.userId })
    .from(accountTokens)
    .where(usable(token, purpose));
  return row?.userId ?? null;
}

/** Marks the token used, atomically: of two concurrent submissions only one gets the user id. */
export async function consumeToken(db: Db, token: string, purpose: TokenPurpose): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await db
    .update(accountTokens)
    .set({ usedAt: sql`now()` })
    .where(usable(token, purpose))
    .returning({ userId: accountTokens.userId });
  return row?.userId ?? null;
}
