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
 * The welcome journey. Personal data lives only in newcomer_files (contact fields), file_members, messages,
 * interactions, tasks, check-in answers and the journal diffs of a file: erasure (erase.ts) clears all of them
 * and keeps the file row as an anonymous count (status 'erased', place, stage and dates only).
 *
 * Every journal entry about a file, or anything in it, targets { type: 'file', id: fileId }, so the timeline
 * is one query and erasure one update.
 */

export const projectKinds = ['salaried', 'creation', 'takeover', 'remote', 'retirement', 'studies'] as const;
export type ProjectKind = (typeof projectKinds)[number];

/** Editable stages of a file; `kind` says what reaching one means (settled starts the check-ins). */
export const fileStages = pgTable('file_stages', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  position: integer('position').notNull(),
  kind: text('kind').$type<'open' | 'settled' | 'closed'>().notNull().default('open'),
  active: boolean('active').notNull().default(true),
});

export const newcomerFiles = pgTable(
  'newcomer_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Short human reference, e.g. "A7K-2QF": said on the phone, never guessable into access. */
    reference: text('reference').notNull(),
    /** intake: being filled; open: submitted; erased: personal data removed, an anonymous count remains. */
    status: text('status').$type<'intake' | 'open' | 'erased'>().notNull().default('intake'),
    /** The intake step reached (to resume). */
    intakeStep: text('intake_step').notNull().default('contact'),
    stageId: uuid('stage_id'),
    closedReason: text('closed_reason'),
    // Contact (personal data).
    contactName: text('contact_name'),
    email: text('email'),
    phone: text('phone'),
    // Project.
    projectKinds: text('project_kinds').array().notNull().default(sql`'{}'::text[]`),
    /** For a creation or takeover: commerce, artisanat, agriculture, industrie, services, liberal. */
    businessSector: text('business_sector'),
    projectNote: text('project_note'),
    placeCommunes: text('place_communes').array().notNull().default(sql`'{}'::text[]`),
    placeEpcis: text('place_epcis').array().notNull().default(sql`'{}'::text[]`),
    placeUnknown: boolean('place_unknown').notNull().default(false),
    housingTenure: text('housing_tenure').$type<'rent' | 'buy' | 'unknown'>(),
    housingBudget: integer('housing_budget'),
    needsTemporaryHousing: boolean('needs_temporary_housing').notNull().default(false),
    /** asap, 6m, 12m, 24m, unknown. */
    timeline: text('timeline'),
    heardFrom: text('heard_from'),
    heardDetail: text('heard_detail'),
    campaign: text('campaign'),
    ambassadorCode: text('ambassador_code'),
    targetProfile: text('target_profile'),
    // Assignment and scope.
    /** The EPCI whose team leads the file (null: the Département's queue). */
    epciCode: text('epci_code'),
    leadOrganisationId: uuid('lead_organisation_id'),
    referentId: uuid('referent_id'),
    // Settling.
    settledCommuneCode: text('settled_commune_code'),
    settledOn: date('settled_on'),
    /** When two files are the same household, the merged one points to the one kept. */
    mergedInto: uuid('merged_into'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
    inactivityWarnedAt: timestamp('inactivity_warned_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('newcomer_files_reference_idx').on(t.reference),
    index('newcomer_files_email_idx').on(t.email),
    index('newcomer_files_phone_idx').on(t.phone),
    index('newcomer_files_stage_idx').on(t.stageId),
    index('newcomer_files_epci_idx').on(t.epciCode),
    index('newcomer_files_referent_idx').on(t.referentId),
    // Attribution counts per ambassador (issue 5).
    index('newcomer_files_ambassador_idx').on(t.ambassadorCode),
    index('newcomer_files_activity_idx').on(t.status, t.lastActivityAt),
    check('newcomer_files_status_check', sql`${t.status} in ('intake','open','erased')`),
  ],
);

/** The people of a household: adults (trade, job search) and children (age only). */
export const fileMembers = pgTable(
  'file_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => newcomerFiles.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'adult' | 'child'>().notNull(),
    firstName: text('first_name'),
    occupation: text('occupation'),
    seekingWork: boolean('seeking_work').notNull().default(false),
    /** What the adult looks for (trade, area, time): the spouse-employment help starts here. */
    jobSearch: text('job_search'),
    age: integer('age'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('file_members_file_idx').on(t.fileId)],
);

/**
 * Which partners may receive a file: the household's choice per partner, with the purpose and the version of
 * the text they read. Withdrawing ends that partner's access (file_shares) at once.
 */
export const fileConsents = pgTable(
  'file_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => newcomerFiles.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull(),
    purpose: text('purpose').notNull(),
    textVersion: text('text_version').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('file_consents_file_org_idx').on(t.fileId, t.organisationId)],
);

/** The partners offered in the intake's consent step, each with its purpose (editable). */
export const welcomePartners = pgTable('welcome_partners', {
  organisationId: uuid('organisation_id').primaryKey(),
  purpose: text('purpose').notNull(),
  position: integer('position').notNull().default(0),
  active: boolean('active').notNull().default(true),
});

/**
 * Which organisations' staff see a file. A share exists only for an organisation the household consented to;
 * assignment and hand-off create them. Scope = a live share (or a territory-wide actor).
 */
export const fileShares = pgTable(
  'file_shares',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => newcomerFiles.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull(),
    reason: text('reason').$type<'assignment' | 'co-assignment' | 'handoff'>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('file_shares_org_idx').on(t.organisationId, t.fileId),
    index('file_shares_file_idx').on(t.fileId),
  ],
);

