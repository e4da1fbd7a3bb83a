/**
 * Erasure (RGPD art. 17): removes a file's personal data everywhere and keeps the row as an anonymous count
 * (status 'erased' with its places, stage, project kinds, profile, dates and settling commune), so the steering
 * counts stay right. One transaction: a file is erased whole or not at all.
 */
import { sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/index.js';
import type { AppContext } from '../../../core/context.js';
import { type Db, one } from '../../../core/db/index.js';
import type { JournalActor } from '../../../core/journal/index.js';
import { endFileSessions } from '../household-session.js';
import { recordFile, scrubFileJournal } from '../journal.js';

export async function eraseFile(ctx: AppContext, fileId: string, by: Actor | JournalActor): Promise<void> {
  const file = await one<{ status: string; email: string | null }>(
    ctx.db,
    sql`select status, email from newcomer_files where id = ${fileId}`,
  );
  if (!file || file.status === 'erased') return;
  await ctx.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    // Contact, free text and anything a person typed; kept: what counts need and nobody can be found by
    // (project kinds, business sector, places, timeline, how they heard of us, campaign, profile, stage, dates)
    // and the ambassador's code: it names the ambassador, not the household, and keeps their counts right.
    await db.execute(sql`update newcomer_files set
        contact_name = null, email = null, phone = null, project_note = null, heard_detail = null,
        housing_budget = null, closed_reason = null, inactivity_warned_at = null,
        status = 'erased', erased_at = now(), updated_at = now()
      where id = ${fileId}`);
    for (const table of [
      'file_members',
      'file_messages',
      'file_interactions',
      'file_tasks',
      'file_proposals',
      'file_housing_requests',
    ])
      await db.execute(sql`delete from ${sql.identifier(table)} where file_id = ${fileId}`);
    // Check-ins: unsent ones will never be sent; answered ones keep their numbers for the follow-up counts.
    await db.execute(sql`delete from file_checkins where file_id = ${fileId} and sent_at is null`);
    await db.execute(
      // The reason's category code (before « : ») is not personal and feeds the steering counts; the detail is.
      sql`update file_checkins set missing = null, left_reason = nullif(trim(split_part(left_reason, ':', 1)), ''), token_hash = null where file_id = ${fileId}`,
    );
    await db.execute(
      sql`update file_shares set revoked_at = now() where file_id = ${fileId} and revoked_at is null`,
    );
    await endFileSessions(db, fileId);
    await scrubFileJournal(db, fileId);
    // The household's own visits were journaled under its reference; their addresses are personal data too.
    await db.execute(
      sql`update journal set ip = null where target_type = 'file' and target_id = ${fileId} and actor_id is null`,
    );
    // The outbox is a delivery log: the emails sent to the household (links, notices) go with the file.
    // Emails to staff only ever name the file by its reference. Kept while another live file has the address.
    if (file.email)
      await db.execute(sql`delete from mail_outbox where lower(recipient) = lower(${file.email})
        and not exists (select 1 from newcomer_files o where lower(o.email) = lower(${file.email})
          and o.id <> ${fileId} and o.status <> 'erased')`);
    await recordFile(db, by, fileId, 'file.erase');
  });
  ctx.logger.info({ file: fileId }, 'newcomer file erased');
}
