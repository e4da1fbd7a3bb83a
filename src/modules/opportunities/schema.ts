import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { OpportunityDetails } from './kinds.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const opportunityKinds = ['job', 'takeover', 'premises', 'housing'] as const;
export type OpportunityKind = (typeof opportunityKinds)[number];

export const opportunityStatuses = [
  'draft',
  'pending',
  'published',
  'rejected',
  'expired',
  'withdrawn',
] as const;
export type OpportunityStatus = (typeof opportunityStatuses)[number];

/**
 * Every opportunity (job offer, business takeover, premises, temporary housing) shares this core; the fields
 * a search filters on are columns, the rest of each kind's fields live in `details` (validated per kind in
 * kinds.ts). A takeover's seller is never here: see opportunity_sellers.
 */
export const opportunities = pgTable(
  'opportunities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<OpportunityKind>().notNull(),
    status: text('status').$type<OpportunityStatus>().notNull().default('draft'),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** The real commune (INSEE code). For a blurred takeover it is known to staff only. */
    communeCode: text('commune_code'),
    epciCode: text('epci_code'),
    /** What the public sees: the commune, or null when the takeover is blurred to its EPCI. */
    publicCommuneCode: text('public_commune_code'),
    /** Public position (the commune's centroid, or the EPCI's seat when blurred), for distances and maps. */
    lon: doublePrecision('lon'),
    lat: doublePrecision('lat'),
    /** The organisation that publishes it (employer, chamber, EPCI…); null for offers imported from outside. */
    organisationId: uuid('organisation_id'),
    /** The account that submitted it. */
    ownerId: uuid('owner_id'),
    /** Takeovers: the chamber adviser who accompanies the sale and answers every request. */
    adviserId: uuid('adviser_id'),
    /** 'choisir' for what was entered here; 'france-travail', 'csv', 'demo' otherwise. */
    source: text('source').notNull().default('choisir'),
    /** The record's id at its source: imports upsert on (source, source_id). */
    sourceId: text('source_id').notNull(),
    sourceUrl: text('source_url'),
    /** Generated demonstration data, shown with a mark. */
    demo: boolean('demo').notNull().default(false),
    targetProfiles: text('target_profiles').array().notNull().default(sql`'{}'::text[]`),
    contractType: text('contract_type'),
    sector: text('sector'),
    priceBand: text('price_band'),
    wanted: boolean('wanted').notNull().default(false),
    openToCouples: boolean('open_to_couples').notNull().default(false),
    /** Jobs: the employer's public name. Never set for a takeover. */
    employerName: text('employer_name'),
    /** Public contact (jobs, premises, housing). Takeovers are answered by their adviser only. */
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    details: jsonb('details').$type<OpportunityDetails>().notNull().default({}),
    /** French full text: title and occupation weigh most. Computed by PostgreSQL, never written. */
    searchDoc: tsvector('search_doc')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('fr_unaccent', coalesce(title, '')), 'A') || setweight(to_tsvector('fr_unaccent', coalesce(details->>'occupation', '') || ' ' || coalesce(employer_name, '')), 'B') || setweight(to_tsvector('fr_unaccent', coalesce(description, '')), 'C')`,
      ),
    startsOn: date('starts_on'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    expiryWarnedAt: timestamp('expiry_warned_at', { withTimezone: true }),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    moderatedBy: uuid('moderated_by'),
    rejectionReason: text('rejection_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('opportunities_kind_check', sql`${t.kind} in ('job','takeover','premises','housing')`),
    check(
      'opportunities_status_check',
      sql`${t.status} in ('draft','pending','published','rejected','expired','withdrawn')`,
    ),
    // A takeover never carries a public employer or contact: the seller stays in opportunity_sellers.
    check(
      'opportunities_takeover_anonymous_check',
      sql`${t.kind} <> 'takeover' or (${t.employerName} is null and ${t.contactEmail} is null and ${t.contactPhone} is null and ${t.contactName} is null)`,
    ),
    uniqueIndex('opportunities_source_idx').on(t.source, t.sourceId),
    index('opportunities_search_doc_idx').using('gin', t.searchDoc),
    index('opportunities_public_idx').on(t.status, t.kind, t.publishedAt),
    index('opportunities_epci_idx').on(t.epciCode),
    index('opportunities_commune_idx').on(t.publicCommuneCode),
    index('opportunities_organisation_idx').on(t.organisationId),
    index('opportunities_expires_idx').on(t.expiresAt),
  ],
);

/**
 * The seller of a takeover: confidential. Only the accompanying adviser and staff of the publishing
 * organisation read it; it is never joined into a public query.
 */
export const opportunitySellers = pgTable('opportunity_sellers', {
  opportunityId: uuid('opportunity_id')
    .primaryKey()
    .references(() => opportunities.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  company: text('company'),
  address: text('address'),
  email: text('email'),
  phone: text('phone'),
  notes: text('notes'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Messages sent through an opportunity's contact form. Personal data: name, email, phone, message. */
export const opportunityContacts = pgTable(
  'opportunity_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunities.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    message: text('message').notNull(),
    /** new, answered, released (a takeover's seller identity was sent to this person). */
    status: text('status').$type<'new' | 'answered' | 'released'>().notNull().default('new'),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    releasedBy: uuid('released_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('opportunity_contacts_opportunity_idx').on(t.opportunityId)],
);

/** A visitor's saved search: a daily digest of new matches once the address is confirmed. */
export const savedSearches = pgTable(
  'saved_searches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    /** The search as its canonical query string (see search/filters.ts). */
    query: text('query').notNull(),
    /** A human summary of the filters, for emails. */
    label: text('label').notNull(),
    /** sha256 of the token in the confirmation and unsubscribe links. */
    tokenHash: text('token_hash').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
    /** New matches are those published after this instant. */
    lastSentAt: timestamp('last_sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('saved_searches_token_idx').on(t.tokenHash),
    index('saved_searches_email_idx').on(t.email),
  ],
);

/** One run of an import (France Travail, CSV): progress, a cursor to resume from, and the rejected rows. */
export const importRuns = pgTable(
  'import_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    source: text('source').notNull(),
    /** running, done, failed. */
    status: text('status').$type<'running' | 'done' | 'failed'>().notNull().default('running'),
    /** Where to resume (a page offset, a line number). */
    cursor: jsonb('cursor').$type<Record<string, unknown>>().notNull().default({}),
    total: integer('total'),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    /** Rejected rows: line (or record id), field, reason in French. */
    report: jsonb('report')
      .$type<{ line: number | string; field: string; reason: string }[]>()
      .notNull()
      .default([]),
    error: text('error'),
    startedBy: text('started_by'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('import_runs_source_idx').on(t.source, t.startedAt)],
);
