/**
 * assignFile: applies the editable rules to a just-submitted file, creates the shares, picks the referent by
 * round-robin, journals and notifies. Idempotent: a file that already has a lead organisation is left as is.
 */
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.js';
import { type Db, one, rows } from '../../../core/db/index.js';
import { systemActor } from '../../../core/journal/index.js';
import { findCommuneByCode } from '../../territory/index.js';
import { findFile, type NewcomerFile, touchFile } from '../files.js';
import { recordFile } from '../journal.js';
import { type Decision, decide, type Rule } from './decide.js';
import { notifyStaff } from './notify.js';
import { pickReferent, stampAssigned, teamEmails, teamMember } from './team.js';

export interface AssignmentOutcome {
  leadOrganisationId: string;
  leadOrganisationName: string;
  referentId: string | null;
  referentName: string | null;
  coOrganisationIds: string[];
  ruleLabels: string[];
}

export async function activeRules(db: Db): Promise<Rule[]> {
  return rows<Rule>(
    db,
    sql`select id, position, kind, match, organisation_id as "organisationId", user_id as "userId",
          co_assign as "coAssign", label
        from assignment_rules where active order by position, label`,
  );
}

/** The EPCIs the household named, then those of the communes it named, without repeats. */
async function epcisOfInterest(db: Db, file: NewcomerFile): Promise<string[]> {
  const codes = [...file.placeEpcis];
  for (const code of file.placeCommunes) {
    const commune = await findCommuneByCode(db, code);
    if (commune?.epciCode) codes.push(commune.epciCode);
  }
  return [...new Set(codes)];
}

async function gatherDecision(db: Db, file: NewcomerFile): Promise<Decision> {
  const [rules, consents, epciOrgs, members, departement, epcis] = await Promise.all([
    activeRules(db),
    rows<{ organisationId: string }>(
      db,
      sql`select organisation_id as "organisationId" from file_consents
          where file_id = ${file.id} and withdrawn_at is null`,
    ),
    rows<{ id: string; epciCode: string }>(
      db,
      sql`select id, epci_code as "epciCode" from organisations where kind = 'epci' and epci_code is not null`,
    ),
    rows<{ occupation: string | null }>(
      db,
      sql`select occupation from file_members where file_id = ${file.id} and kind = 'adult' order by position`,
    ),
    one<{ id: string }>(
      db,
      sql`select id from organisations where kind = 'departement' order by slug limit 1`,
    ),
    epcisOfInterest(db, file),
  ]);
  if (!departement) throw new Error('assignFile: no Département organisation to queue files with');
  return decide({
    rules,
    epcisOfInterest: epcis,
    epciOrganisations: new Map(epciOrgs.map((o) => [o.epciCode, o.id])),
    consented: new Set(consents.map((c) => c.organisationId)),
    projectKinds: file.projectKinds,
    businessSector: file.businessSector,
    occupations: members.map((m) => m.occupation),
    departementId: departement.id,
  });
}

const orgNames = async (db: Db, ids: string[]) =>
  new Map(
    ids.length
      ? (
          await rows<{ id: string; name: string }>(
            db,
            sql`select id, name from organisations where id in (${sql.join(
              ids.map((id) => sql`${id}`),
              sql`, `,
            )})`,
          )
        ).map((o) => [o.id, o.name])
      : [],
  );

/** What a file's assignment is now (for an already-assigned file, and after assigning). */
export async function currentOutcome(db: Db, fileId: string): Promise<AssignmentOutcome> {
  const file = await one<{
    lead: string;
    leadName: string;
    referentId: string | null;
    referentName: string | null;
  }>(
    db,
    sql`select f.lead_organisation_id as lead, o.name as "leadName", f.referent_id as "referentId",
          u.name as "referentName"
        from newcomer_files f join organisations o on o.id = f.lead_organisation_id
        left join users u on u.id = f.referent_id where f.id = ${fileId}`,
  );
  if (!file) throw new Error(`assignFile: file ${fileId} has no lead organisation`);
  const [shares, entry] = await Promise.all([
    rows<{ organisationId: string }>(
      db,
      sql`select distinct organisation_id as "organisationId" from file_shares
          where file_id = ${fileId} and revoked_at is null and organisation_id <> ${file.lead}`,
    ),
    one<{ diff: { rules?: { after?: unknown } } | null }>(
      db,
      sql`select diff from journal where target_type = 'file' and target_id = ${fileId} and action = 'file.assign'
          order by at desc, id desc limit 1`,
    ),
  ]);
  const labels = entry?.diff?.rules?.after;
  return {
    leadOrganisationId: file.lead,
    leadOrganisationName: file.leadName,
    referentId: file.referentId,
    referentName: file.referentName,
    coOrganisationIds: shares.map((s) => s.organisationId),
    ruleLabels: Array.isArray(labels) ? labels.map(String) : [],
  };
}

