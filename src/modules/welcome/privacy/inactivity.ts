/**
 * Retention. A file with no activity for 3 years is erased, after a warning email 30 days before: logging in
 * (or any staff or household action, see touchFile) keeps it. Intakes never sent are erased after 90 days
 * without an email: the household only started a form, was told at its start that an unsent project is
 * deleted after 90 days, and a reminder would be the kind of mail it never asked for. Files merged into
 * another are erased after 3 years without a warning (the household is warned through the file kept).
 */
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.js';
import { rows } from '../../../core/db/index.js';
import { systemActor } from '../../../core/journal/index.js';
import { purgeExpiredHouseholdSessions } from '../household-session.js';
import { recordFile } from '../journal.js';
import { spaceBase } from '../paths.js';
import { eraseFile } from './erase.js';

export const inactivityYears = 3;
export const warningDays = 30;
export const abandonedIntakeDays = 90;
const dayMs = 24 * 60 * 60 * 1000;

const yearsBefore = (now: Date, years: number) => {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d;
};

export async function inactivityJob(
  ctx: AppContext,
  now = new Date(),
): Promise<{ warned: number; erased: number; abandoned: number }> {
  const at = (d: Date) => d.toISOString();
  const limit = yearsBefore(now, inactivityYears);
  const warnBefore = new Date(limit.getTime() + warningDays * dayMs);
  const warnedBefore = new Date(now.getTime() - warningDays * dayMs);
  const abandonedBefore = new Date(now.getTime() - abandonedIntakeDays * dayMs);

  // Abandoned intakes first, so a forgotten form never gets the 3-year warning.
  const abandoned = await rows<{ id: string }>(
    ctx.db,
    sql`select id from newcomer_files
        where status = 'intake' and last_activity_at < ${at(abandonedBefore)}::timestamptz`,
  );
  for (const f of abandoned) await eraseFile(ctx, f.id, systemActor);

  // Warned more than 30 days ago and still no activity since the warning (touchFile clears the warning too).
  const expired = await rows<{ id: string }>(
    ctx.db,
    sql`select id from newcomer_files
        where status in ('open', 'intake') and inactivity_warned_at <= ${at(warnedBefore)}::timestamptz
          and last_activity_at < inactivity_warned_at
        union
        select id from newcomer_files
        where status <> 'erased' and merged_into is not null and last_activity_at < ${at(limit)}::timestamptz`,
  );
  for (const f of expired) await eraseFile(ctx, f.id, systemActor);

  const toWarn = await rows<{ id: string; reference: string; email: string | null }>(
    ctx.db,
    sql`update newcomer_files set inactivity_warned_at = ${at(now)}::timestamptz
        where status in ('open', 'intake') and merged_into is null and inactivity_warned_at is null
          and last_activity_at < ${at(warnBefore)}::timestamptz
        returning id, reference, email`,
  );
  const link = `${ctx.config.PUBLIC_URL}${spaceBase}`;
  for (const f of toWarn) {
    await recordFile(ctx.db, systemActor, f.id, 'file.inactivity-warning');
    // Without an address nobody can be told: the file is erased in 30 days all the same.
    if (!f.email) continue;
    await ctx.mailer.send({
      to: f.email,
      kind: 'welcome.inactivity-warning',
      subject: `Votre dossier ${f.reference} sera supprimé dans ${warningDays} jours`,
      text: [
        'Bonjour,',
        '',
        `Votre dossier d’installation ${f.reference} n’a connu aucune activité depuis bientôt ${inactivityYears} ans.`,
        `Pour protéger vos données, il sera supprimé dans ${warningDays} jours, sauf si vous vous connectez à votre espace d’ici là :`,
        link,
        '',
        'Si votre projet est derrière vous, vous n’avez rien à faire.',
        '',
        `— ${ctx.siteName()}`,
      ].join('\n'),
    });
  }

  await purgeExpiredHouseholdSessions(ctx.db);
  const result = { warned: toWarn.length, erased: expired.length, abandoned: abandoned.length };
  if (result.warned || result.erased || result.abandoned) ctx.logger.info(result, 'welcome inactivity purge');
  return result;
}
