import type { FastifyInstance, FastifyReply } from 'fastify';
import { resolveSession, sessionCookieName } from '../../core/auth/index.js';
import type { AppContext } from '../../core/context.js';
import { unauthenticated } from '../../core/http/index.js';
import { actorFor } from './users.js';

export function cookieOptions(ctx: AppContext) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: ctx.config.COOKIE_SECURE ?? ctx.config.PUBLIC_URL.startsWith('https://'),
  };
}

export function setSessionCookie(reply: FastifyReply, ctx: AppContext, token: string) {
  reply.setCookie(sessionCookieName, token, cookieOptions(ctx));
}

export function clearSessionCookie(reply: FastifyReply, ctx: AppContext) {
  reply.clearCookie(sessionCookieName, cookieOptions(ctx));
}

const isBackOffice = (path: string) => path === '/admin' || path.startsWith('/admin/');

function decodedPath(url: string): string {
  const path = url.split('?')[0];
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * Resolves the session cookie into request.actor on every request. No cookie, no query: public pages stay
 * fast. A disabled account or an expired session resolves to nobody and its cookie is cleared. Back-office
 * paths are closed to visitors: a page sends them to the login form, anything else is a 401.
 */
export function installActorHook(app: FastifyInstance, ctx: AppContext) {
  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies?.[sessionCookieName];
    if (token) {
      const userId = await resolveSession(ctx.db, token);
      request.actor = userId ? await actorFor(ctx.db, userId) : null;
      if (!request.actor) clearSessionCookie(reply, ctx);
    }
    // The route's own pattern, not the raw URL: the router decodes `/%61dmin/…` into `/admin/…`, and that
    // spelling must not slip past the gate. Without a matching route, the decoded path decides.
    const path = request.routeOptions.url ?? decodedPath(request.url);
    if (!request.actor && isBackOffice(path)) {
      if (request.method === 'GET' || request.method === 'HEAD') {
        return reply.redirect(`/connexion?retour=${encodeURIComponent(request.url)}`, 303);
      }
      throw unauthenticated();
    }
  });
}