/** Adds a live share unless the organisation already holds one. */
export async function addShare(
  db: Db,
  fileId: string,
  organisationId: string,
  reason: 'assignment' | 'co-assignment' | 'handoff',
  createdBy: string | null,
): Promise<boolean> {
  const inserted = await rows(
    db,
    sql`insert into file_shares (file_id, organisation_id, reason, created_by)
        select ${fileId}, ${organisationId}, ${reason}, ${createdBy}
        where not exists (select 1 from file_shares where file_id = ${fileId}
          and organisation_id = ${organisationId} and revoked_at is null)
        returning id`,
  );
  return inserted.length > 0;
}

export async function assignFile(ctx: AppContext, fileId: string): Promise<AssignmentOutcome> {
  const file = await findFile(ctx.db, fileId);
  if (file?.status !== 'open') throw new Error(`assignFile: file ${fileId} is not an open file`);
  if (file.leadOrganisationId) return currentOutcome(ctx.db, fileId);
  const decision = await gatherDecision(ctx.db, file);
  const { lead } = decision;

  const done = await ctx.db.transaction(async (trx) => {
    const tx = trx as unknown as Db;
    // The claim: of two concurrent calls, only one finds the file unassigned.
    const claimed = await one(
      tx,
      sql`update newcomer_files set lead_organisation_id = ${lead.organisationId}, epci_code = ${lead.epciCode},
            updated_at = now()
          where id = ${fileId} and lead_organisation_id is null returning id`,
    );
    if (!claimed) return null;
    const named = lead.userId ? await teamMember(tx, lead.organisationId, lead.userId) : undefined;
    const referent = named ?? (await pickReferent(tx, lead.organisationId));
    if (named) await stampAssigned(tx, named.id);
    if (referent)
      await tx.execute(sql`update newcomer_files set referent_id = ${referent.id} where id = ${fileId}`);
    if (decision.leadShared) await addShare(tx, fileId, lead.organisationId, 'assignment', null);
    for (const c of decision.coAssigned) await addShare(tx, fileId, c.organisationId, 'co-assignment', null);
    return { referent };
  });
  if (!done) return currentOutcome(ctx.db, fileId);
  const { referent } = done;

  const names = await orgNames(ctx.db, [
    lead.organisationId,
    ...decision.coAssigned.map((c) => c.organisationId),
    ...decision.named.map((n) => n.organisationId),
  ]);
  const namedPeople = decision.named.length
    ? await rows<{ id: string; name: string; email: string }>(
        ctx.db,
        sql`select id, name, email from users where status = 'active' and id in (${sql.join(
          decision.named.map((n) => sql`${n.userId}`),
          sql`, `,
        )})`,
      )
    : [];
  const person = new Map(namedPeople.map((p) => [p.id, p]));
  const shares = [
    ...(decision.leadShared ? [`${names.get(lead.organisationId)} (affectation)`] : []),
    ...decision.coAssigned.map((c) => `${names.get(c.organisationId)} (co-affectation)`),
  ];
  await recordFile(
    ctx.db,
    systemActor,
    fileId,
    'file.assign',
    { leadOrganisation: null, referent: null, shares: [] },
    {
      leadOrganisation: names.get(lead.organisationId),
      epciCode: lead.epciCode,
      referent: referent?.name ?? null,
      shares,
      rules: decision.ruleLabels,
      ...(decision.skipped.length ? { withoutConsent: decision.skipped } : {}),
      ...(decision.named.length
        ? {
            namedReferents: decision.named.map(
              (n) => `${person.get(n.userId)?.name ?? 'compte inactif'} (${names.get(n.organisationId)})`,
            ),
          }
        : {}),
    },
  );
  await touchFile(ctx.db, fileId);

  const notice = {
    fileId,
    reference: file.reference,
    subject: `Nouveau dossier d’accueil ${file.reference}`,
    kind: 'welcome-assignment',
  };
  await notifyStaff(ctx, referent ? [referent.email] : await teamEmails(ctx.db, lead.organisationId), {
    ...notice,
    intro: referent
      ? `Un nouveau dossier d’accueil vous est confié (${names.get(lead.organisationId)}).`
      : `Un nouveau dossier d’accueil attend un référent dans votre équipe (${names.get(lead.organisationId)}).`,
  });
  for (const c of decision.coAssigned) {
    const namedUser = c.userId ? person.get(c.userId) : undefined;
    await notifyStaff(ctx, namedUser ? [namedUser.email] : await teamEmails(ctx.db, c.organisationId), {
      ...notice,
      intro: `Un nouveau dossier d’accueil est partagé avec ${names.get(c.organisationId)} : son projet relève de votre accompagnement.`,
    });
  }
  return currentOutcome(ctx.db, fileId);
}
