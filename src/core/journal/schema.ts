import { bigserial, index, inet, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The audit journal: who did what to which record, with a diff. Personal data: actor_label (a name or
 * email) and diff may hold personal values; erasure rewrites them (see core/journal).
 */
export const journal = pgTable(
  'journal',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    diff: jsonb('diff').$type<Record<string, { before?: unknown; after?: unknown }>>(),
    ip: inet('ip'),
  },
  (t) => [
    index('journal_target_idx').on(t.targetType, t.targetId),
    index('journal_actor_idx').on(t.actorId, t.at),
    index('journal_at_idx').on(t.at),
  ],
);
