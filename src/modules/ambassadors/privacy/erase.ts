/**
 * Erasure (RGPD art. 17): clears an ambassador's personal data everywhere and keeps the row as an anonymous
 * count (code, chapter, commune, dates, referral visits), so visits and attributions still add up. One
 * transaction: an ambassador is erased whole or not at all. The photo's stored file goes after the commit.
 */
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.js';
import { type Db, one } from '../../../core/db/index.js';
import { deleteStoredFile } from '../../../core/files/index.js';
import { bumpDataVersion } from '../../../core/http/index.js';
import type { JournalActor } from '../../../core/journal/index.js';
import { recordAmbassador } from '../journal.js';
import { endAllSessions } from '../session.js';

/** The name an erased ambassador keeps (the column is NOT NULL, so is the email: an empty string). */
export const erasedName = 'Ambassadeur effacé';

export async function eraseAmbassadorData(ctx: AppContext, id: string, actor: JournalActor): Promise<void> {
  const a = await one<{ email: string; photo_file_id: string | null; erased_at: Date | null }>(
    ctx.db,
    sql`select email, photo_file_id, erased_at from ambassadors where id = ${id}`,
  );
  if (!a || a.erased_at) return;
  await ctx.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    await db.execute(sql`update ambassadors set
        name = ${erasedName}, email = '', phone = null, organisation_name = null, city = null, country = null,
        trade = null, portrait_text = null, refused_reason = null, portrait_opt_in = false,
        photo_file_id = null, skills = '{}', languages = '{}', interests = '{}', children_ages = '{}',
        newsletter_opt_out = true, status = 'left', erased_at = now(), updated_at = now()
      where id = ${id}`);
    await db.execute(
      sql`update ambassador_mission_participations set report = null where ambassador_id = ${id}`,
    );
    // The ambassador is gone: no pairing of theirs goes on (the household sees it ended).
    await db.execute(sql`update ambassador_buddy_pairings set ended_at = now(), updated_at = now()
      where ambassador_id = ${id} and ended_at is null`);
    await endAllSessions(db, id);
    // Before/after values of their record may hold their name, address, phone: only the actions stay.
    await db.execute(
      sql`update journal set diff = null where target_type = 'ambassador' and target_id = ${id}`,
    );
    await db.execute(
      sql`update journal set ip = null where target_type = 'ambassador' and target_id = ${id} and actor_id is null`,
    );
    // The outbox is a delivery log: emails sent to the ambassador go, unless another live record has the address.
    if (a.email)
      await db.execute(sql`delete from mail_outbox where lower(recipient) = lower(${a.email})
        and not exists (select 1 from ambassadors o where lower(o.email) = lower(${a.email})
          and o.id <> ${id} and o.erased_at is null)`);
    await recordAmbassador(db, actor, id, 'ambassador.erase');
  });
  // After the commit: a rolled-back erasure must not have lost the photo. Its row and bytes go together.
  if (a.photo_file_id) await deleteStoredFile(ctx, a.photo_file_id);
  await bumpDataVersion(ctx.db);
  ctx.logger.info({ ambassador: id }, 'ambassador erased');
}
