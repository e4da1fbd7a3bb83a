/**
 * Ambassadors log in with an emailed single-use link (tokens.ts, purpose 'login') that opens a session bound to
 * their record. The cookie is separate from the staff and household ones: an ambassador never gains a staff
 * identity, and nothing of a newcomer file is reachable through it.
 */
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashToken, newToken } from '../../core/auth/index.js';
import type { AppContext } from '../../core/context.js';
import type { Db } from '../../core/db/index.js';
import { spacePaths } from './paths.js';
import { ambassadorSessions, ambassadors, ambassadorTokens } from './schema.js';
import { issueAmbassadorToken } from './tokens.js';

export type Ambassador = typeof ambassadors.$inferSelect;

export const ambassadorCookieName = 'choisir_ambassadeur';
/** A session lasts 30 days, like the households': ambassadors come back from a phone, now and then. */
export const ambassadorSessionMs = 30 * 24 * 3600_000;
/** Pages of the space carry personal data: never in the anonymous page cache. */
export const ambassadorRoute = { config: { publicCache: false } };

const tokenPattern = /^[A-Za-z0-9_-]{20,100}$/;

function cookieOptions(ctx: AppContext) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: ctx.config.COOKIE_SECURE ?? ctx.config.PUBLIC_URL.startsWith('https://'),
    maxAge: ambassadorSessionMs / 1000,
  };
}

/** A login link for an ambassador: the absolute URL to put in an email. */
export async function loginLinkUrl(ctx: AppContext, ambassadorId: string): Promise<string> {
  const token = await issueAmbassadorToken(ctx.db, ambassadorId, 'login');
  return `${ctx.config.PUBLIC_URL}${spacePaths.link(token)}`;
}

/** Opens a session and sets its cookie; the login counts as activity (dormancy). */
export async function startAmbassadorSession(
  ctx: AppContext,
  reply: FastifyReply,
  ambassadorId: string,
): Promise<void> {
  const token = newToken();
  await ctx.db.insert(ambassadorSessions).values({
    id: hashToken(token),
    ambassadorId,
    expiresAt: new Date(Date.now() + ambassadorSessionMs),
  });
  await markActive(ctx.db, ambassadorId);
  reply.setCookie(ambassadorCookieName, token, cookieOptions(ctx));
}

/**
 * The ambassador making this request, or null (no cookie, expired session, not active). Only validated
 * ambassadors have a space: a pending, refused, departed or erased one gets the login page.
 */
export async function currentAmbassador(
  ctx: AppContext,
  request: FastifyRequest,
): Promise<Ambassador | null> {
  const token = request.cookies?.[ambassadorCookieName];
  if (!token || !tokenPattern.test(token)) return null;
  const [row] = await ctx.db
    .select({ ambassador: ambassadors })
    .from(ambassadorSessions)
    .innerJoin(ambassadors, eq(ambassadors.id, ambassadorSessions.ambassadorId))
    .where(and(eq(ambassadorSessions.id, hashToken(token)), gt(ambassadorSessions.expiresAt, sql`now()`)));
  const ambassador = row?.ambassador;
  return ambassador && ambassador.status === 'active' && !ambassador.erasedAt ? ambassador : null;
}

/** Any action of the ambassador (login, mission, lead, answer): dormancy is counted from the last one. */
export async function markActive(db: Db, ambassadorId: string): Promise<void> {
  await db.update(ambassadors).set({ lastActivityAt: sql`now()` }).where(eq(ambassadors.id, ambassadorId));
}

export async function endAmbassadorSession(ctx: AppContext, request: FastifyRequest, reply: FastifyReply) {
  const token = request.cookies?.[ambassadorCookieName];
  if (token) await ctx.db.delete(ambassadorSessions).where(eq(ambassadorSessions.id, hashToken(token)));
  reply.clearCookie(ambassadorCookieName, { path: '/' });
}

/** Every session and link of an ambassador (leaving the network, erasure). */
export async function endAllSessions(db: Db, ambassadorId: string): Promise<void> {
  await db.delete(ambassadorSessions).where(eq(ambassadorSessions.ambassadorId, ambassadorId));
  await db.delete(ambassadorTokens).where(eq(ambassadorTokens.ambassadorId, ambassadorId));
}

export async function purgeExpiredAmbassadorSessions(db: Db): Promise<void> {
  await db.delete(ambassadorSessions).where(lt(ambassadorSessions.expiresAt, sql`now()`));
  await db.delete(ambassadorTokens).where(lt(ambassadorTokens.expiresAt, sql`now()`));
}
