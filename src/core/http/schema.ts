import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Rate-limit counters, shared by every process (fixed windows). */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  resetAt: timestamp('reset_at', { withTimezone: true }).notNull(),
});

/**
 * The version of the data public pages show. Any write that changes a public page bumps it, so every process
 * drops the anonymous pages it cached (see page-cache.ts).
 */
export const dataVersions = pgTable('data_versions', {
  scope: text('scope').primaryKey(),
  version: integer('version').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
