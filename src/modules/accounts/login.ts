import { eq, sql } from 'drizzle-orm';
import { createSession } from '../../core/auth/index.js';
import { type Db, one } from '../../core/db/index.js';
import { clearRateLimit, hitRateLimit, peekRateLimit } from '../../core/http/index.js';
import { record } from '../../core/journal/index.js';
import { verifyPassword } from './passwords.js';
import { users } from './schema.js';
import { findUserByEmail, type User } from './users.js';

export const loginWindowMs = 15 * 60 * 1000;

const keysFor = (ip: string, email: string) => [`login:ip:${ip}`, `login:account:${email}`];

/**
 * Seconds until the next attempt is allowed when the IP or the account already used up its failures, else 0.
 * Reads the shared counters without counting: only failures count, so staff signing in often are never blocked.
 */
async function blockedFor(db: Db, keys: string[], max: number): Promise<number> {
  let wait = 0;
  for (const key of keys) {
    const window = await peekRateLimit(db, key);
    if (window.count >= max) wait = Math.max(wait, window.retryAfterSeconds);
  }
  return wait;
}

export type LoginResult =
  | { ok: true; user: User; token: string }
  | { ok: false; reason: 'invalid' | 'disabled' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Checks an email and password, rate-limited per IP and per account (failures only), and opens a session.
 * Every outcome is journaled, never with the password.
 */
export async function login(
  db: Db,
  input: { email: string; password: string; ip: string; userAgent?: string; maxFailures: number },
): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const keys = keysFor(input.ip, email);
  const wait = await blockedFor(db, keys, input.maxFailures);
  if (wait) return { ok: false, reason: 'throttled', retryAfterSeconds: wait };

  const user = await findUserByEmail(db, email);
  const passwordOk = await verifyPassword(
    user?.status === 'invited' ? null : user?.passwordHash,
    input.password,
  );
  if (!user || !passwordOk || user.status !== 'active') {
    for (const key of keys) await hitRateLimit(db, key, input.maxFailures, loginWindowMs);
    const reason = user && passwordOk && user.status === 'disabled' ? 'disabled' : 'invalid';
    await record(db, {
      actor: { id: null, label: 'visiteur' },
      action: 'user.login_failed',
      target: { type: 'user', id: user?.id ?? null },
      after: { email, reason },
      ip: input.ip,
    });
    return { ok: false, reason };
  }
  await clearRateLimit(db, keys[1]);
  const token = await createSession(db, user.id, input.userAgent);
  await db.update(users).set({ lastLoginAt: sql`now()` }).where(eq(users.id, user.id));
  await record(db, {
    actor: { id: user.id, label: `${user.name} <${user.email}>` },
    action: 'user.login',
    target: { type: 'user', id: user.id },
    ip: input.ip,
  });
  return { ok: true, user, token };
}

/** A local path to go back to after signing in; anything else (another host, a scheme, odd characters) is refused. */
export function safeReturnPath(raw: unknown, fallback = '/admin'): string {
  if (typeof raw !== 'string' || raw.length > 500) return fallback;
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return fallback;
  return raw;
}
