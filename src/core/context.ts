import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Database, Db } from './db/index.js';
import type { Assets } from './http/assets.js';
import type { PgBoss } from './jobs/index.js';
import type { Mailer } from './mail/index.js';
import type { SitemapEntry } from './module.js';
import type { Navigation } from './views/index.js';

/** The shared services every module receives when it registers its routes. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  mailer: Mailer;
  logger: Logger;
  assets: Assets;
  /** Public navigation and back-office navigation; modules add their entries. */
  navigation: Navigation;
  staffNavigation: Navigation;
  /** Set once the job queue runs in this process (null in tests that do not start it). */
  jobs: PgBoss | null;
  /** The site name from the brand platform (cached, refreshed on edit). */
  siteName(): string;
  setSiteName(name: string): void;
  /** Every public page the modules declare, for the sitemap and the plan du site. */
  sitemap(): Promise<SitemapEntry[]>;
}
