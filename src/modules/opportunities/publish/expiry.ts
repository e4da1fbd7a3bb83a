/**
 * Expiry: published opportunities past their date leave the site (status expired, journaled, the owner told),
 * and owners are warned a week before, once per expiry date. Imported offers have no owner: they expire
 * silently. Both take `now` so tests and the daily jobs share one code path.
 */
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../../core/db/index.js';
import { systemActor } from '../../../core/journal/index.js';
import { setStatus } from '../store.js';
import { type MailSite, mailOwner } from './mail.js';

/** Days before expiry when the owner is warned. */
export const warningDays = 7;

interface Due {
  id: string;
  title: string;
  ownerId: string | null;
  expiresAt: Date | string;
}

/** Expires what is published and past its date; returns how many expired. */
export async function expireOpportunities(db: Db, site: MailSite, now: Date): Promise<number> {
  const due = await rows<Due>(
    db,
    sql`select id, title, owner_id as "ownerId", expires_at as "expiresAt" from opportunities
        where status = 'published' and expires_at <= ${now.toISOString()}::timestamptz
        order by expires_at, id`,
  );
  let count = 0;
  for (const o of due) {
    const after = await setStatus(db, systemActor, o.id, 'expired');
    if (!after) continue;
    count++;
    await mailOwner(db, site, 'expired', o);
  }
  return count;
}

/**
 * Warns the owners of what expires within the week. A warning counts for the expiry date it was sent for:
 * sent at w for a date e, so w ≥ e − 7 days; once the date is pushed further than w + 7 days, the new date
 * gets its own warning, without anyone resetting a flag.
 */
export async function warnBeforeExpiry(db: Db, site: MailSite, now: Date): Promise<number> {
  const at = now.toISOString();
  const due = await rows<Due>(
    db,
    sql`select id, title, owner_id as "ownerId", expires_at as "expiresAt" from opportunities
        where status = 'published' and owner_id is not null
          and expires_at > ${at}::timestamptz
          and expires_at <= ${at}::timestamptz + make_interval(days => ${warningDays})
          and (expiry_warned_at is null
               or expiry_warned_at < expires_at - make_interval(days => ${warningDays}))
        order by expires_at, id`,
  );
  let count = 0;
  for (const o of due) {
    // Marked first: a failed send is visible in the outbox, and a retry never sends twice.
    await db.execute(sql`update opportunities set expiry_warned_at = ${at}::timestamptz where id = ${o.id}`);
    if (await mailOwner(db, site, 'expiry_warning', o)) count++;
  }
  return count;
}
