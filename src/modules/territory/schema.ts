import { sql } from 'drizzle-orm';
import { doublePrecision, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const departements = pgTable('departements', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  /** INSEE code of the préfecture. */
  chefLieu: text('chef_lieu').notNull(),
  region: text('region').notNull(),
  outline: jsonb('outline').$type<GeoJSON.Geometry>(),
});

/** Intercommunalités having at least one member commune in the territory. */
export const epcis = pgTable('epcis', {
  /** SIREN code. */
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  /** CA, CC, CU, ME (as in the official list). */
  kind: text('kind').notNull(),
  /** INSEE code of the seat commune (siège), when it is known. */
  seatCode: text('seat_code'),
  population: integer('population').notNull(),
  memberCount: integer('member_count').notNull(),
  /** Départements other than ours where this EPCI also has members (empty for most). */
  otherDepartements: text('other_departements').array().notNull().default(sql`'{}'::text[]`),
  membersOutside: integer('members_outside').notNull().default(0),
});

export const communes = pgTable(
  'communes',
  {
    /** INSEE code (COG), as text. */
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    slug: text('slug').notNull().unique(),
    departementCode: text('departement_code').notNull(),
    epciCode: text('epci_code'),
    postalCodes: text('postal_codes').array().notNull(),
    population: integer('population'),
    centroidLon: doublePrecision('centroid_lon').notNull(),
    centroidLat: doublePrecision('centroid_lat').notNull(),
    outline: jsonb('outline').$type<GeoJSON.Geometry>().notNull(),
    /** Former (délégué) communes merged into this one since 2019. */
    formerCommunes: jsonb('former_communes').$type<{ code: string; name: string }[]>().notNull().default([]),
    /** INSEE codes of the communes sharing a border. */
    neighbours: text('neighbours').array().notNull().default(sql`'{}'::text[]`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('communes_epci_idx').on(t.epciCode),
    index('communes_name_trgm_idx').using('gin', sql`f_unaccent(lower(${t.name})) gin_trgm_ops`),
  ],
);
