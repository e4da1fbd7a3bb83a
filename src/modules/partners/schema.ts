import { sql } from 'drizzle-orm';
import { check, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const organisationKinds = [
  'departement',
  'prefecture',
  'epci',
  'chambre',
  'tourisme',
  'employeur',
  'association',
  'autre',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** Partner organisations: the Département, the State, each EPCI, the chambers, employers, associations. */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind').$type<OrganisationKind>().notNull(),
    /** For an EPCI's organisation: its SIREN code; it scopes what its staff see. */
    epciCode: text('epci_code'),
    email: text('email'),
    phone: text('phone'),
    website: text('website'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'organisations_kind_check',
      sql`${t.kind} in ('departement','prefecture','epci','chambre','tourisme','employeur','association','autre')`,
    ),
    // One organisation per EPCI: the seed relies on it to stay idempotent even if an EPCI is renamed.
    uniqueIndex('organisations_epci_code_idx').on(t.epciCode),
  ],
);
