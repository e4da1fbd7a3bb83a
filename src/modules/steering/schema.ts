import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The programme's workstreams (chantiers): communication, prospection, accueil, jeunes. */
export const workstreams = pgTable('workstreams', {
  slug: text('slug').primaryKey(),
  name: text('name').notNull(),
  ambition: text('ambition').notNull(),
  position: integer('position').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const actionStatuses = ['a_lancer', 'en_cours', 'realisee', 'suspendue'] as const;

/** The programme's priority actions, editable by the steering committee. */
export const programmeActions = pgTable(
  'programme_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: integer('number').notNull().unique(),
    workstreamSlug: text('workstream_slug').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    status: text('status').$type<(typeof actionStatuses)[number]>().notNull().default('a_lancer'),
    /** The organisation leading the action, by id (partners module). */
    ownerOrganisationId: uuid('owner_organisation_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'programme_actions_status_check',
      sql`${t.status} in ('a_lancer','en_cours','realisee','suspendue')`,
    ),
  ],
);
