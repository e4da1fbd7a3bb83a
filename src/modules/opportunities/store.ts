import { and, eq, sql } from 'drizzle-orm';
import Value from 'typebox/value';
import { type Db, one } from '../../core/db/index.js';
import { bumpDataVersion } from '../../core/http/index.js';
import { type JournalActor, record } from '../../core/journal/index.js';
import { detailsSchemas, type OpportunityDetails } from './kinds.js';
import { type OpportunityKind, type OpportunityStatus, opportunities, opportunitySellers } from './schema.js';

export type Opportunity = typeof opportunities.$inferSelect;
export type Seller = Omit<typeof opportunitySellers.$inferSelect, 'opportunityId' | 'updatedAt'>;

/** What creating or replacing an opportunity takes; the location columns are derived from communeCode. */
export interface OpportunityInput {
  kind: OpportunityKind;
  status?: OpportunityStatus;
  title: string;
  description: string;
  communeCode: string | null;
  /** Takeovers only: show the EPCI instead of the commune. */
  hideCommune?: boolean;
  organisationId?: string | null;
  ownerId?: string | null;
  adviserId?: string | null;
  source?: string;
  /** Defaults to a new random id for what is entered here. */
  sourceId?: string;
  sourceUrl?: string | null;
  demo?: boolean;
  targetProfiles?: string[];
  contractType?: string | null;
  sector?: string | null;
  priceBand?: string | null;
  wanted?: boolean;
  openToCouples?: boolean;
  employerName?: string | null;
  contactName?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  details?: OpportunityDetails;
  startsOn?: string | null;
  publishedAt?: Date | null;
  expiresAt?: Date | null;
  submittedAt?: Date | null;
}

/** Where an opportunity shows: its commune (or the EPCI seat when a takeover is blurred). */
async function locate(db: Db, communeCode: string | null, hide: boolean) {
  if (!communeCode)
    return { communeCode: null, epciCode: null, publicCommuneCode: null, lon: null, lat: null };
  const place = await one<{
    epciCode: string | null;
    lon: number;
    lat: number;
    seatLon: number | null;
    seatLat: number | null;
  }>(
    db,
    sql`select c.epci_code as "epciCode", c.centroid_lon as lon, c.centroid_lat as lat,
          e.seat_lon as "seatLon", e.seat_lat as "seatLat"
        from communes c left join epcis e on e.code = c.epci_code where c.code = ${communeCode}`,
  );
  if (!place) throw new Error(`Unknown commune ${communeCode}`);
  const blur = hide && place.epciCode !== null && place.seatLon !== null;
  return {
    communeCode,
    epciCode: place.epciCode,
    publicCommuneCode: blur ? null : communeCode,
    lon: blur ? place.seatLon : place.lon,
    lat: blur ? place.seatLat : place.lat,
  };
}

/** Checks the kind's details (a programming error if not: forms and imports validate before). */
function checkedDetails(kind: OpportunityKind, details: OpportunityDetails | undefined): OpportunityDetails {
  const value = details ?? {};
  if (!Value.Check(detailsSchemas[kind], value)) {
    const [first] = Value.Errors(detailsSchemas[kind], value);
    throw new Error(`Invalid ${kind} details at ${first?.instancePath}: ${first?.message}`);
  }
  return value;
}

async function row(db: Db, input: OpportunityInput) {
  const hide = input.kind === 'takeover' && (input.hideCommune ?? false);
  const takeover = input.kind === 'takeover';
  return {
    kind: input.kind,
    status: input.status ?? 'draft',
    title: input.title,
    description: input.description,
    ...(await locate(db, input.communeCode, hide)),
    organisationId: input.organisationId ?? null,
    ownerId: input.ownerId ?? null,
    adviserId: input.adviserId ?? null,
    source: input.source ?? 'choisir',
    sourceId: input.sourceId ?? crypto.randomUUID(),
    sourceUrl: input.sourceUrl ?? null,
    demo: input.demo ?? false,
    targetProfiles: input.targetProfiles ?? [],
    contractType: input.contractType ?? null,
    sector: input.sector ?? null,
    priceBand: input.priceBand ?? null,
    wanted: input.wanted ?? false,
    openToCouples: input.openToCouples ?? false,
    // A takeover never has a public employer or contact (a database check enforces it too).
    employerName: takeover ? null : (input.employerName ?? null),
    contactName: takeover ? null : (input.contactName ?? null),
    contactEmail: takeover ? null : (input.contactEmail ?? null),
    contactPhone: takeover ? null : (input.contactPhone ?? null),
    details: checkedDetails(input.kind, input.details),
    startsOn: input.startsOn ?? null,
    publishedAt: input.publishedAt ?? (input.status === 'published' ? new Date() : null),
    expiresAt: input.expiresAt ?? null,
    submittedAt: input.submittedAt ?? null,
  };
}