/**
 * Editable assignment rules, tried in order: place (an EPCI of interest → that EPCI's organisation),
 * project (creation / takeover in a sector → a chamber, as co-assignment), occupation (keywords → the health
 * referent), default (the Département's queue).
 */
export const assignmentRules = pgTable('assignment_rules', {
  id: uuid('id').primaryKey().defaultRandom(),
  position: integer('position').notNull(),
  kind: text('kind').$type<'place' | 'project' | 'occupation' | 'default'>().notNull(),
  /** project: 'takeover:artisanat' / 'creation:*'; occupation: comma-separated keywords; place/default: empty. */
  match: text('match').notNull().default(''),
  /** Target organisation (place rules resolve it from the EPCI and leave it null). */
  organisationId: uuid('organisation_id'),
  /** A named person (e.g. the health referent) instead of the team's round-robin. */
  userId: uuid('user_id'),
  /** Co-assign (add a share) rather than lead. */
  coAssign: boolean('co_assign').notNull().default(false),
  label: text('label').notNull(),
  active: boolean('active').notNull().default(true),
});

/** Team membership details for round-robin and reassignment (every referent of an organisation is in its team). */
export const teamMembers = pgTable('welcome_team_members', {
  userId: uuid('user_id').primaryKey(),
  lead: boolean('lead').notNull().default(false),
  /** Out of the round-robin (leave, part-time). */
  paused: boolean('paused').notNull().default(false),
  lastAssignedAt: timestamp('last_assigned_at', { withTimezone: true }),
});

export const interactions = pgTable(
  'file_interactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => newcomerFiles.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'call' | 'email' | 'visit' | 'event' | 'note'>().notNull(),
    /** shared: every partner with access reads it; private: the author's organisation only. */
    visibility: text('visibility').$type<'shared' | 'private'>().notNull().default('shared'),
    body: text('body').notNull(),
    happenedAt: timestamp('happened_at', { withTimezone: true }).notNull().defaultNow(),
    authorId: uuid('author_id'),
    organisationId: uuid('organisation_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('file_interactions_file_idx').on(t.fileId, t.happenedAt)],
);

export const tasks = pgTable(
  'file_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => newcomerFiles.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueOn: date('due_on').notNull(),
    assigneeId: uuid('assignee_id'),
    organisationId: uuid('organisation_id').notNull(),
    createdBy: uuid('created_by'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('file_tasks_file_idx').on(t.fileId), index('file_tasks_due_idx').on(t.dueOn, t.doneAt)],
);

/** Messages between the household (from its space) and its referent. */
export const fileMessages = pgTable(
  'file_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => newcomerFiles.id, { onDelete: 'cascade' }),
    fromHousehold: boolean('from_household').notNull(),
    authorId: uuid('author_id'),
    body: text('body').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('file_messages_file_idx').on(t.fileId, t.createdAt)],
);

/** Opportunities a referent proposed to an adult of the household (spouse employment, takeovers…). */
export const proposals = pgTable(
  'file_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => newcomerFiles.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id'),
    opportunityId: uuid('opportunity_id').notNull(),
    note: text('note'),
    proposedBy: uuid('proposed_by'),
    response: text('response').$type<'interested' | 'not-interested'>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('file_proposals_file_idx').on(t.fileId)],
);

/** A temporary housing request, linked to the opportunities module's housing inventory when one fits. */
export const housingRequests = pgTable(
  'file_housing_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => newcomerFiles.id, { onDelete: 'cascade' }),
    opportunityId: uuid('opportunity_id'),
    fromOn: date('from_on').notNull(),
    toOn: date('to_on'),
    people: integer('people'),
    status: text('status')
      .$type<'requested' | 'offered' | 'accepted' | 'declined' | 'closed'>()
      .notNull()
      .default('requested'),
    outcome: text('outcome'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('file_housing_requests_file_idx').on(t.fileId)],
);

/** Check-ins 3, 6, 12 and 24 months after settling: a short form by email; answers feed the steering counts. */
export const checkins = pgTable(
  'file_checkins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => newcomerFiles.id, { onDelete: 'cascade' }),
    months: integer('months').notNull(),
    dueOn: date('due_on').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** sha256 of the token in the emailed link. */
    tokenHash: text('token_hash'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    stillHere: boolean('still_here'),
    /** 1 (not at all) to 5 (very). */
    satisfaction: integer('satisfaction'),
    missing: text('missing'),
    leftReason: text('left_reason'),
  },
  (t) => [
    uniqueIndex('file_checkins_file_months_idx').on(t.fileId, t.months),
    index('file_checkins_due_idx').on(t.dueOn, t.sentAt),
  ],
);

/** One-time links for the household (resume the intake, open its space); only the SHA-256 is stored. */
export const householdTokens = pgTable(
  'household_tokens',
  {
    id: text('id').primaryKey(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => newcomerFiles.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('household_tokens_file_idx').on(t.fileId)],
);

/** Household sessions (no password: opened by a magic link); the id is the SHA-256 of the cookie's token. */
export const householdSessions = pgTable(
  'household_sessions',
  {
    id: text('id').primaryKey(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => newcomerFiles.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('household_sessions_file_idx').on(t.fileId)],
);

/** Editable welcome-kit content: sections for every profile (target_profile null) or one profile. */
export const kitSections = pgTable('welcome_kit_sections', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  targetProfile: text('target_profile'),
  kind: text('kind').$type<'checklist' | 'links' | 'text'>().notNull(),
  title: text('title').notNull(),
  /** One item a line; for links "Label | https://…". */
  body: text('body').notNull(),
  position: integer('position').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
