/** Missions and participations in the database: lists with counts, one mission, the ambassador's view. */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../core/db/index.js';
import { rows } from '../../../core/db/index.js';
import { missionParticipations, missions } from '../schema.js';
import type { MissionKind, MissionStatus, ParticipationStatus } from './labels.js';

export type Mission = typeof missions.$inferSelect;
export type Participation = typeof missionParticipations.$inferSelect;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A mission by id; a malformed id is simply unknown (never a database error). */
export async function findMission(db: Db, id: string): Promise<Mission | undefined> {
  if (!uuidPattern.test(id)) return undefined;
  const [row] = await db.select().from(missions).where(eq(missions.id, id));
  return row;
}

export interface Chapter {
  slug: string;
  name: string;
}

export async function listChapters(db: Db): Promise<Chapter[]> {
  return rows<Chapter>(db, sql`select slug, name from ambassador_chapters order by position, name`);
}

export interface MissionFilters {
  status?: MissionStatus;
  kind?: MissionKind;
  /** A chapter's slug, or 'reseau' for the missions addressed to the whole network. */
  chapter?: string;
}

export interface MissionRow {
  id: string;
  kind: MissionKind;
  title: string;
  status: MissionStatus;
  startsOn: string | null;
  endsOn: string | null;
  chapterName: string | null;
  accepted: number;
  done: number;
}

/** The staff's list, newest first, with how many ambassadors accepted and reported each mission done. */
export async function listMissions(db: Db, filters: MissionFilters): Promise<MissionRow[]> {
  const where = [sql`true`];
  if (filters.status) where.push(sql`m.status = ${filters.status}`);
  if (filters.kind) where.push(sql`m.kind = ${filters.kind}`);
  if (filters.chapter === 'reseau') where.push(sql`m.chapter_slug is null`);
  else if (filters.chapter) where.push(sql`m.chapter_slug = ${filters.chapter}`);
  const list = await rows<{
    id: string;
    kind: MissionKind;
    title: string;
    status: MissionStatus;
    starts_on: string | null;
    ends_on: string | null;
    chapter_name: string | null;
    accepted: number | string;
    done: number | string;
  }>(
    db,
    sql`select m.id, m.kind, m.title, m.status, m.starts_on::text as starts_on, m.ends_on::text as ends_on,
          c.name as chapter_name,
          (select count(*) from ambassador_mission_participations p
            where p.mission_id = m.id and p.status = 'accepted') as accepted,
          (select count(*) from ambassador_mission_participations p
            where p.mission_id = m.id and p.status = 'done') as done
        from ambassador_missions m
        left join ambassador_chapters c on c.slug = m.chapter_slug
        where ${sql.join(where, sql` and `)}
        order by m.created_at desc
        limit 500`,
  );
  return list.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    status: r.status,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    chapterName: r.chapter_name,
    accepted: Number(r.accepted),
    done: Number(r.done),
  }));
}

export interface ParticipantRow {
  ambassadorId: string;
  name: string;
  erased: boolean;
  status: ParticipationStatus;
  report: string | null;
  acceptedAt: Date;
  doneAt: Date | null;
}

export async function listParticipants(db: Db, missionId: string): Promise<ParticipantRow[]> {
  const list = await rows<{
    ambassador_id: string;
    name: string;
    erased_at: unknown;
    status: ParticipationStatus;
    report: string | null;
    accepted_at: string | Date;
    done_at: string | Date | null;
  }>(
    db,
    sql`select p.ambassador_id, a.name, a.erased_at, p.status, p.report, p.accepted_at, p.done_at
        from ambassador_mission_participations p
        join ambassadors a on a.id = p.ambassador_id
        where p.mission_id = ${missionId}
        order by p.accepted_at`,
  );
  return list.map((r) => ({
    ambassadorId: r.ambassador_id,
    name: r.name,
    erased: r.erased_at !== null,
    status: r.status,
    report: r.report,
    acceptedAt: new Date(r.accepted_at),
    doneAt: r.done_at ? new Date(r.done_at) : null,
  }));
}

/** The ambassador may see a mission: published once, and for everyone or for their chapter. */
export function visibleTo(mission: Mission, chapterSlug: string | null): boolean {
  return mission.status !== 'draft' && (mission.chapterSlug === null || mission.chapterSlug === chapterSlug);
}

export interface SpaceMissionRow {
  id: string;
  kind: MissionKind;
  title: string;
  status: MissionStatus;
  startsOn: string | null;
  endsOn: string | null;
  participation: ParticipationStatus | null;
}

function spaceRow(r: Record<string, unknown>): SpaceMissionRow {
  return {
    id: r.id as string,
    kind: r.kind as MissionKind,
    title: r.title as string,
    status: r.status as MissionStatus,
    startsOn: (r.starts_on as string | null) ?? null,
    endsOn: (r.ends_on as string | null) ?? null,
    participation: (r.participation as ParticipationStatus | null) ?? null,
  };
}

/** Open missions for this ambassador (everyone's or their chapter's) that have not ended, soonest end first. */
export async function openMissionsFor(
  db: Db,
  ambassador: { id: string; chapterSlug: string | null },
  today: string,
): Promise<SpaceMissionRow[]> {
  const list = await rows<Record<string, unknown>>(
    db,
    sql`select m.id, m.kind, m.title, m.status, m.starts_on::text as starts_on, m.ends_on::text as ends_on,
          p.status as participation
        from ambassador_missions m
        left join ambassador_mission_participations p
          on p.mission_id = m.id and p.ambassador_id = ${ambassador.id}
        where m.status = 'open'
          and (m.chapter_slug is null or m.chapter_slug = ${ambassador.chapterSlug})
          and (m.ends_on is null or m.ends_on >= ${today}::date)
        order by m.ends_on nulls last, m.created_at desc
        limit 200`,
  );
  return list.map(spaceRow);
}

/** The missions this ambassador accepted or did, closed ones included. */
export async function myMissions(db: Db, ambassadorId: string): Promise<SpaceMissionRow[]> {
  const list = await rows<Record<string, unknown>>(
    db,
    sql`select m.id, m.kind, m.title, m.status, m.starts_on::text as starts_on, m.ends_on::text as ends_on,
          p.status as participation
        from ambassador_mission_participations p
        join ambassador_missions m on m.id = p.mission_id
        where p.ambassador_id = ${ambassadorId} and p.status in ('accepted', 'done') and m.status <> 'draft'
        order by p.accepted_at desc
        limit 200`,
  );
  return list.map(spaceRow);
}

export async function findParticipation(
  db: Db,
  missionId: string,
  ambassadorId: string,
): Promise<Participation | undefined> {
  const [row] = await db
    .select()
    .from(missionParticipations)
    .where(
      and(
        eq(missionParticipations.missionId, missionId),
        eq(missionParticipations.ambassadorId, ambassadorId),
      ),
    );
  return row;
}

/** The active ambassadors a mission concerns: its chapter's, or the whole network's. */
export async function missionRecipients(
  db: Db,
  chapterSlug: string | null,
): Promise<{ id: string; name: string; email: string }[]> {
  return rows(
    db,
    sql`select id, name, email from ambassadors
        where status = 'active' and erased_at is null
          ${chapterSlug === null ? sql`` : sql`and chapter_slug = ${chapterSlug}`}
        order by created_at`,
  );
}
