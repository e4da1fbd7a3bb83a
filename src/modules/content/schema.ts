import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** The brand platform (positioning, vision, values, DNA): editable, one row per territory brand. */
export const brandPlatforms = pgTable('brand_platforms', {
  slug: text('slug').primaryKey(),
  name: text('name').notNull(),
  siteName: text('site_name').notNull(),
  positioning: text('positioning').notNull(),
  ambition: text('ambition').notNull(),
  values: jsonb('values').$type<{ name: string; description: string }[]>().notNull(),
  dna: jsonb('dna').$type<string[]>().notNull(),
  contactEmail: text('contact_email'),
  contactPhone: text('contact_phone'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The target profiles (secondes vies, wanted, jeunes, touristes): each has its entry on the portal. */
export const targetProfiles = pgTable('target_profiles', {
  slug: text('slug').primaryKey(),
  name: text('name').notNull(),
  /** One line, shown on the home page card. */
  tagline: text('tagline').notNull(),
  /** Who they are, in the programme's words. */
  description: text('description').notNull(),
  /** What the portal offers them: short paragraphs. */
  promises: jsonb('promises').$type<string[]>().notNull(),
  position: integer('position').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Editorial content (issue 6): stories and portraits, success stories, news, pages and events. One table for all
 * kinds, so listing, search, tags, the workflow and revisions are written once; event-only columns are null
 * elsewhere. A content is public when `status = 'published'` and `publish_at <= now()` (scheduled publication
 * needs no job to flip a flag; a job only refreshes the page cache when a scheduled time passes).
 */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const contentKinds = ['story', 'success', 'news', 'page', 'event'] as const;
export type ContentKind = (typeof contentKinds)[number];
export const contentStatuses = ['draft', 'review', 'published'] as const;
export type ContentStatus = (typeof contentStatuses)[number];

export const contents = pgTable(
  'contents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<ContentKind>().notNull(),
    /** URL name, unique across kinds (« /recits/<slug> », « /agenda/<slug> »…). */
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    /** The standfirst: one or two sentences, used in lists, feeds and Open Graph. */
    summary: text('summary').notNull().default(''),
    /** Markdown, rendered by content's safe renderer only (no raw HTML). */
    body: text('body').notNull().default(''),
    /** The lead image (core/files); its alt text is stored_files.alt, required at upload. */
    imageFileId: uuid('image_file_id'),
    /** A video by link (YouTube, Vimeo, Dailymotion, PeerTube): no embed until the visitor clicks. */
    videoUrl: text('video_url'),
    status: text('status').$type<ContentStatus>().notNull().default('draft'),
    /** When it goes (or went) public; null while never scheduled. */
    publishAt: timestamp('publish_at', { withTimezone: true }),
    /** Tags: target profile slugs, themes (themes.ts), communes and EPCIs. */
    profiles: text('profiles').array().notNull().default(sql`'{}'::text[]`),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    communeCodes: text('commune_codes').array().notNull().default(sql`'{}'::text[]`),
    epciCodes: text('epci_codes').array().notNull().default(sql`'{}'::text[]`),
    /** Events: dates and place. */
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    allDay: boolean('all_day').notNull().default(false),
    placeName: text('place_name'),
    placeAddress: text('place_address'),
    placeCommuneCode: text('place_commune_code'),
    /** Events tagged for the ambassadors' network (invitations from their space and by email). */
    forAmbassadors: boolean('for_ambassadors').notNull().default(false),
    /** Demo content shipped with the platform, marked as such on every page. */
    demo: boolean('demo').notNull().default(false),
    authorId: uuid('author_id'),
    /** Optimistic concurrency: the editor posts the revision it edited; a stale save is refused, nothing lost. */
    revision: integer('revision').notNull().default(1),
    /** French full text for the site search: the title weighs most. Computed by PostgreSQL, never written. */
    searchDoc: tsvector('search_doc')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('fr_unaccent', coalesce(title, '')), 'A') || setweight(to_tsvector('fr_unaccent', coalesce(summary, '')), 'B') || setweight(to_tsvector('fr_unaccent', coalesce(body, '')), 'C')`,
      ),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('contents_slug_idx').on(t.slug),
    index('contents_public_idx').on(t.kind, t.status, t.publishAt),
    index('contents_starts_idx').on(t.startsAt),
    index('contents_profiles_idx').using('gin', t.profiles),
    index('contents_search_doc_idx').using('gin', t.searchDoc),
    check('contents_kind_check', sql`${t.kind} in ('story','success','news','page','event')`),
    check('contents_status_check', sql`${t.status} in ('draft','review','published')`),
  ],
);

/** Every saved version of a content (kept; a revision can be restored). Journaled besides. */
export const contentRevisions = pgTable(
  'content_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contentId: uuid('content_id')
      .notNull()
      .references(() => contents.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    /** The other fields as saved (tags, dates, place, image, video, status). */
    fields: jsonb('fields').$type<Record<string, unknown>>().notNull(),
    authorId: uuid('author_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('content_revisions_key').on(t.contentId, t.revision)],
);

/** Images placed in a content's body (`![alt](image:<fileId>)` in the Markdown); alt text required. */
export const contentImages = pgTable(
  'content_images',
  {
    contentId: uuid('content_id')
      .notNull()
      .references(() => contents.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id').notNull(),
    alt: text('alt').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('content_images_key').on(t.contentId, t.fileId)],
);
