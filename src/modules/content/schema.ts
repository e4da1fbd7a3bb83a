import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

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
