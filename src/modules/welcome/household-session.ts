/**
 * Households have no password: a magic link (emailed) opens a session bound to their file. Links are single
 * use and short lived; only SHA-256 hashes are stored. The cookie is separate from the staff session, so a
 * household never gains a staff identity and staff never act as a household.
 */
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashToken, newToken } from '../../core/auth/index.js';
import type { AppContext } from '../../core/context.js';
import type { Db } from '../../core/db/index.js';
import { findFile, type NewcomerFile } from './files.js';
import { magicLinkPath } from './paths.js';
import { householdSessions, householdTokens } from './schema.js';

export const householdCookieName = 'choisir_foyer';
/** A magic link works once, within 48 hours. */
export const magicLinkLifetimeMs = 48 * 60 * 60 * 1000;
/** A household session lasts 30 days (a phone in a village: no need to log in again every visit). */
export const householdSessionMs = 30 * 24 * 60 * 60 * 1000;

const tokenPattern = /^[A-Za-z0-9_-]{20,100}$/;

/** A new magic link for a file: the absolute URL to put in an email. */
export async function issueMagicLink(ctx: AppContext, fileId: string): Promise<string> {
  const token = newToken();
  await ctx.db.insert(householdTokens).values({
    id: hashToken(token),
    fileId,
    expiresAt: new Date(Date.now() + magicLinkLifetimeMs),
  });
  return `${ctx.config.PUBLIC_URL}${magicLinkPath(token)}`;
}

/** Uses a magic link's token: the file id, or null when unknown, used or expired. */
export async function consumeMagicLink(db: Db, token: string): Promise<string | null> {
  if (!tokenPattern.test(token)) return null;
  const [row] = await db
    .update(householdTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(householdTokens.id, hashToken(token)),
        isNull(householdTokens.usedAt),
        gt(householdTokens.expiresAt, sql`now()`),
      ),
    )
    .returning({ fileId: householdTokens.fileId });
  return row?.fileId ?? null;
}

function cookieOptions(ctx: AppContext) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: ctx.config.COOKIE_SECURE ?? ctx.config.PUBLIC_URL.startsWith('https://'),
    maxAge: householdSessionMs / 1000,
  };
}

/** Opens a household session for a file and sets its cookie. */
export async function startHouseholdSession(
  ctx: AppContext,
  reply: FastifyReply,
  fileId: string,
): Promise<void> {
  const token = newToken();
  await ctx.db.insert(householdSessions).values({
    id: hashToken(token),
    fileId,
    expiresAt: new Date(Date.now() + householdSessionMs),
  });
  reply.setCookie(householdCookieName, token, cookieOptions(ctx));
}

/**
 * The file of the household making this request, or null (no cookie, expired session, erased file); for a
 * merged file, the file it was merged into. Household
 * pages must also be kept out of the shared page cache: register them with `config: { publicCache: false }`.
 */
export async function householdFile(ctx: AppContext, request: FastifyRequest): Promise<NewcomerFile | null> {
  const token = request.cookies?.[householdCookieName];
  if (!token || !tokenPattern.test(token)) return null;
  const [session] = await ctx.db
    .select({ fileId: householdSessions.fileId })
    .from(householdSessions)
    .where(and(eq(householdSessions.id, hashToken(token)), gt(householdSessions.expiresAt, sql`now()`)));
  if (!session) return null;
  let file = await findFile(ctx.db, session.fileId);
  // A file merged into another (the same household, found twice): the household continues in the kept one.
  for (let hops = 0; file?.mergedInto && hops < 5; hops++) file = await findFile(ctx.db, file.mergedInto);
  return file && file.status !== 'erased' && !file.mergedInto ? file : null;
}

/** Ends the household's session (log out), or every session of a file (erasure). */
export async function endHouseholdSession(ctx: AppContext, request: FastifyRequest, reply: FastifyReply) {
  const token = request.cookies?.[householdCookieName];
  if (token) await ctx.db.delete(householdSessions).where(eq(householdSessions.id, hashToken(token)));
  reply.clearCookie(householdCookieName, { path: '/' });
}

export async function endFileSessions(db: Db, fileId: string): Promise<void> {
  await db.delete(householdSessions).where(eq(householdSessions.fileId, fileId));
  await db.delete(householdTokens).where(eq(householdTokens.fileId, fileId));
}

export async function purgeExpiredHouseholdSessions(db: Db): Promise<void> {
  await db.delete(householdSessions).where(lt(householdSessions.expiresAt, sql`now()`));
  await db.delete(householdTokens).where(lt(householdTokens.expiresAt, sql`now()`));
}
