import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.js';
import { type Db, one } from '../../../core/db/index.js';
import { assignFile } from '../assignment/index.js';
import { findFile, type NewcomerFile, touchFile } from '../files.js';
import { issueMagicLink } from '../household-session.js';
import { householdActor, recordFile } from '../journal.js';
import { newcomerFiles } from '../schema.js';
import { type Contact, confirmationMessage } from './mails.js';
import { reachedIndex, type StepSlug, stepIndex, submittedStep } from './steps.js';
import { listConsents, listOfferedPartners } from './store.js';

export type SubmitResult = { ok: true; file: NewcomerFile } | { ok: false; step: StepSlug; message?: string };

/** Who will contact the household: the lead organisation (or the Département's queue) and the referent. */
export async function whoContacts(db: Db, file: NewcomerFile): Promise<Contact> {
  const row = await one<{ organisation: string | null; referent: string | null }>(
    db,
    sql`select
          coalesce((select name from organisations where id = ${file.leadOrganisationId}),
                   (select name from organisations where kind = 'departement' order by name limit 1)) as organisation,
          (select name from users where id = ${file.referentId}) as referent`,
  );
  return {
    organisationName: row?.organisation ?? 'Le réseau d’accueil',
    referentName: row?.referent ?? null,
  };
}

/**
 * Sends the project: the file becomes 'open' at the first stage, is journaled, then assigned by the rules.
 * If assignment fails the file stays sent, unassigned: the Département's queue (every file without a lead)
 * picks it up, so the household is still told it is received. Returns the page to go back to when an answer
 * is missing.
 */
export async function submitFile(
  ctx: AppContext,
  file: NewcomerFile,
  ip: string | null,
): Promise<SubmitResult> {
  if (reachedIndex(file.intakeStep) < stepIndex('recapitulatif'))
    return { ok: false, step: file.intakeStep as StepSlug };
  const [consents, partners] = await Promise.all([
    listConsents(ctx.db, file.id),
    listOfferedPartners(ctx.db),
  ]);
  const required = partners.filter((p) => p.kind === 'departement').map((p) => p.organisationId);
  if (required.some((id) => !consents.some((c) => c.organisationId === id && !c.withdrawnAt)))
    return { ok: false, step: 'consentement', message: 'Votre accord pour le Département est nécessaire.' };

  const stage = await one<{ id: string }>(
    ctx.db,
    sql`select id from file_stages where active order by position limit 1`,
  );
  const [sent] = await ctx.db
    .update(newcomerFiles)
    .set({ status: 'open', submittedAt: sql`now()`, stageId: stage?.id ?? null, intakeStep: submittedStep })
    .where(and(eq(newcomerFiles.id, file.id), eq(newcomerFiles.status, 'intake')))
    .returning();
  // Sent twice (a double click, two tabs): the first one did the work.
  if (!sent) return { ok: true, file: (await findFile(ctx.db, file.id)) ?? file };
  await recordFile(
    ctx.db,
    householdActor(file.reference),
    file.id,
    'file.submitted',
    { status: 'intake' },
    {
      status: 'open',
      stageId: stage?.id ?? null,
    },
    ip,
  );
  await touchFile(ctx.db, file.id);
  try {
    await assignFile(ctx, file.id);
  } catch (error) {
    ctx.logger.error(
      { err: error, file: file.id },
      'assignment failed: the file waits in the Département’s queue',
    );
  }
  const assigned = (await findFile(ctx.db, file.id)) ?? sent;
  const contact = await whoContacts(ctx.db, assigned);
  const link = await issueMagicLink(ctx, file.id);
  await ctx.mailer.send(confirmationMessage(ctx, assigned, contact, link));
  return { ok: true, file: assigned };
}
