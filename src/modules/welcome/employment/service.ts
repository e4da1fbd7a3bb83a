import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/index.js';
import type { AppContext } from '../../../core/context.js';
import { one } from '../../../core/db/index.js';
import { findPublicOpportunity } from '../../opportunities/index.js';
import { type NewcomerFile, touchFile } from '../files.js';
import { householdActor, recordFile } from '../journal.js';
import { filePath, spaceBase } from '../paths.js';
import { fileMembers, proposals } from '../schema.js';
import { type Adult, alreadyProposed, findAdult, type ProposalResponse, type ProposalRow } from './store.js';

export const spaceProposalsPath = `${spaceBase}/propositions`;

export type AdultInput = {
  occupation: string | null;
  seekingWork: boolean;
  jobSearch: string | null;
};

export async function updateAdult(
  ctx: AppContext,
  actor: Actor,
  fileId: string,
  adult: Adult,
  input: AdultInput,
  ip: string | null,
): Promise<void> {
  await ctx.db.update(fileMembers).set(input).where(eq(fileMembers.id, adult.id));
  const before = { occupation: adult.occupation, seekingWork: adult.seekingWork, jobSearch: adult.jobSearch };
  await recordFile(ctx.db, actor, fileId, 'member.update', before, input, ip);
  await touchFile(ctx.db, fileId);
}

export type ProposeOutcome = { ok: true } | { ok: false; field: string; message: string };

/**
 * Records a proposal of a published opportunity to an adult of the file, and tells the household by email
 * (the title only: the email may be read by anyone in the household's mailbox, the rest is in their space).
 */
export async function propose(
  ctx: AppContext,
  actor: Actor,
  file: NewcomerFile,
  input: { memberId: string; opportunityId: string; note: string | null },
  ip: string | null,
): Promise<ProposeOutcome> {
  const adult = await findAdult(ctx.db, file.id, input.memberId);
  if (!adult)
    return {
      ok: false,
      field: 'memberId',
      message: 'Choisissez un adulte de ce foyer pour cette proposition.',
    };
  const opportunity = await findPublicOpportunity(ctx.db, input.opportunityId);
  if (!opportunity)
    return {
      ok: false,
      field: 'opportunityId',
      message: 'Cette offre n’est pas (ou plus) publiée : elle ne peut pas être proposée.',
    };
  if (await alreadyProposed(ctx.db, file.id, adult.id, opportunity.id))
    return {
      ok: false,
      field: 'opportunityId',
      message: `L’offre « ${opportunity.title} » a déjà été proposée à cet adulte.`,
    };
  const [created] = await ctx.db
    .insert(proposals)
    .values({
      fileId: file.id,
      memberId: adult.id,
      opportunityId: opportunity.id,
      note: input.note,
      proposedBy: actor.userId,
    })
    .returning();
  await recordFile(
    ctx.db,
    actor,
    file.id,
    'proposal.add',
    null,
    { proposalId: created.id, memberId: adult.id, opportunityId: opportunity.id, title: opportunity.title },
    ip,
  );
  await touchFile(ctx.db, file.id);
  if (file.email)
    await ctx.mailer.send({
      to: file.email,
      subject: 'Votre référent vous propose une offre',
      kind: 'welcome-proposal',
      text: [
        'Bonjour,',
        '',
        `Votre référent accueil vous propose une offre : « ${opportunity.title} ».`,
        '',
        'Pour la découvrir et lui dire si elle vous intéresse, ouvrez votre espace :',
        `${ctx.config.PUBLIC_URL}${spaceProposalsPath}`,
        '',
        'À bientôt,',
        ctx.siteName(),
      ].join('\n'),
    });
  return { ok: true };
}

/** The household answers a proposal; its referent (or whoever proposed it) is told by email. */
export async function respond(
  ctx: AppContext,
  file: NewcomerFile,
  proposal: ProposalRow,
  response: ProposalResponse,
  ip: string | null,
): Promise<void> {
  await ctx.db.update(proposals).set({ response }).where(eq(proposals.id, proposal.id));
  await recordFile(
    ctx.db,
    householdActor(file.reference),
    file.id,
    'proposal.respond',
    { response: proposal.response },
    { proposalId: proposal.id, response },
    ip,
  );
  await touchFile(ctx.db, file.id);
  const to = await one<{ email: string }>(
    ctx.db,
    sql`select u.email from users u
        where u.status = 'active' and u.id = coalesce(${file.referentId}::uuid, (select proposed_by from file_proposals where id = ${proposal.id}))`,
  );
  if (!to) return;
  const answer = response === 'interested' ? 'est intéressé par' : 'n’est pas intéressé par';
  await ctx.mailer.send({
    to: to.email,
    subject: `Dossier ${file.reference} : réponse à une offre proposée`,
    kind: 'welcome-proposal-response',
    text: [
      'Bonjour,',
      '',
      `Le foyer du dossier ${file.reference} ${answer} l’offre « ${proposal.title ?? 'proposée'} ».`,
      '',
      'Voir le dossier :',
      `${ctx.config.PUBLIC_URL}${filePath(file.id, 'emploi')}`,
    ].join('\n'),
  });
}
