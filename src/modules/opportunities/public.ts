import { type SQL, sql } from 'drizzle-orm';
import { type Db, one } from '../../core/db/index.js';
import type { OpportunityDetails } from './kinds.js';
import type { OpportunityKind } from './schema.js';

/**
 * The only shape in which an opportunity leaves the platform: pages, API, CSV, feeds and emails all build on
 * it. It never holds a takeover's real commune when blurred, its seller, owner or adviser, nor moderation
 * notes. Every public query selects `publicColumns` and filters with `isPublic`.
 */
export interface PublicOpportunity {
  id: string;
  kind: OpportunityKind;
  title: string;
  description: string;
  /** Null when the commune is unknown or hidden (blurred takeover). */
  communeCode: string | null;
  communeName: string | null;
  communeSlug: string | null;
  epciCode: string | null;
  epciName: string | null;
  epciSlug: string | null;
  lon: number | null;
  lat: number | null;
  organisationName: string | null;
  employerName: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  contractType: string | null;
  sector: string | null;
  priceBand: string | null;
  wanted: boolean;
  openToCouples: boolean;
  targetProfiles: string[];
  details: OpportunityDetails;
  startsOn: string | null;
  publishedAt: Date;
  expiresAt: Date | null;
  updatedAt: Date;
  source: string;
  sourceUrl: string | null;
  demo: boolean;
}

/** The select list of a public row; `o` is opportunities, joined to communes `c`, epcis `e`, organisations `org`. */
export const publicColumns = sql.raw(`o.id, o.kind, o.title, o.description,
  o.public_commune_code as "communeCode", c.name as "communeName", c.slug as "communeSlug",
  o.epci_code as "epciCode", e.name as "epciName", e.slug as "epciSlug", o.lon, o.lat,
  org.name as "organisationName", o.employer_name as "employerName",
  o.contact_name as "contactName", o.contact_email as "contactEmail", o.contact_phone as "contactPhone",
  o.contract_type as "contractType", o.sector, o.price_band as "priceBand", o.wanted,
  o.open_to_couples as "openToCouples", o.target_profiles as "targetProfiles", o.details,
  o.starts_on::text as "startsOn", o.published_at as "publishedAt", o.expires_at as "expiresAt",
  o.updated_at as "updatedAt", o.source, o.source_url as "sourceUrl", o.demo`);

/** The joins publicColumns needs. The commune joined is the public one, never the hidden real one. */
export const publicJoins = sql.raw(`left join communes c on c.code = o.public_commune_code
  left join epcis e on e.code = o.epci_code
  left join organisations org on org.id = o.organisation_id`);

/** Published and not past its expiry (the expiry job may not have run yet). */
export const isPublic = sql.raw(`o.status = 'published' and (o.expires_at is null or o.expires_at > now())`);

/** Dates may come back as strings from one driver and Date from the other: normalise. */
export function normalisePublic(row: Record<string, unknown>): PublicOpportunity {
  const r = row as unknown as PublicOpportunity;
  const date = (v: unknown) =>
    v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v));
  return {
    ...r,
    publishedAt: date(r.publishedAt) as Date,
    expiresAt: date(r.expiresAt),
    updatedAt: date(r.updatedAt) as Date,
    lon: r.lon === null ? null : Number(r.lon),
    lat: r.lat === null ? null : Number(r.lat),
  };
}

/** One public opportunity by id, or undefined when it does not exist or is not public. */
export async function findPublicOpportunity(db: Db, id: string): Promise<PublicOpportunity | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const found = await one(
    db,
    sql`select ${publicColumns} from opportunities o ${publicJoins} where o.id = ${id} and ${isPublic}`,
  );
  return found ? normalisePublic(found) : undefined;
}

/** Public rows matching a condition on `o` (used by similar opportunities, feeds, digests). */
export function publicSelect(where: SQL, orderLimit: SQL = sql``): SQL {
  return sql`select ${publicColumns} from opportunities o ${publicJoins} where ${isPublic} and (${where}) ${orderLimit}`;
}

/** The public address of an opportunity's page. */
export const opportunityPath = (o: { id: string }) => `/opportunites/${o.id}`;
