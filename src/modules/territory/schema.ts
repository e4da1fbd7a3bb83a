import { sql } from 'drizzle-orm';
import {
  boolean,
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

/**
 * The commune life card (issue 6): facilities and services, each with its source and date, so every claim is a
 * fact. Types follow INSEE's BPE codes (TYPEQU, 4 characters, first letter = domain), kept as data with the
 * card's own grouping (`category`); a type not on the card has a null category.
 */
export const facilityTypes = pgTable('facility_types', {
  code: text('code').primaryKey(),
  label: text('label').notNull(),
  /** BPE domain letter: A services, B shops, C education, D health, E transport, F sports-culture, G tourism. */
  domain: text('domain').notNull(),
  /** The card's section: childhood, health, shops, transport, sports-culture, services (null: not shown). */
  category: text('category'),
  position: integer('position').notNull().default(0),
});

export const facilities = pgTable(
  'facilities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    typeCode: text('type_code').notNull(),
    communeCode: text('commune_code').notNull(),
    name: text('name'),
    /** WGS84; null when the source had no usable point (the commune's centroid is used then). */
    lon: doublePrecision('lon'),
    lat: doublePrecision('lat'),
    /** Where the fact comes from, as shown on the card: « INSEE, BPE 2023 », « Saisie : Grand Cahors ». */
    source: text('source').notNull(),
    sourceDate: date('source_date').notNull(),
    /** The import that brought it (a re-import of the same source replaces its rows), null when typed by staff. */
    importId: uuid('import_id'),
    /** The shipped demo extract: marked « données de démonstration » wherever shown. */
    demo: boolean('demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('facilities_commune_idx').on(t.communeCode, t.typeCode),
    index('facilities_type_idx').on(t.typeCode),
    index('facilities_import_idx').on(t.importId),
  ],
);

/** One BPE (or similar) file loaded: what it brought and what it refused, line by line. */
export const facilityImports = pgTable('facility_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  fileName: text('file_name').notNull(),
  source: text('source').notNull(),
  sourceDate: date('source_date').notNull(),
  rows: integer('rows').notNull().default(0),
  inserted: integer('inserted').notNull().default(0),
  skipped: integer('skipped').notNull().default(0),
  /** First problems met: { line, message } in French. */
  problems: jsonb('problems').$type<{ line: number; message: string }[]>().notNull().default([]),
  demo: boolean('demo').notNull().default(false),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Figures about a commune that are not facilities (fibre coverage, mobile coverage…), sourced and dated. */
export const communeFacts = pgTable(
  'commune_facts',
  {
    communeCode: text('commune_code').notNull(),
    /** e.g. 'fibre' (share of premises that can get FTTH, %), 'mobile-4g' (%). */
    key: text('key').notNull(),
    value: doublePrecision('value').notNull(),
    unit: text('unit').notNull(),
    source: text('source').notNull(),
    sourceDate: date('source_date').notNull(),
    demo: boolean('demo').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('commune_facts_key').on(t.communeCode, t.key)],
);
