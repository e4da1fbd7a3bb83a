import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Every module's uploads (portrait photos, content images): one row per original. The bytes live in the
 * storage (a local folder by default, S3-compatible when configured); resized variants are derived from the
 * original on demand and never listed here, so they can be dropped and regenerated at any time.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Who uses it and for what, e.g. 'ambassador-portrait', 'content-image'. */
    purpose: text('purpose').notNull(),
    /** The name on the uploader's device (shown to staff only). */
    originalName: text('original_name'),
    mimeType: text('mime_type').notNull(),
    bytes: integer('bytes').notNull(),
    width: integer('width'),
    height: integer('height'),
    sha256: text('sha256').notNull(),
    /** Where the original is in the storage (a relative path or an object key). */
    storageKey: text('storage_key').notNull(),
    /** The text alternative of an image (required by the pages that show it). */
    alt: text('alt'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('stored_files_purpose_idx').on(t.purpose, t.createdAt)],
);
