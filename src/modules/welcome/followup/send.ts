import { sql } from 'drizzle-orm';
import { type Actor, hashToken, newToken } from '../../../core/auth/index.js';
import type { AppContext } from '../../../core/context.js';
import { rows } from '../../../core/db/index.js';
import { type JournalActor, systemActor } from '../../../core/journal/index.js';
import { recordFile } from '../journal.js';
import { checkinPath } from '../paths.js';

/** What sending a check-in needs (a subset of AppContext, so tests can pass theirs). */
export type CheckinDeps = Pick<AppContext, 'db' | 'mailer' | 'config' | 'siteName'>;

export const checkinSubject = 'Comment se passe votre installation ?';

/** Today in Paris, as YYYY-MM-DD: a check-in due "today" goes out on the household's calendar day. */
export function parisDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

const monthsLabel = (months: number) =>
  months === 12 ? 'un an' : months === 24 ? 'deux ans' : `${months} mois`;

interface Recipient {
  id: string;
  fileId: string;
  months: number;
  email: string;
  contactName: string | null;
  communeName: string | null;
}

function checkinText(deps: CheckinDeps, to: Recipient, token: string): string {
  const where = to.communeName ? ` à ${to.communeName}` : ' dans le Lot';
  return [
    to.contactName ? `Bonjour ${to.contactName},` : 'Bonjour,',
    '',
    `Il y a environ ${monthsLabel(to.months)}, vous vous êtes installés${where}. Nous aimerions savoir comment les choses se passent pour vous.`,
    '',
    'Quatre questions, deux minutes : vos réponses arrivent à l’équipe qui vous a accompagnés et nous aident à mieux accueillir les prochains arrivants.',
    '',
    `Répondre au questionnaire : ${deps.config.PUBLIC_URL}${checkinPath(token)}`,
    '',
    'Ce lien vous est personnel : ne le transférez pas. Si vous ne souhaitez pas répondre, ignorez simplement ce message.',
    '',
    '—',
    `L’équipe ${deps.siteName()}`,
  ].join('\n');
}

/**
 * Gives the check-in a fresh token (the previous link stops working), emails it and journals it. The update
 * claims the row first, so two runs never email the same check-in twice.
 */
async function sendOne(
  deps: CheckinDeps,
  to: Recipient,
  actor: Actor | JournalActor,
  resend: boolean,
  now: Date,
): Promise<boolean> {
  const token = newToken();
  const claim = resend
    ? sql`update file_checkins set token_hash = ${hashToken(token)}, sent_at = ${now.toISOString()}::timestamptz
          where id = ${to.id} and sent_at is not null and answered_at is null returning id`
    : sql`update file_checkins set token_hash = ${hashToken(token)}, sent_at = ${now.toISOString()}::timestamptz
          where id = ${to.id} and sent_at is null and answered_at is null returning id`;
  const claimed = await rows<{ id: string }>(deps.db, claim);
  if (claimed.length === 0) return false;
  await deps.mailer.send({
    to: to.email,
    subject: checkinSubject,
    text: checkinText(deps, to, token),
    kind: 'welcome-checkin',
  });
  await recordFile(deps.db, actor, to.fileId, resend ? 'checkin.resend' : 'checkin.send', null, {
    months: to.months,
  });
  return true;
}

const recipientColumns = sql`c.id, c.file_id as "fileId", c.months, f.email, f.contact_name as "contactName",
  co.name as "communeName"`;

/**
 * The daily job: every check-in due by today (Paris), not sent yet, of a live file with an email. When several
 * of one file are due at once (a settling date entered late), only the latest goes out: the older ones are
 * dropped, asking the same household twice on the same day would make no sense.
 */
export async function sendDueCheckins(deps: CheckinDeps, now = new Date()): Promise<number> {
  const today = parisDate(now);
  const due = await rows<Recipient & { dueOn: string }>(
    deps.db,
    sql`select ${recipientColumns}, c.due_on::text as "dueOn"
        from file_checkins c
        join newcomer_files f on f.id = c.file_id
        left join communes co on co.code = f.settled_commune_code
        where c.due_on <= ${today}::date and c.sent_at is null and c.answered_at is null
          and f.status = 'open' and f.merged_into is null and f.email is not null and f.email <> ''
        order by c.file_id, c.months desc`,
  );
  let sent = 0;
  const seen = new Set<string>();
  for (const row of due) {
    if (seen.has(row.fileId)) {
      const dropped = await rows(
        deps.db,
        sql`delete from file_checkins where id = ${row.id} and sent_at is null returning id`,
      );
      if (dropped.length)
        await recordFile(deps.db, systemActor, row.fileId, 'checkin.skip', null, { months: row.months });
      continue;
    }
    seen.add(row.fileId);
    if (await sendOne(deps, row, systemActor, false, now)) sent++;
  }
  return sent;
}

/** Staff « Renvoyer le questionnaire »: a sent, unanswered check-in gets a new link. */
export async function resendCheckin(
  deps: CheckinDeps,
  actor: Actor,
  fileId: string,
  checkinId: string,
  now = new Date(),
): Promise<'sent' | 'no-email' | 'unavailable'> {
  const [row] = await rows<Recipient & { sentAt: Date | null; answeredAt: Date | null }>(
    deps.db,
    sql`select ${recipientColumns}, c.sent_at as "sentAt", c.answered_at as "answeredAt"
        from file_checkins c
        join newcomer_files f on f.id = c.file_id
        left join communes co on co.code = f.settled_commune_code
        where c.id::text = ${checkinId} and c.file_id = ${fileId}`,
  );
  if (!row?.sentAt || row.answeredAt) return 'unavailable';
  if (!row.email) return 'no-email';
  return (await sendOne(deps, row, actor, true, now)) ? 'sent' : 'unavailable';
}
