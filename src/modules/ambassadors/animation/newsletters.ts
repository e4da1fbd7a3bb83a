/** Newsletters: drafts, their text as sent, and the send itself (once, whatever the number of clicks). */
import { eq, sql } from 'drizzle-orm';
import { type Actor, journalActor } from '../../../core/auth/index.js';
import type { AppContext } from '../../../core/context.js';
import { type Db, rows } from '../../../core/db/index.js';
import { record } from '../../../core/journal/index.js';
import { unsubscribePath } from '../paths.js';
import { ambassadorNewsletters } from '../schema.js';
import { issueAmbassadorToken } from '../tokens.js';
import { parseSegmentQuery, segmentRecipients } from './segment.js';

export type Newsletter = typeof ambassadorNewsletters.$inferSelect;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findNewsletter(db: Db, id: string): Promise<Newsletter | undefined> {
  if (!uuidPattern.test(id)) return undefined;
  const [row] = await db.select().from(ambassadorNewsletters).where(eq(ambassadorNewsletters.id, id));
  return row;
}

export interface NewsletterListRow extends Newsletter {
  sentByName: string | null;
}

export async function listNewsletters(db: Db): Promise<NewsletterListRow[]> {
  const list = await rows<NewsletterListRow>(
    db,
    sql`select n.id, n.subject, n.body, n.segment, n.recipients, n.sent_by as "sentBy", n.sent_at as "sentAt",
        n.created_at as "createdAt", u.name as "sentByName"
      from ambassador_newsletters n left join users u on u.id = n.sent_by
      order by n.sent_at desc nulls first, n.created_at desc limit 200`,
  );
  return list.map((n) => ({
    ...n,
    sentAt: n.sentAt ? new Date(n.sentAt) : null,
    createdAt: new Date(n.createdAt),
  }));
}

export async function saveDraft(
  db: Db,
  actor: Actor,
  draft: { id?: string; subject: string; body: string; segment: string },
): Promise<Newsletter | undefined> {
  const values = { subject: draft.subject, body: draft.body, segment: draft.segment };
  if (draft.id) {
    // A sent newsletter is history: only a draft may change.
    const [row] = await db
      .update(ambassadorNewsletters)
      .set(values)
      .where(sql`${ambassadorNewsletters.id} = ${draft.id} and ${ambassadorNewsletters.sentAt} is null`)
      .returning();
    return row;
  }
  const [row] = await db.insert(ambassadorNewsletters).values(values).returning();
  await record(db, {
    actor: journalActor(actor),
    action: 'ambassador.newsletter-draft',
    target: { type: 'ambassador-newsletter', id: row.id },
    after: { subject: row.subject, segment: row.segment },
  });
  return row;
}

/** The email as each ambassador receives it. */
export function newsletterText(name: string, body: string, unsubscribeUrl: string): string {
  return [
    `Bonjour ${name},`,
    '',
    body,
    '',
    '—',
    'Vous recevez cette lettre parce que vous êtes ambassadeur du Lot.',
    `Pour ne plus recevoir les lettres du réseau (vous restez ambassadeur) : ${unsubscribeUrl}`,
  ].join('\n');
}

/**
 * Sends a draft to its segment. The row is claimed first (sent_at set where it was null): a second click,
 * a reload or a concurrent POST finds it sent and sends nothing. Returns the recipient count, or null when
 * the newsletter had already been sent.
 */
export async function sendNewsletter(ctx: AppContext, actor: Actor, id: string): Promise<number | null> {
  const now = new Date();
  const [claimed] = await ctx.db
    .update(ambassadorNewsletters)
    .set({ sentAt: now, sentBy: actor.userId })
    .where(sql`${ambassadorNewsletters.id} = ${id} and ${ambassadorNewsletters.sentAt} is null`)
    .returning();
  if (!claimed) return null;
  const segment = parseSegmentQuery(claimed.segment);
  const recipients = await segmentRecipients(ctx.db, segment, ctx.config.AMBASSADOR_DORMANT_MONTHS, now);
  for (const r of recipients) {
    const token = await issueAmbassadorToken(ctx.db, r.id, 'unsubscribe');
    const url = `${ctx.config.PUBLIC_URL}${unsubscribePath(token)}`;
    await ctx.mailer.send({
      to: r.email,
      subject: claimed.subject,
      text: newsletterText(r.name, claimed.body, url),
      kind: 'ambassador.newsletter',
      headers: { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
  }
  await ctx.db
    .update(ambassadorNewsletters)
    .set({ recipients: recipients.length })
    .where(eq(ambassadorNewsletters.id, id));
  await record(ctx.db, {
    actor: journalActor(actor),
    action: 'ambassador.newsletter-send',
    target: { type: 'ambassador-newsletter', id },
    after: { subject: claimed.subject, segment: claimed.segment, recipients: recipients.length },
  });
  return recipients.length;
}
