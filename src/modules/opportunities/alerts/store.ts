import crypto from 'node:crypto';
import { and, count, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { hashToken, newToken } from '../../../core/auth/index.js';
import type { Db } from '../../../core/db/index.js';
import { savedSearches } from '../schema.js';

export type SavedSearch = typeof savedSearches.$inferSelect;

/** At most this many alerts (pending or active) per address: enough for a household, too few for abuse. */
export const maxAlertsPerEmail = 10;
/** An unconfirmed alert and its link live a week, then the address is forgotten. */
export const confirmationLifetimeMs = 7 * 24 * 60 * 60 * 1000;
/** An unsubscribed alert is kept a month (its links still answer « déjà désabonné »), then deleted. */
export const unsubscribedRetentionMs = 30 * 24 * 60 * 60 * 1000;

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** A short, non-reversible name for an address, for rate-limit keys and logs (never the address itself). */
export function emailKey(email: string): string {
  return hashToken(`alert-email:${normaliseEmail(email)}`).slice(0, 24);
}

const tokenPattern = /^[A-Za-z0-9_-]{20,100}$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The token of the links that stop alerts (unsubscribe, delete all), in every email of an alert. Emails sent
 * later must carry it while only a hash of the confirmation token is stored, so it is derived from that hash:
 * the alert's id and an HMAC keyed by the hash. Someone reading the database could therefore stop alerts,
 * nothing more; the confirmation token itself cannot be derived, so nobody confirms an address but its owner.
 */
export function manageToken(search: Pick<SavedSearch, 'id' | 'tokenHash'>): string {
  return `${search.id}.${manageMac(search)}`;
}

function manageMac(search: Pick<SavedSearch, 'id' | 'tokenHash'>): string {
  return crypto
    .createHmac('sha256', search.tokenHash)
    .update(`choisir:alert-manage:${search.id}`)
    .digest('base64url')
    .slice(0, 32);
}

/** A pending alert's links die with it after a week, even before the daily job deletes it. */
const expired = (found: SavedSearch, now: Date) =>
  !found.confirmedAt && now.getTime() - found.createdAt.getTime() > confirmationLifetimeMs;

/** The alert a confirmation link's token belongs to. */
export async function findByConfirmToken(
  db: Db,
  token: string,
  now = new Date(),
): Promise<SavedSearch | undefined> {
  if (!tokenPattern.test(token)) return undefined;
  const [found] = await db
    .select()
    .from(savedSearches)
    .where(eq(savedSearches.tokenHash, hashToken(token)));
  return found && !expired(found, now) ? found : undefined;
}

/** The alert an unsubscribe or delete link's token belongs to. */
export async function findByManageToken(
  db: Db,
  token: string,
  now = new Date(),
): Promise<SavedSearch | undefined> {
  const [id, mac] = token.split('.');
  if (!id || !mac || !uuidPattern.test(id) || !/^[A-Za-z0-9_-]{32}$/.test(mac)) return undefined;
  const [found] = await db.select().from(savedSearches).where(eq(savedSearches.id, id));
  if (!found || expired(found, now)) return undefined;
  const expected = Buffer.from(manageMac(found));
  return crypto.timingSafeEqual(expected, Buffer.from(mac)) ? found : undefined;
}

/**
 * What saving a search did. Each outcome sends its own message to the address, and the page says the same
 * thing in every case, so the form never reveals whether an address already has alerts.
 */
export type SubscribeOutcome =
  | { kind: 'created'; search: SavedSearch; token: string }
  | { kind: 'resent'; search: SavedSearch; token: string }
  | { kind: 'already-active'; search: SavedSearch }
  | { kind: 'limit'; search: SavedSearch };

export async function subscribe(
  db: Db,
  input: { email: string; query: string; label: string },
  now = new Date(),
): Promise<SubscribeOutcome> {
  const email = normaliseEmail(input.email);
  const live = and(eq(savedSearches.email, email), isNull(savedSearches.unsubscribedAt));
  const [same] = await db
    .select()
    .from(savedSearches)
    .where(and(live, eq(savedSearches.query, input.query)))
    .limit(1);
  if (same?.confirmedAt) return { kind: 'already-active', search: same };
  const token = newToken();
  if (same) {
    // A second request for a pending alert: a new link, the old one dies; the week starts again.
    const [search] = await db
      .update(savedSearches)
      .set({ tokenHash: hashToken(token), label: input.label, createdAt: now })
      .where(eq(savedSearches.id, same.id))
      .returning();
    return { kind: 'resent', search, token };
  }
  const existing = await db
    .select()
    .from(savedSearches)
    .where(live)
    .orderBy(savedSearches.createdAt)
    .limit(maxAlertsPerEmail);
  if (existing.length >= maxAlertsPerEmail) return { kind: 'limit', search: existing[0] };
  const [search] = await db
    .insert(savedSearches)
    .values({ email, query: input.query, label: input.label, tokenHash: hashToken(token), createdAt: now })
    .returning();
  return { kind: 'created', search, token };
}

/** Confirms a pending alert (idempotent: a confirmed one is returned as is). */
export async function confirm(db: Db, token: string, now = new Date()): Promise<SavedSearch | undefined> {
  const found = await findByConfirmToken(db, token, now);
  if (!found || found.unsubscribedAt) return undefined;
  if (found.confirmedAt) return found;
  const [confirmed] = await db
    .update(savedSearches)
    .set({ confirmedAt: now })
    .where(and(eq(savedSearches.id, found.id), isNull(savedSearches.confirmedAt)))
    .returning();
  return confirmed ?? (await findByConfirmToken(db, token, now));
}

/** Stops an alert (idempotent); the row stays a month so its links still explain what happened. */
export async function unsubscribe(db: Db, token: string, now = new Date()): Promise<SavedSearch | undefined> {
  const found = await findByManageToken(db, token, now);
  if (!found) return undefined;
  if (found.unsubscribedAt) return found;
  const [done] = await db
    .update(savedSearches)
    .set({ unsubscribedAt: now })
    .where(eq(savedSearches.id, found.id))
    .returning();
  return done ?? found;
}

/** How many alerts the database keeps for an address (active, pending or recently unsubscribed). */
export async function countAlerts(db: Db, email: string): Promise<number> {
  const [{ n }] = await db
    .select({ n: count() })
    .from(savedSearches)
    .where(eq(savedSearches.email, normaliseEmail(email)));
  return Number(n);
}

/** Deletes every alert of the address the token's alert belongs to; returns how many went. */
export async function deleteAllForToken(
  db: Db,
  token: string,
  now = new Date(),
): Promise<number | undefined> {
  const found = await findByManageToken(db, token, now);
  if (!found) return undefined;
  const deleted = await db
    .delete(savedSearches)
    .where(eq(savedSearches.email, found.email))
    .returning({ id: savedSearches.id });
  return deleted.length;
}

/** Forgets addresses that never confirmed within the week, and alerts unsubscribed more than a month ago. */
export async function purgeStaleAlerts(db: Db, now = new Date()): Promise<number> {
  const pendingBefore = new Date(now.getTime() - confirmationLifetimeMs);
  const unsubscribedBefore = new Date(now.getTime() - unsubscribedRetentionMs);
  const deleted = await db
    .delete(savedSearches)
    .where(
      or(
        and(isNull(savedSearches.confirmedAt), lt(savedSearches.createdAt, pendingBefore)),
        lt(savedSearches.unsubscribedAt, unsubscribedBefore),
      ),
    )
    .returning({ id: savedSearches.id });
  return deleted.length;
}

/** Confirmed, still subscribed alerts: what the digest walks through, oldest first. */
export async function listActiveAlerts(db: Db): Promise<SavedSearch[]> {
  return db
    .select()
    .from(savedSearches)
    .where(and(sql`${savedSearches.confirmedAt} is not null`, isNull(savedSearches.unsubscribedAt)))
    .orderBy(savedSearches.confirmedAt);
}

/**
 * Marks a digest as sent, only if no other run did since `previous` was read: of two overlapping runs,
 * one sends. Values compared were all written from JavaScript dates, so equality is exact.
 */
export async function claimDigest(db: Db, search: SavedSearch, sentAt: Date): Promise<boolean> {
  const previous = search.lastSentAt;
  const claimed = await db
    .update(savedSearches)
    .set({ lastSentAt: sentAt })
    .where(
      and(
        eq(savedSearches.id, search.id),
        isNull(savedSearches.unsubscribedAt),
        previous ? eq(savedSearches.lastSentAt, previous) : isNull(savedSearches.lastSentAt),
      ),
    )
    .returning({ id: savedSearches.id });
  return claimed.length > 0;
}
