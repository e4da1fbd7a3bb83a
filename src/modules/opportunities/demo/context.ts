import type { Db } from '../../../core/db/index.js';
import { listProfiles } from '../../content/index.js';
import { listOrganisations } from '../../partners/index.js';
import { listCommunes, listEpcis } from '../../territory/index.js';
import type { opportunities } from '../schema.js';
import type { Seller } from '../store.js';
import { WeightedList } from './random.js';

/** One generated opportunity, ready to insert (its id is given at insert time), with a takeover's seller. */
export type DemoRow = Omit<typeof opportunities.$inferInsert, 'id'>;
export interface DemoItem {
  row: DemoRow;
  seller?: Seller;
}

export interface DemoCommune {
  code: string;
  name: string;
  epciCode: string | null;
  population: number;
  postalCode: string;
  lon: number;
  lat: number;
}

export interface DemoEpci {
  code: string;
  name: string;
  seatLon: number | null;
  seatLat: number | null;
}

/** What the generator reads from the database once: the territory, the profiles, the publishers. */
export interface DemoContext {
  communes: DemoCommune[];
  epcis: Map<string, DemoEpci>;
  /** Target profile slugs that exist (the generator only uses these). */
  profiles: Set<string>;
  /** Organisation ids by slug (chambers) and by EPCI code (intercommunalities). */
  organisationsBySlug: Map<string, { id: string; name: string }>;
  organisationsByEpci: Map<string, string>;
  /** The instant dates are computed from: published in the 60 days before, expiring after. */
  now: Date;
}

export async function readContext(db: Db, now = new Date()): Promise<DemoContext> {
  const [communes, epcis, profiles, organisations] = await Promise.all([
    listCommunes(db),
    listEpcis(db),
    listProfiles(db),
    listOrganisations(db),
  ]);
  if (communes.length === 0) throw new Error('No communes: seed the territory before loading demo data.');
  return {
    // Sorted by code, whatever order the territory returns, so a seed always draws the same communes.
    communes: communes
      .map((c) => ({
        code: c.code,
        name: c.name,
        epciCode: c.epciCode,
        population: c.population ?? 100,
        postalCode: c.postalCodes[0] ?? '46000',
        lon: c.centroidLon,
        lat: c.centroidLat,
      }))
      .sort((a, b) => a.code.localeCompare(b.code)),
    epcis: new Map(
      epcis.map((e) => [e.code, { code: e.code, name: e.name, seatLon: e.seatLon, seatLat: e.seatLat }]),
    ),
    profiles: new Set(profiles.map((p) => p.slug)),
    organisationsBySlug: new Map(organisations.map((o) => [o.slug, { id: o.id, name: o.name }])),
    organisationsByEpci: new Map(
      organisations.filter((o) => o.epciCode).map((o) => [o.epciCode as string, o.id]),
    ),
    now,
  };
}

/**
 * Where an opportunity shows, computed in memory exactly as store.ts `locate` does in SQL: the commune's
 * centroid, or the EPCI's seat (and no public commune) for a takeover blurred to its EPCI.
 */
export function locate(context: DemoContext, commune: DemoCommune, hide: boolean) {
  const epci = commune.epciCode ? context.epcis.get(commune.epciCode) : undefined;
  const blur = hide && epci !== undefined && epci.seatLon !== null && epci.seatLat !== null;
  return {
    communeCode: commune.code,
    epciCode: commune.epciCode,
    publicCommuneCode: blur ? null : commune.code,
    lon: blur ? epci.seatLon : commune.lon,
    lat: blur ? epci.seatLat : commune.lat,
  };
}

/** Communes drawn in proportion to population^exponent: above 1 favours towns, below 1 villages. */
export function communeDraw(communes: DemoCommune[], exponent: number): WeightedList<DemoCommune> {
  return new WeightedList(communes, (c) => Math.max(c.population, 20) ** exponent);
}

/** Keeps the slugs that exist in the target_profiles table, without duplicates. */
export function profilesIn(context: DemoContext, slugs: string[]): string[] {
  return [...new Set(slugs)].filter((s) => context.profiles.has(s));
}

const day = 86_400_000;

/** An instant `days` after now (negative: before), to the minute. */
export function daysFromNow(context: DemoContext, days: number): Date {
  return new Date(Math.floor((context.now.getTime() + days * day) / 60_000) * 60_000);
}

/** A calendar date (YYYY-MM-DD) `days` after now. */
export function isoDay(context: DemoContext, days: number): string {
  return new Date(context.now.getTime() + days * day).toISOString().slice(0, 10);
}