/** Creates an opportunity (and its seller for a takeover); journaled; public data changed if published. */
export async function createOpportunity(
  db: Db,
  actor: JournalActor,
  input: OpportunityInput,
  seller?: Seller | null,
): Promise<Opportunity> {
  const values = await row(db, input);
  const [created] = await db.insert(opportunities).values(values).returning();
  if (seller && input.kind === 'takeover') await saveSeller(db, created.id, seller);
  await record(db, {
    actor,
    action: 'opportunity.create',
    target: { type: 'opportunity', id: created.id },
    after: publicDiffable(created),
  });
  if (created.status === 'published') await bumpDataVersion(db);
  return created;
}

/** Replaces an opportunity's fields; journaled with the diff. */
export async function updateOpportunity(
  db: Db,
  actor: JournalActor,
  id: string,
  input: OpportunityInput,
): Promise<Opportunity | undefined> {
  const [before] = await db.select().from(opportunities).where(eq(opportunities.id, id));
  if (!before) return undefined;
  const {
    source: _s,
    sourceId: _id,
    ...values
  } = await row(db, {
    ...input,
    source: before.source,
    sourceId: before.sourceId,
    publishedAt: input.publishedAt ?? before.publishedAt,
  });
  const [after] = await db
    .update(opportunities)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(opportunities.id, id))
    .returning();
  await record(db, {
    actor,
    action: 'opportunity.update',
    target: { type: 'opportunity', id },
    before: publicDiffable(before),
    after: publicDiffable(after),
  });
  if (before.status === 'published' || after.status === 'published') await bumpDataVersion(db);
  return after;
}

/** Moves an opportunity to another status (publish, reject, expire, withdraw); journaled. */
export async function setStatus(
  db: Db,
  actor: JournalActor,
  id: string,
  status: OpportunityStatus,
  extra: { rejectionReason?: string | null; moderatedBy?: string | null } = {},
): Promise<Opportunity | undefined> {
  const [before] = await db.select().from(opportunities).where(eq(opportunities.id, id));
  if (!before) return undefined;
  const now = new Date();
  const [after] = await db
    .update(opportunities)
    .set({
      status,
      updatedAt: now,
      ...(status === 'published' ? { publishedAt: now, rejectionReason: null } : {}),
      ...(status === 'pending' ? { submittedAt: now } : {}),
      ...(extra.moderatedBy !== undefined ? { moderatedAt: now, moderatedBy: extra.moderatedBy } : {}),
      ...(extra.rejectionReason !== undefined ? { rejectionReason: extra.rejectionReason } : {}),
    })
    .where(eq(opportunities.id, id))
    .returning();
  await record(db, {
    actor,
    action: `opportunity.${status}`,
    target: { type: 'opportunity', id },
    before: { status: before.status },
    after: {
      status: after.status,
      ...(extra.rejectionReason ? { rejectionReason: extra.rejectionReason } : {}),
    },
  });
  if (before.status === 'published' || status === 'published') await bumpDataVersion(db);
  return after;
}

export async function findOpportunity(db: Db, id: string): Promise<Opportunity | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [found] = await db.select().from(opportunities).where(eq(opportunities.id, id));
  return found;
}

export async function findBySource(
  db: Db,
  source: string,
  sourceId: string,
): Promise<Opportunity | undefined> {
  const [found] = await db
    .select()
    .from(opportunities)
    .where(and(eq(opportunities.source, source), eq(opportunities.sourceId, sourceId)));
  return found;
}

/** The seller of a takeover: for its adviser and the publishing organisation's staff only. */
export async function findSeller(db: Db, opportunityId: string): Promise<Seller | undefined> {
  const [found] = await db
    .select({
      name: opportunitySellers.name,
      company: opportunitySellers.company,
      address: opportunitySellers.address,
      email: opportunitySellers.email,
      phone: opportunitySellers.phone,
      notes: opportunitySellers.notes,
    })
    .from(opportunitySellers)
    .where(eq(opportunitySellers.opportunityId, opportunityId));
  return found;
}

export async function saveSeller(db: Db, opportunityId: string, seller: Seller): Promise<void> {
  await db
    .insert(opportunitySellers)
    .values({ opportunityId, ...seller })
    .onConflictDoUpdate({
      target: opportunitySellers.opportunityId,
      set: { ...seller, updatedAt: new Date() },
    });
}

/** The journal keeps what changed, without the full description (long) or the generated search document. */
function publicDiffable(o: Opportunity): Record<string, unknown> {
  const { searchDoc: _doc, description, createdAt: _c, updatedAt: _u, ...rest } = o;
  return { ...rest, description: description.length > 200 ? `${description.slice(0, 200)}…` : description };
}
