import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set to false on routes that take no cookie-authenticated form (e.g. a public JSON API). */
    csrf?: boolean;
  }
}

/**
 * Strict CSP (no inline script or style, nothing from another host but the video players a visitor asks
 * for), the usual security headers, and CSRF on every unsafe method: the token travels in a hidden field, its
 * secret in an HttpOnly cookie.
 */
export async function installSecurity(app: FastifyInstance, options: { secureCookies: boolean }) {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        // Content videos, only after the visitor clicks « Charger la vidéo » (modules/content/markdown/video.ts):
        // the three privacy-enhanced players, nothing else.
        'frame-src': [
          "'self'",
          'https://www.youtube-nocookie.com',
          'https://player.vimeo.com',
          'https://www.dailymotion.com',
        ],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'self'"],
        'object-src': ["'none'"],
        ...(options.secureCookies ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    strictTransportSecurity: options.secureCookies ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
  });
  await app.register(csrf, {
    cookieKey: 'choisir_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: options.secureCookies },
    getToken: (request) =>
      (request.body as Record<string, string> | undefined)?._csrf ??
      (request.headers['x-csrf-token'] as string),
  });
  app.addHook('preHandler', (request, reply, done) => {
    const unsafe = request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS';
    if (!unsafe || request.routeOptions.config?.csrf === false) return done();
    app.csrfProtection(request, reply, done);
  });
}
