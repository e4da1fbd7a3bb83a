/** What the « Affectation » tab shows and who may act on it. Load after `openFile` has checked the scope. */
import { sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/index.js';
import { type Db, one, rows } from '../../../core/db/index.js';
import { territoryWide, welcomePolicy } from '../access.js';
import { isTeamLead, type TeamMember, teamOf } from './team.js';

export interface AssignmentFile {
  id: string;
  reference: string;
  leadOrganisationId: string | null;
  leadOrganisationName: string | null;
  referentId: string | null;
  referentName: string | null;
}

export interface ShareRow {
  organisationId: string;
  organisationName: string;
  reason: 'assignment' | 'co-assignment' | 'handoff';
  createdAt: Date;
  createdByName: string | null;
}

/** How a share's reason reads in the back office and in the journal. */
export const reasonLabels: Record<string, string> = {
  assignment: 'Affectation',
  'co-assignment': 'Co-affectation',
  handoff: 'Transmission',
};

export interface ConsentRow {
  organisationId: string;
  organisationName: string;
  purpose: string;
  textVersion: string;
  grantedAt: Date;
  withdrawnAt: Date | null;
}

export interface HistoryRow {
  at: Date;
  actorLabel: string;
  action: string;
  diff: Record<string, { before?: unknown; after?: unknown }> | null;
}

export async function loadAssignmentFile(db: Db, fileId: string): Promise<AssignmentFile> {
  const row = await one<AssignmentFile>(
    db,
    sql`select f.id, f.reference, f.lead_organisation_id as "leadOrganisationId", o.name as "leadOrganisationName",
          f.referent_id as "referentId", u.name as "referentName"
        from newcomer_files f left join organisations o on o.id = f.lead_organisation_id
        left join users u on u.id = f.referent_id where f.id = ${fileId}`,
  );
  if (!row) throw new Error(`file ${fileId} vanished after its scope check`);
  return row;
}

export const liveShares = (db: Db, fileId: string) =>
  rows<ShareRow>(
    db,
    sql`select s.organisation_id as "organisationId", o.name as "organisationName", s.reason,
          s.created_at as "createdAt", u.name as "createdByName"
        from file_shares s join organisations o on o.id = s.organisation_id
        left join users u on u.id = s.created_by
        where s.file_id = ${fileId} and s.revoked_at is null order by s.created_at, o.name`,
  );

export const fileConsentRows = (db: Db, fileId: string) =>
  rows<ConsentRow>(
    db,
    sql`select c.organisation_id as "organisationId", o.name as "organisationName", c.purpose,
          c.text_version as "textVersion", c.granted_at as "grantedAt", c.withdrawn_at as "withdrawnAt"
        from file_consents c join organisations o on o.id = c.organisation_id
        where c.file_id = ${fileId} order by c.withdrawn_at nulls first, o.name`,
  );

/** Assignment events of the file, newest first (the rules that applied are in the 'file.assign' entry). */
export const assignmentHistory = (db: Db, fileId: string) =>
  rows<HistoryRow>(
    db,
    sql`select at, actor_label as "actorLabel", action, diff from journal
        where target_type = 'file' and target_id = ${fileId}
          and action in ('file.assign', 'file.reassign', 'file.handoff')
        order by at desc, id desc limit 50`,
  );

/** Reassigning inside the lead's team: the team's leads and territory-wide staff. */
export async function canReassign(db: Db, actor: Actor, file: AssignmentFile): Promise<boolean> {
  if (!welcomePolicy(actor, 'reassign') || !file.leadOrganisationId) return false;
  if (territoryWide(actor)) return true;
  return actor.organisationId === file.leadOrganisationId && (await isTeamLead(db, actor));
}

/** Moving the lead elsewhere: the lead organisation's staff and territory-wide staff. */
export const canTransferLead = (actor: Actor, file: AssignmentFile) =>
  territoryWide(actor) ||
  (file.leadOrganisationId !== null && actor.organisationId === file.leadOrganisationId);

/** Organisations a hand-off may go to: those with a live consent, except the one that leads. */
export async function handoffTargets(db: Db, file: AssignmentFile): Promise<{ id: string; name: string }[]> {
  return rows(
    db,
    sql`select o.id, o.name from file_consents c join organisations o on o.id = c.organisation_id
        where c.file_id = ${file.id} and c.withdrawn_at is null
          and o.id is distinct from ${file.leadOrganisationId}
        order by o.name`,
  );
}

export interface TabData {
  file: AssignmentFile;
  shares: ShareRow[];
  consents: ConsentRow[];
  history: HistoryRow[];
  team: TeamMember[];
  canReassign: boolean;
  canTransferLead: boolean;
  canRevokeOwn: boolean;
  /** Administrators and the lead team's leads also manage the team (leads, pauses). */
  canManageTeam: boolean;
  targets: { id: string; name: string }[];
}

export async function loadTab(db: Db, actor: Actor, fileId: string): Promise<TabData> {
  const file = await loadAssignmentFile(db, fileId);
  const [shares, consents, history, reassign, targets] = await Promise.all([
    liveShares(db, fileId),
    fileConsentRows(db, fileId),
    assignmentHistory(db, fileId),
    canReassign(db, actor, file),
    handoffTargets(db, file),
  ]);
  const team = reassign && file.leadOrganisationId ? await teamOf(db, file.leadOrganisationId) : [];
  return {
    file,
    shares,
    consents,
    history,
    team,
    canReassign: reassign,
    canTransferLead: canTransferLead(actor, file),
    canRevokeOwn: !territoryWide(actor),
    canManageTeam:
      welcomePolicy(actor, 'configure') ||
      (actor.organisationId === file.leadOrganisationId && (await isTeamLead(db, actor))),
    targets,
  };
}
