import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.js';
import type { Db } from './db/index.js';
import type { JobDefinition } from './jobs/index.js';

export interface SitemapEntry {
  /** Path from the site root, e.g. '/territoire/communes/cahors'. */
  path: string;
  lastModified?: Date;
  /** A human title, for the plan du site page. */
  title: string;
  /** The section of the plan du site it belongs to. */
  section: string;
}

/** What a module brings to the application: routes, seed data, background jobs, public pages. */
export interface Module {
  name: string;
  routes?(app: FastifyInstance, ctx: AppContext): Promise<void> | void;
  /** Idempotent: inserts what is missing, never overwrites what editors changed. */
  seed?(db: Db, log: (line: string) => void): Promise<void>;
  jobs?(ctx: AppContext): JobDefinition[];
  sitemap?(ctx: AppContext): Promise<SitemapEntry[]>;
}
