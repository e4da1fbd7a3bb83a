/**
 * Ambassadors have no password: emailed single-use links (confirm the sign-up, log in). Only SHA-256 hashes
 * are stored. Their personal code (tracked link, QR code, the intake's « code ambassadeur ») is short and
 * readable, not a secret.
 */
import crypto from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { hashToken, newToken } from '../../core/auth/index.js';
import type { AppContext } from '../../core/context.js';
import type { Db } from '../../core/db/index.js';
import { confirmPath } from './paths.js';
import { ambassadorTokens } from './schema.js';

/** A confirmation link lives 7 days; a login link 48 hours; a newsletter's unsubscribe link a year. */
const lifetimes = {
  confirm: 7 * 24 * 3600_000,
  login: 48 * 3600_000,
  unsubscribe: 365 * 24 * 3600_000,
} as const;
export type AmbassadorTokenPurpose = keyof typeof lifetimes;
const tokenPattern = /^[A-Za-z0-9_-]{20,100}$/;

/** A new single-use link's token; `confirmUrl` builds the sign-up confirmation URL from it. */
export async function issueAmbassadorToken(
  db: Db,
  ambassadorId: string,
  purpose: AmbassadorTokenPurpose,
): Promise<string> {
  const token = newToken();
  await db.insert(ambassadorTokens).values({
    id: hashToken(token),
    ambassadorId,
    purpose,
    expiresAt: new Date(Date.now() + lifetimes[purpose]),
  });
  return token;
}

export const confirmUrl = (ctx: AppContext, token: string) => `${ctx.config.PUBLIC_URL}${confirmPath(token)}`;

/** Uses a link's token: the ambassador's id, or null when unknown, used, expired or of another purpose. */
export async function consumeAmbassadorToken(
  db: Db,
  token: string,
  purpose: AmbassadorTokenPurpose,
): Promise<string | null> {
  if (!tokenPattern.test(token)) return null;
  const [row] = await db
    .update(ambassadorTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(ambassadorTokens.id, hashToken(token)),
        eq(ambassadorTokens.purpose, purpose),
        isNull(ambassadorTokens.usedAt),
        gt(ambassadorTokens.expiresAt, sql`now()`),
      ),
    )
    .returning({ ambassadorId: ambassadorTokens.ambassadorId });
  return row?.ambassadorId ?? null;
}

/** Letters and digits nobody confuses (no 0/O, 1/I/L): « LOT-7K3M ». */
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export function newAmbassadorCode(): string {
  const chars = [...crypto.randomBytes(5)].map((b) => alphabet[b % alphabet.length]).join('');
  return `LOT-${chars}`;
}
