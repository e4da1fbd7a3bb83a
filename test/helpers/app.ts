import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/core/context.js';
import type { Database } from '../../src/core/db/index.js';
import { freshDatabase } from './db.js';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  database: Database;
  config: Config;
  /** The Drizzle handle of the test database. */
  db(): Database['db'];
  close(): Promise<void>;
}

/** The whole application on a fresh database, for app.inject or a real listening server. */
export async function testApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await freshDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://localhost:3000',
    DATABASE_URL: process.env.DATABASE_URL ?? '',
    ...env,
  });
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const { app, ctx } = await buildApp({ config, database, logger });
  await app.ready();
  return {
    app,
    ctx,
    database,
    config,
    db: () => database.db,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** Cookies from a response, as a header value for the next request. */
export function cookiesOf(response: { cookies: { name: string; value: string }[] }, previous = ''): string {
  const jar = new Map(
    previous
      .split('; ')
      .filter(Boolean)
      .map((c) => c.split('=') as [string, string]),
  );
  for (const c of response.cookies) jar.set(c.name, c.value);
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** The CSRF token of the first form in a page. */
export function csrfTokenIn(html: string): string {
  const match = html.match(/name="_csrf" value="([^"]+)"/);
  if (!match) throw new Error('No CSRF field in the page');
  return match[1];
}
