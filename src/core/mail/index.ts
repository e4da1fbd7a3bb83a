import { desc, eq, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db } from '../db/index.js';
import { mailOutbox } from './schema.js';

export { mailOutbox };

export interface Message {
  to: string;
  subject: string;
  text: string;
  html?: string;
  kind?: string;
  /**
   * Extra headers for the SMTP delivery (e.g. List-Unsubscribe on digests). The outbox keeps the message,
   * not its headers.
   */
  headers?: Record<string, string>;
}

export interface Mailer {
  send(message: Message): Promise<{ id: string; status: string }>;
}

/**
 * Every message is written to the outbox first, so nothing is lost and administrators can see what left.
 * With SMTP configured it is then sent and marked sent (or failed, with the reason).
 */
export function createMailer(db: Db, options: { smtpUrl: string; from: string }): Mailer {
  const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  return {
    async send(message) {
      const [row] = await db
        .insert(mailOutbox)
        .values({
          recipient: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          kind: message.kind ?? 'message',
          status: transport ? 'queued' : 'stored',
        })
        .returning({ id: mailOutbox.id });
      if (!transport) return { id: row.id, status: 'stored' };
      try {
        await transport.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          ...(message.headers ? { headers: message.headers } : {}),
        });
        await db
          .update(mailOutbox)
          .set({ status: 'sent', sentAt: sql`now()` })
          .where(eq(mailOutbox.id, row.id));
        return { id: row.id, status: 'sent' };
      } catch (error) {
        await db
          .update(mailOutbox)
          .set({ status: 'failed', error: String((error as Error).message).slice(0, 500) })
          .where(eq(mailOutbox.id, row.id));
        return { id: row.id, status: 'failed' };
      }
    },
  };
}

export async function listOutbox(db: Db, options: { limit: number; offset: number; recipient?: string }) {
  const where = options.recipient ? eq(mailOutbox.recipient, options.recipient.toLowerCase()) : undefined;
  const items = await db
    .select()
    .from(mailOutbox)
    .where(where)
    .orderBy(desc(mailOutbox.createdAt))
    .limit(options.limit)
    .offset(options.offset);
  const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(mailOutbox).where(where);
  return { items, total: count };
}

export async function findOutboxMessage(db: Db, id: string) {
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return row;
}
