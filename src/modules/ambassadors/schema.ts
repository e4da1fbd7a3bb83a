import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The ambassadors' network (issue 5). Personal data lives in `ambassadors` (contact, portrait) and in mission
 * reports; erasure clears them and keeps anonymous counts (visits, attributions). Newcomer data never lives
 * here: a buddy pairing points to a newcomer file, and what an ambassador may read of it is decided by the
 * welcome module through its entry.
 */

export const ambassadorKinds = ['person', 'firm', 'association'] as const;
export type AmbassadorKind = (typeof ambassadorKinds)[number];

/** How the ambassador is tied to the Lot. */
export const ambassadorTies = ['born', 'adopted', 'returned', 'second-home', 'diaspora'] as const;
export type AmbassadorTie = (typeof ambassadorTies)[number];

/** What an ambassador is willing to do. */
export const ambassadorWillings = ['share', 'host', 'speak', 'leads'] as const;
export type AmbassadorWilling = (typeof ambassadorWillings)[number];

/**
 * pending: the email is not confirmed yet; submitted: confirmed, waiting for staff; active: validated;
 * refused (with a reason); left: the ambassador left the network (erased later by the privacy job).
 */
export const ambassadorStatuses = ['pending', 'submitted', 'active', 'refused', 'left'] as const;
export type AmbassadorStatus = (typeof ambassadorStatuses)[number];

