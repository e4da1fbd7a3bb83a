import { sql } from 'drizzle-orm';
import { doublePrecision, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const departements = pgTable('departements', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  /** INSEE code of the préfecture. */
  chefLieu: text('chef_lieu').notNull(),
  region: text('region').notNull(),
  /** Same winding as communes.outline. */
  outline: jsonb('outline').$type<GeoJSON.Polygon | GeoJSON.MultiPolygon>(),
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
  /** Name and position of the seat: it may lie outside the territory, where we have no commune row. */
  seatName: text('seat_name'),
  seatLon: doublePrecision('seat_lon'),
  seatLat: doublePrecision('seat_lat'),
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
    /**
     * The name as a search key, folded as normalizeSearch() folds a query: lowercase, no accents, every run of
     * other characters one space ("Puy-l'Évêque" → "puy l eveque"). Computed by PostgreSQL, never written.
     */
    searchKey: text('search_key')
      .notNull()
      .generatedAlwaysAs(sql`regexp_replace(f_unaccent(lower(name)), '[^a-z0-9]+', ' ', 'g')`),
    departementCode: text('departement_code').notNull(),
    epciCode: text('epci_code'),
    postalCodes: text('postal_codes').array().notNull(),
    population: integer('population'),
    centroidLon: doublePrecision('centroid_lon').notNull(),
    centroidLat: doublePrecision('centroid_lat').notNull(),
    /** Area of the outline, km² (from the simplified outline: close to, not exactly, the official area). */
    areaKm2: doublePrecision('area_km2'),
    /**
     * Polygon or MultiPolygon in WGS84, rings wound as d3-geo expects (exterior clockwise, holes
     * anticlockwise: the opposite of RFC 7946). Communes nouvelles carry the dissolved outline of their parts.
     */
    outline: jsonb('outline').$type<GeoJSON.Polygon | GeoJSON.MultiPolygon>().notNull(),
    /** Former (délégué) communes merged into this one since 2019. */
    formerCommunes: jsonb('former_communes').$type<{ code: string; name: string }[]>().notNull().default([]),
    /** INSEE codes of the communes sharing a border. */
    neighbours: text('neighbours').array().notNull().default(sql`'{}'::text[]`),
    /** Bump on any edit: cached maps are keyed on the latest updated_at. */
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('communes_epci_idx').on(t.epciCode),
    index('communes_search_key_trgm_idx').using('gin', sql`${t.searchKey} gin_trgm_ops`),
  ],
);
