import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Every message the platform sends. Without SMTP it is the only delivery: administrators read it in the
 * back office. Personal data: recipient and body.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    /** A short name of the template, for filtering (e.g. 'invitation'). */
    kind: text('kind').notNull().default('message'),
    /** stored (no SMTP), queued, sent, failed. */
    status: text('status').notNull().default('stored'),
    error: text('error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('mail_outbox_created_idx').on(t.createdAt),
    index('mail_outbox_recipient_idx').on(t.recipient),
  ],
);