/** The versioned charter ambassadors accept (seeded, editable: an edit publishes a new version). */
export const ambassadorCharters = pgTable('ambassador_charters', {
  version: text('version').primaryKey(),
  title: text('title').notNull(),
  /** Markdown-free plain paragraphs, one per line. */
  body: text('body').notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Chapters: local groups (a Lot EPCI) or diaspora chapters (Paris, Toulouse, abroad). */
export const ambassadorChapters = pgTable('ambassador_chapters', {
  slug: text('slug').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').$type<'local' | 'diaspora'>().notNull(),
  /** For a local chapter: the EPCI it covers. */
  epciCode: text('epci_code'),
  position: integer('position').notNull().default(0),
});

export const ambassadors = pgTable(
  'ambassadors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<AmbassadorKind>().notNull().default('person'),
    /** A person's name, or the firm's / association's contact person. */
    name: text('name').notNull(),
    /** For a firm or an association: its name. */
    organisationName: text('organisation_name'),
    email: text('email').notNull(),
    phone: text('phone'),
    tie: text('tie').$type<AmbassadorTie>().notNull(),
    /** Where they live: a Lot commune (INSEE code), or a city and country for the diaspora. */
    communeCode: text('commune_code'),
    city: text('city'),
    country: text('country'),
    chapterSlug: text('chapter_slug'),
    trade: text('trade'),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    interests: text('interests').array().notNull().default(sql`'{}'::text[]`),
    willing: text('willing').array().notNull().default(sql`'{}'::text[]`),
    /** Ages of their children (optional, given in the profile): buddy matching pairs families of like ages. */
    childrenAges: integer('children_ages').array().notNull().default(sql`'{}'::integer[]`),
    charterVersion: text('charter_version').notNull(),
    charterAcceptedAt: timestamp('charter_accepted_at', { withTimezone: true }).notNull(),
    status: text('status').$type<AmbassadorStatus>().notNull().default('pending'),
    refusedReason: text('refused_reason'),
    emailConfirmedAt: timestamp('email_confirmed_at', { withTimezone: true }),
    validatedBy: uuid('validated_by'),
    validatedAt: timestamp('validated_at', { withTimezone: true }),
    /** The code of their tracked link and QR code (/a/<code>), also typed in the intake's « ambassador code ». */
    code: text('code').notNull(),
    /** Public portrait: shown only when opted in (and validated by staff with the rest). */
    portraitOptIn: boolean('portrait_opt_in').notNull().default(false),
    portraitText: text('portrait_text'),
    /** The portrait photo in core/files (issue 6's media service). */
    photoFileId: uuid('photo_file_id'),
    /** Newsletters: an ambassador may stop them without leaving the network. */
    newsletterOptOut: boolean('newsletter_opt_out').notNull().default(false),
    /** Any action of theirs (login, mission, share visit): dormancy counts from here. */
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
    reengagedAt: timestamp('reengaged_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('ambassadors_code_idx').on(t.code),
    index('ambassadors_email_idx').on(t.email),
    index('ambassadors_status_activity_idx').on(t.status, t.lastActivityAt),
    index('ambassadors_commune_idx').on(t.communeCode),
    check('ambassadors_status_check', sql`${t.status} in ('pending','submitted','active','refused','left')`),
    check('ambassadors_kind_check', sql`${t.kind} in ('person','firm','association')`),
  ],
);

/** Missions staff publish: share a story, come to a fair, welcome newcomers, report a lead. */
export const missions = pgTable(
  'ambassador_missions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<'share' | 'event' | 'welcome' | 'lead'>().notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** A link to share (a story, an opportunity) or the event's page. */
    url: text('url'),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    /** Only ambassadors of this chapter see it (null: everyone). */
    chapterSlug: text('chapter_slug'),
    status: text('status').$type<'draft' | 'open' | 'closed'>().notNull().default('draft'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ambassador_missions_status_idx').on(t.status, t.endsOn)],
);

export const missionParticipations = pgTable(
  'ambassador_mission_participations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    missionId: uuid('mission_id')
      .notNull()
      .references(() => missions.id, { onDelete: 'cascade' }),
    ambassadorId: uuid('ambassador_id')
      .notNull()
      .references(() => ambassadors.id, { onDelete: 'cascade' }),
    status: text('status').$type<'accepted' | 'done' | 'withdrawn'>().notNull().default('accepted'),
    report: text('report'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull().defaultNow(),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('ambassador_participations_mission_ambassador_idx').on(t.missionId, t.ambassadorId),
    index('ambassador_participations_ambassador_idx').on(t.ambassadorId),
  ],
);

/**
 * Visits through an ambassador's link, counted per day and landing path: no IP, no cookie id, nothing that
 * identifies the visitor. The intake reads the first-party attribution cookie set on the visit.
 */
export const referralVisits = pgTable(
  'ambassador_referral_visits',
  {
    ambassadorId: uuid('ambassador_id')
      .notNull()
      .references(() => ambassadors.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    /** link or qr. */
    medium: text('medium').notNull().default('link'),
    visits: integer('visits').notNull().default(0),
  },
  (t) => [uniqueIndex('ambassador_referral_visits_key').on(t.ambassadorId, t.day, t.medium)],
);

/**
 * A buddy pairing between a newcomer file and an ambassador willing to host. Both sides accept; the reasons
 * the match was suggested are kept for the referent.
 */
export const buddyPairings = pgTable(
  'ambassador_buddy_pairings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileId: uuid('file_id').notNull(),
    ambassadorId: uuid('ambassador_id')
      .notNull()
      .references(() => ambassadors.id, { onDelete: 'cascade' }),
    reasons: text('reasons').array().notNull().default(sql`'{}'::text[]`),
    proposedBy: uuid('proposed_by'),
    ambassadorAnswer: text('ambassador_answer').$type<'accepted' | 'declined'>(),
    householdAnswer: text('household_answer').$type<'accepted' | 'declined'>(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ambassador_buddy_pairings_file_idx').on(t.fileId),
    index('ambassador_buddy_pairings_ambassador_idx').on(t.ambassadorId),
  ],
);

/** Magic links and sessions of ambassadors (no password), hashed like the households'. */
export const ambassadorTokens = pgTable(
  'ambassador_tokens',
  {
    id: text('id').primaryKey(),
    ambassadorId: uuid('ambassador_id')
      .notNull()
      .references(() => ambassadors.id, { onDelete: 'cascade' }),
    /** confirm: the sign-up's email confirmation; login: a magic link; unsubscribe: a newsletter's link. */
    purpose: text('purpose').$type<'confirm' | 'login' | 'unsubscribe'>().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ambassador_tokens_ambassador_idx').on(t.ambassadorId)],
);

export const ambassadorSessions = pgTable(
  'ambassador_sessions',
  {
    id: text('id').primaryKey(),
    ambassadorId: uuid('ambassador_id')
      .notNull()
      .references(() => ambassadors.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ambassador_sessions_ambassador_idx').on(t.ambassadorId)],
);

/** Newsletters sent to a segment of the network (through the mail layer, each with its unsubscribe link). */
export const ambassadorNewsletters = pgTable('ambassador_newsletters', {
  id: uuid('id').primaryKey().defaultRandom(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  /** The segment's filters (chapter, commune, skills, activity) as the directory's query string. */
  segment: text('segment').notNull().default(''),
  recipients: integer('recipients'),
  sentBy: uuid('sent_by'),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
