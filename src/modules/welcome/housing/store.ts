import { sql } from 'drizzle-orm';
import { type Db, one, rows } from '../../../core/db/index.js';
import type { housingRequests } from '../schema.js';

export type HousingStatus = (typeof housingRequests.$inferSelect)['status'];
export const housingStatuses = ['requested', 'offered', 'accepted', 'declined', 'closed'] as const;

export const statusLabels: Record<HousingStatus, string> = {
  requested: 'Demandé',
  offered: 'Logement proposé',
  accepted: 'Accepté par le foyer',
  declined: 'Refusé par le foyer',
  closed: 'Clos',
};

/**
 * Where a request may go next: requested → offered → accepted or declined → closed. A declined offer may be
 * followed by another (« Proposer ce logement »), and a request may be closed at any time (found elsewhere…).
 */
export const nextStatuses: Record<HousingStatus, HousingStatus[]> = {
  requested: ['offered', 'closed'],
  offered: ['accepted', 'declined', 'closed'],
  accepted: ['closed'],
  declined: ['offered', 'closed'],
  closed: [],
};

export interface HousingRequestRow {
  id: string;
  fromOn: string;
  toOn: string | null;
  people: number | null;
  status: HousingStatus;
  outcome: string | null;
  opportunityId: string | null;
  opportunityTitle: string | null;
  /** Still published: its public page can be linked. */
  online: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const select = sql`select r.id, r.from_on::text as "fromOn", r.to_on::text as "toOn", r.people, r.status,
    r.outcome, r.opportunity_id as "opportunityId", o.title as "opportunityTitle",
    coalesce(o.status = 'published' and (o.expires_at is null or o.expires_at > now()), false) as online,
    r.created_at as "createdAt", r.updated_at as "updatedAt"
  from file_housing_requests r left join opportunities o on o.id = r.opportunity_id`;

const normalise = (r: HousingRequestRow): HousingRequestRow => ({
  ...r,
  createdAt: new Date(r.createdAt),
  updatedAt: new Date(r.updatedAt),
});

export async function listRequests(db: Db, fileId: string): Promise<HousingRequestRow[]> {
  const found = await rows<HousingRequestRow>(
    db,
    sql`${select} where r.file_id = ${fileId} order by r.created_at desc, r.id`,
  );
  return found.map(normalise);
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findRequest(
  db: Db,
  fileId: string,
  id: string,
): Promise<HousingRequestRow | undefined> {
  if (!uuidPattern.test(id)) return undefined;
  const row = await one<HousingRequestRow>(db, sql`${select} where r.file_id = ${fileId} and r.id = ${id}`);
  return row ? normalise(row) : undefined;
}

export interface HousingSummary {
  id: string;
  fromOn: string;
  toOn: string | null;
  people: number | null;
  status: HousingStatus;
  statusLabel: string;
  /** The housing offered, when one is and it is still online. */
  opportunity: { id: string; title: string } | null;
  outcome: string | null;
}

/** The file's requests as the household may read them (for its space): status, dates, the housing offered. */
export async function housingSummaryForHousehold(db: Db, fileId: string): Promise<HousingSummary[]> {
  return (await listRequests(db, fileId)).map((r) => ({
    id: r.id,
    fromOn: r.fromOn,
    toOn: r.toOn,
    people: r.people,
    status: r.status,
    statusLabel: statusLabels[r.status],
    opportunity:
      r.opportunityId && r.opportunityTitle && r.online
        ? { id: r.opportunityId, title: r.opportunityTitle }
        : null,
    outcome: r.outcome,
  }));
}
