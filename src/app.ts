import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { AppContext } from './core/context.js';
import { type Database, serverVersion } from './core/db/index.js';
import { fileRoutes } from './core/files/index.js';
import {
  buildAssets,
  installErrorPages,
  installPageCache,
  installSecurity,
  pageRenderer,
} from './core/http/index.js';
import type { PgBoss } from './core/jobs/index.js';
import { createMailer } from './core/mail/index.js';
import { createNavigation } from './core/views/index.js';
import { modules } from './modules.js';

export interface BuildOptions {
  config: Config;
  database: Database;
  logger: Logger;
  jobs?: PgBoss | null;
}

/** The composition root: core plugins, then each module's routes. */
export async function buildApp({ config, database, logger, jobs = null }: BuildOptions) {
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    // Long path parameters reach the routes, which check them and answer a French 404; over the router's
    // default of 100 characters Fastify would answer a bare English 414.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
  }) as unknown as FastifyInstance;

  const assets = await buildAssets({ minify: config.NODE_ENV === 'production' });
  let siteName = 'Oh my Lot!';
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    logger,
    assets,
    jobs,
    mailer: createMailer(database.db, { smtpUrl: config.SMTP_URL, from: config.MAIL_FROM }),
    navigation: createNavigation(),
    staffNavigation: createNavigation(),
    siteName: () => siteName,
    setSiteName: (name) => {
      siteName = name;
    },
    sitemap: async () => (await Promise.all(modules.map((m) => m.sitemap?.(ctx) ?? []))).flat(),
  };

  const secureCookies = config.COOKIE_SECURE ?? config.PUBLIC_URL.startsWith('https://');
  await app.register(cookie);
  await app.register(formbody);
  await installSecurity(app, { secureCookies });
  if (config.PAGE_CACHE) installPageCache(app, database.db, { versionTtlMs: config.PAGE_CACHE_TTL_MS });
  app.decorateRequest('actor', null);
  app.decorateReply(
    'page',
    pageRenderer({
      assets,
      navigation: ctx.navigation,
      staffNavigation: ctx.staffNavigation,
      siteName: ctx.siteName,
      publicUrl: config.PUBLIC_URL,
    }),
  );
  installErrorPages(app);

  app.get('/assets/*', (request, reply) => {
    const asset = assets.get(request.url.split('?')[0]);
    if (!asset) return reply.callNotFound();
    return reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .type(asset.type)
      .send(asset.body);
  });
  app.get('/healthz', async () => ({
    status: 'ok',
    database: database.kind,
    databaseVersion: await serverVersion(database),
    jobs: Boolean(ctx.jobs),
  }));

  fileRoutes(app, ctx);
  for (const module of modules) await module.routes?.(app, ctx);
  return { app, ctx };
}
