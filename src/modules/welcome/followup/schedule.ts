import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../core/db/index.js';
import { systemActor } from '../../../core/journal/index.js';
import { recordFile } from '../journal.js';
import { checkins } from '../schema.js';

/** Months after settling when the household is asked how it is going. */
export const checkinMonths = [3, 6, 12, 24] as const;

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Adds calendar months to a YYYY-MM-DD date, clamping to the last day of the target month
 * (31 January + 1 month = 28 or 29 February), so no check-in drifts into the following month.
 */
export function addMonths(date: string, months: number): string {
  const match = isoDate.exec(date);
  if (!match) throw new Error(`addMonths: not a YYYY-MM-DD date: ${date}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const d = Math.min(day, lastDay);
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Check-ins at 3, 6, 12 and 24 months after settledOn (YYYY-MM-DD); replaces unsent ones. */
export async function scheduleCheckins(db: Db, fileId: string, settledOn: string): Promise<void> {
  // A re-settled file (new date) reschedules what has not gone out; what was sent or answered is history.
  await db
    .delete(checkins)
    .where(and(eq(checkins.fileId, fileId), isNull(checkins.sentAt), isNull(checkins.answeredAt)));
  const kept = await db.select({ months: checkins.months }).from(checkins).where(eq(checkins.fileId, fileId));
  const keptMonths = new Set(kept.map((k) => k.months));
  const due = checkinMonths
    .filter((m) => !keptMonths.has(m))
    .map((months) => ({ fileId, months, dueOn: addMonths(settledOn, months) }));
  if (due.length > 0) await db.insert(checkins).values(due);
  await recordFile(db, systemActor, fileId, 'checkin.schedule', null, {
    settledOn,
    checkins: due.map((d) => ({ months: d.months, dueOn: d.dueOn })),
  });
}

/** Drops unsent check-ins (the file left 'settled', was closed or erased). */
export async function cancelCheckins(db: Db, fileId: string): Promise<void> {
  const deleted = await db
    .delete(checkins)
    .where(and(eq(checkins.fileId, fileId), isNull(checkins.sentAt), isNull(checkins.answeredAt)))
    .returning({ months: checkins.months, dueOn: checkins.dueOn });
  if (deleted.length === 0) return;
  await recordFile(db, systemActor, fileId, 'checkin.cancel', null, {
    checkins: deleted.sort((a, b) => a.months - b.months),
  });
}
