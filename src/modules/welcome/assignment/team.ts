/**
 * An organisation's welcome team: its active referents and advisers, with their round-robin details
 * (welcome_team_members). A member without a row is a plain member, never paused, never assigned yet.
 */
import { sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/index.js';
import { type Db, one, rows } from '../../../core/db/index.js';

export interface TeamMember {
  id: string;
  name: string;
  email: string;
  role: string;
  lead: boolean;
  paused: boolean;
  lastAssignedAt: Date | null;
}

/** Roles that take files in a team: EPCIs have referents, chambers have advisers. */
const teamRoles = sql`('referent', 'adviser')`;

export async function teamOf(db: Db, organisationId: string): Promise<TeamMember[]> {
  return rows<TeamMember>(
    db,
    sql`select u.id, u.name, u.email, u.role, coalesce(m.lead, false) as lead,
          coalesce(m.paused, false) as paused, m.last_assigned_at as "lastAssignedAt"
        from users u left join welcome_team_members m on m.user_id = u.id
        where u.organisation_id = ${organisationId} and u.status = 'active' and u.role in ${teamRoles}
        order by u.name, u.id`,
  );
}

/** One active member of an organisation's team, or undefined. */
export async function teamMember(
  db: Db,
  organisationId: string,
  userId: string,
): Promise<TeamMember | undefined> {
  return (await teamOf(db, organisationId)).find((m) => m.id === userId);
}

/**
 * Picks the next referent of an organisation's team: the active, not paused member assigned longest ago
 * (never assigned first), and stamps them now. The row lock makes two files submitted at the same moment go
 * to two people. Null when the team is empty: the team's leads then see the file unassigned.
 */
export async function pickReferent(
  db: Db,
  organisationId: string,
): Promise<{ id: string; name: string; email: string } | null> {
  await db.execute(
    sql`insert into welcome_team_members (user_id)
        select u.id from users u
        where u.organisation_id = ${organisationId} and u.status = 'active' and u.role in ${teamRoles}
        on conflict (user_id) do nothing`,
  );
  return (
    (await one<{ id: string; name: string; email: string }>(
      db,
      sql`update welcome_team_members m set last_assigned_at = clock_timestamp()
          from users u
          where u.id = m.user_id and m.user_id = (
            select m2.user_id from welcome_team_members m2 join users u2 on u2.id = m2.user_id
            where u2.organisation_id = ${organisationId} and u2.status = 'active' and u2.role in ${teamRoles}
              and not m2.paused
            order by m2.last_assigned_at asc nulls first, u2.name, u2.id
            limit 1 for update of m2 skip locked)
          returning u.id, u.name, u.email`,
    )) ?? null
  );
}

/** A manual assignment counts in the round-robin too, so the person is not picked again at once. */
export async function stampAssigned(db: Db, userId: string): Promise<void> {
  await db.execute(
    sql`insert into welcome_team_members (user_id, last_assigned_at) values (${userId}, clock_timestamp())
        on conflict (user_id) do update set last_assigned_at = excluded.last_assigned_at`,
  );
}

/** Is the actor a lead of their own organisation's welcome team? */
export async function isTeamLead(db: Db, actor: Actor): Promise<boolean> {
  const row = await one<{ lead: boolean }>(
    db,
    sql`select m.lead from welcome_team_members m join users u on u.id = m.user_id
        where m.user_id = ${actor.userId} and u.status = 'active' and u.role in ${teamRoles}`,
  );
  return row?.lead === true;
}

/** Who hears about a file for an organisation with no named referent: its whole team (paused or not). */
export async function teamEmails(db: Db, organisationId: string): Promise<string[]> {
  return (await teamOf(db, organisationId)).map((m) => m.email);
}
