import { and, asc, eq, sql } from 'drizzle-orm';
import { type Db, one, rows } from '../../../core/db/index.js';
import { fileMembers, proposals } from '../schema.js';

export type Adult = typeof fileMembers.$inferSelect;
export type ProposalResponse = 'interested' | 'not-interested';

export const responseLabels: Record<ProposalResponse, string> = {
  interested: 'Ça m’intéresse',
  'not-interested': 'Pas pour moi',
};

/** How an adult is named on pages: the first name given, else their place in the household. */
export const adultName = (a: Pick<Adult, 'firstName'>, index: number) => a.firstName || `Adulte ${index + 1}`;

export function listAdults(db: Db, fileId: string): Promise<Adult[]> {
  return db
    .select()
    .from(fileMembers)
    .where(and(eq(fileMembers.fileId, fileId), eq(fileMembers.kind, 'adult')))
    .orderBy(asc(fileMembers.position), asc(fileMembers.id));
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An adult of this file, or undefined (another file's member, a child, a malformed id). */
export async function findAdult(db: Db, fileId: string, memberId: string): Promise<Adult | undefined> {
  if (!uuidPattern.test(memberId)) return undefined;
  const [row] = await db
    .select()
    .from(fileMembers)
    .where(and(eq(fileMembers.id, memberId), eq(fileMembers.fileId, fileId), eq(fileMembers.kind, 'adult')));
  return row;
}

/** A proposal with what pages show of its opportunity (its title stays readable once it is no longer online). */
export interface ProposalRow {
  id: string;
  memberId: string | null;
  memberName: string | null;
  opportunityId: string;
  title: string | null;
  kind: string | null;
  /** Still published: the household may open its public page. */
  online: boolean;
  note: string | null;
  response: ProposalResponse | null;
  proposedByName: string | null;
  createdAt: Date;
}

const proposalSelect = sql`select p.id, p.member_id as "memberId", m.first_name as "memberName",
    p.opportunity_id as "opportunityId", o.title, o.kind,
    coalesce(o.status = 'published' and (o.expires_at is null or o.expires_at > now()), false) as online,
    p.note, p.response, u.name as "proposedByName", p.created_at as "createdAt"
  from file_proposals p
  left join file_members m on m.id = p.member_id
  left join opportunities o on o.id = p.opportunity_id
  left join users u on u.id = p.proposed_by`;

export async function listProposals(db: Db, fileId: string): Promise<ProposalRow[]> {
  const found = await rows<ProposalRow>(
    db,
    sql`${proposalSelect} where p.file_id = ${fileId} order by p.created_at desc, p.id`,
  );
  return found.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
}

export async function findProposal(db: Db, fileId: string, id: string): Promise<ProposalRow | undefined> {
  if (!uuidPattern.test(id)) return undefined;
  const row = await one<ProposalRow>(db, sql`${proposalSelect} where p.file_id = ${fileId} and p.id = ${id}`);
  return row ? { ...row, createdAt: new Date(row.createdAt) } : undefined;
}

export async function alreadyProposed(db: Db, fileId: string, memberId: string, opportunityId: string) {
  const [row] = await db
    .select({ id: proposals.id })
    .from(proposals)
    .where(
      and(
        eq(proposals.fileId, fileId),
        eq(proposals.memberId, memberId),
        eq(proposals.opportunityId, opportunityId),
      ),
    );
  return Boolean(row);
}

/** Proposals still waiting for the household's answer (for the household's space). */
export async function proposalsCountForHousehold(
  db: Db,
  fileId: string,
): Promise<{ total: number; unanswered: number }> {
  const row = await one<{ total: number; unanswered: number }>(
    db,
    sql`select count(*)::int as total, count(*) filter (where response is null)::int as unanswered
        from file_proposals where file_id = ${fileId}`,
  );
  return { total: Number(row?.total ?? 0), unanswered: Number(row?.unanswered ?? 0) };
}
