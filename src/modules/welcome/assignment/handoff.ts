/**
 * The two actions of the « Affectation » tab: reassigning the referent inside the lead's team, and handing the
 * file off to another partner the household consented to. Both are journaled and notified by email. They check
 * permissions and answer French field errors; the route has already checked the scope (openFile).
 */
import { sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/index.js';
import type { AppContext } from '../../../core/context.js';
import { type Db, one } from '../../../core/db/index.js';
import { type FieldErrors, forbidden } from '../../../core/http/index.js';
import { territoryWide } from '../access.js';
import { touchFile } from '../files.js';
import { recordFile } from '../journal.js';
import { addShare } from './assign.js';
import { notifyStaff } from './notify.js';
import {
  type AssignmentFile,
  canReassign,
  canTransferLead,
  handoffTargets,
  liveShares,
  reasonLabels,
} from './tab-data.js';
import { pickReferent, stampAssigned, teamEmails, teamMember } from './team.js';

export type ActionResult = { ok: true; lostAccess?: boolean } | { ok: false; errors: FieldErrors };

const shareLabels = async (db: Db, fileId: string) =>
  (await liveShares(db, fileId)).map(
    (s) => `${s.organisationName} (${(reasonLabels[s.reason] ?? s.reason).toLowerCase()})`,
  );

export async function reassignReferent(
  ctx: AppContext,
  actor: Actor,
  file: AssignmentFile,
  body: Record<string, unknown>,
  ip: string | null,
): Promise<ActionResult> {
  if (!(await canReassign(ctx.db, actor, file)))
    throw forbidden('Seuls les responsables de l’équipe qui conduit ce dossier peuvent le réattribuer.');
  const leadId = file.leadOrganisationId as string;
  const chosen = typeof body.referentId === 'string' ? body.referentId : '';
  const member = chosen ? await teamMember(ctx.db, leadId, chosen) : undefined;
  if (!member)
    return {
      ok: false,
      errors: { referentId: `Choisissez une personne de l’équipe de ${file.leadOrganisationName}.` },
    };
  if (member.id === file.referentId)
    return { ok: false, errors: { referentId: `${member.name} est déjà le référent de ce dossier.` } };
  await ctx.db.execute(
    sql`update newcomer_files set referent_id = ${member.id}, updated_at = now() where id = ${file.id}`,
  );
  await stampAssigned(ctx.db, member.id);
  await recordFile(
    ctx.db,
    actor,
    file.id,
    'file.reassign',
    { referent: file.referentName, referentId: file.referentId },
    { referent: member.name, referentId: member.id },
    ip,
  );
  await touchFile(ctx.db, file.id);
  await notifyStaff(ctx, [member.email], {
    fileId: file.id,
    reference: file.reference,
    subject: `Dossier d’accueil ${file.reference} : il vous est confié`,
    intro: `${actor.name} (${actor.organisationName}) vous a confié le dossier d’accueil ${file.reference}.`,
    kind: 'welcome-reassign',
  });
  return { ok: true };
}

export async function handOff(
  ctx: AppContext,
  actor: Actor,
  file: AssignmentFile,
  body: Record<string, unknown>,
  ip: string | null,
): Promise<ActionResult> {
  const targetId = typeof body.organisationId === 'string' ? body.organisationId : '';
  const moveLead = body.conduite === '1';
  const revokeOwn = body.retirer === '1' && !territoryWide(actor);
  const targets = await handoffTargets(ctx.db, file);
  const target = targets.find((t) => t.id === targetId);
  if (!target)
    return {
      ok: false,
      errors: {
        organisationId: targetId
          ? 'Le foyer n’a pas accepté que son dossier soit transmis à cette organisation : choisissez un partenaire de la liste.'
          : 'Choisissez le partenaire à qui transmettre le dossier.',
      },
    };
  if (moveLead && !canTransferLead(actor, file))
    return {
      ok: false,
      errors: { conduite: 'Seule l’organisation qui conduit le dossier peut en transmettre la conduite.' },
    };
  if (revokeOwn && !moveLead && actor.organisationId === file.leadOrganisationId)
    return {
      ok: false,
      errors: {
        retirer:
          'Votre organisation conduit ce dossier : transmettez-en la conduite avant de retirer votre accès.',
      },
    };
  if (revokeOwn && target.id === actor.organisationId)
    return {
      ok: false,
      errors: {
        retirer: 'Vous ne pouvez pas retirer l’accès de l’organisation à qui vous transmettez le dossier.',
      },
    };
  const alreadyShared = (await liveShares(ctx.db, file.id)).some((s) => s.organisationId === target.id);
  if (alreadyShared && !moveLead && !revokeOwn)
    return {
      ok: false,
      errors: {
        organisationId: `${target.name} a déjà accès au dossier. Cochez « Transmettre la conduite du dossier » pour le lui confier.`,
      },
    };

  const before = {
    leadOrganisation: file.leadOrganisationName,
    referent: file.referentName,
    shares: await shareLabels(ctx.db, file.id),
  };
  const referent = await ctx.db.transaction(async (trx) => {
    const tx = trx as unknown as Db;
    await addShare(tx, file.id, target.id, 'handoff', actor.userId);
    let picked: { id: string; name: string; email: string } | null = null;
    if (moveLead) {
      const org = await one<{ epciCode: string | null }>(
        tx,
        sql`select epci_code as "epciCode" from organisations where id = ${target.id}`,
      );
      picked = await pickReferent(tx, target.id);
      // An EPCI taking the lead becomes the file's territory; a chamber leading keeps the EPCI it had.
      await tx.execute(
        sql`update newcomer_files set lead_organisation_id = ${target.id}, referent_id = ${picked?.id ?? null},
              epci_code = coalesce(${org?.epciCode ?? null}, epci_code), updated_at = now()
            where id = ${file.id}`,
      );
    }
    if (revokeOwn)
      await tx.execute(
        sql`update file_shares set revoked_at = now() where file_id = ${file.id}
              and organisation_id = ${actor.organisationId} and revoked_at is null`,
      );
    return picked;
  });
  await recordFile(
    ctx.db,
    actor,
    file.id,
    'file.handoff',
    before,
    {
      leadOrganisation: moveLead ? target.name : file.leadOrganisationName,
      referent: moveLead ? (referent?.name ?? null) : file.referentName,
      shares: await shareLabels(ctx.db, file.id),
    },
    ip,
  );
  await touchFile(ctx.db, file.id);
  await notifyStaff(ctx, referent ? [referent.email] : await teamEmails(ctx.db, target.id), {
    fileId: file.id,
    reference: file.reference,
    subject: `Dossier d’accueil ${file.reference} transmis à ${target.name}`,
    intro: referent
      ? `${actor.organisationName} a transmis la conduite du dossier d’accueil ${file.reference} à ${target.name} : il vous est confié.`
      : moveLead
        ? `${actor.organisationName} a transmis la conduite du dossier d’accueil ${file.reference} à ${target.name} : il attend un référent dans votre équipe.`
        : `${actor.organisationName} a partagé le dossier d’accueil ${file.reference} avec ${target.name}, avec l’accord du foyer.`,
    kind: 'welcome-handoff',
  });
  return { ok: true, lostAccess: revokeOwn };
}
