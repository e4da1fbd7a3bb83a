import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows } from '../../../core/db/index.js';
import { reasonCode } from './answers.js';
import { checkinMonths } from './schedule.js';

export interface CheckinMonthCounts {
  months: number;
  scheduled: number;
  sent: number;
  answered: number;
  stillHere: { yes: number; no: number };
  /** Mean of the 1–5 answers, or null when nobody answered. */
  averageSatisfaction: number | null;
  /** Answers of those who left, by reason code (emploi, logement, services, isolement, famille, cout, autre). */
  leftReasons: Record<string, number>;
}

/**
 * Check-in counts for steering: anonymous, so erased files count too (erasure keeps months, dates, stillHere
 * and satisfaction). Filters: the file's EPCI, and the due date of the check-ins (from/to, YYYY-MM-DD, inclusive).
 */
export async function checkinCounts(
  db: Db,
  filters: { epciCode?: string; from?: string; to?: string } = {},
): Promise<CheckinMonthCounts[]> {
  const where: SQL[] = [sql`true`];
  if (filters.epciCode) where.push(sql`f.epci_code = ${filters.epciCode}`);
  if (filters.from) where.push(sql`c.due_on >= ${filters.from}::date`);
  if (filters.to) where.push(sql`c.due_on <= ${filters.to}::date`);
  const condition = sql.join(where, sql` and `);
  const totals = await rows<{
    months: number;
    scheduled: number;
    sent: number;
    answered: number;
    yes: number;
    no: number;
    average: string | number | null;
  }>(
    db,
    sql`select c.months, count(*)::int as scheduled, count(c.sent_at)::int as sent,
          count(c.answered_at)::int as answered,
          count(*) filter (where c.answered_at is not null and c.still_here)::int as yes,
          count(*) filter (where c.answered_at is not null and c.still_here = false)::int as no,
          avg(c.satisfaction) filter (where c.answered_at is not null) as average
        from file_checkins c join newcomer_files f on f.id = c.file_id
        where ${condition}
        group by c.months`,
  );
  const reasons = await rows<{ months: number; leftReason: string; count: number }>(
    db,
    sql`select c.months, trim(split_part(c.left_reason, ':', 1)) as "leftReason", count(*)::int as count
        from file_checkins c join newcomer_files f on f.id = c.file_id
        where ${condition} and c.answered_at is not null and c.still_here = false and c.left_reason is not null
        group by 1, 2`,
  );
  return checkinMonths.map((months) => {
    const t = totals.find((r) => Number(r.months) === months);
    const leftReasons: Record<string, number> = {};
    for (const r of reasons.filter((x) => Number(x.months) === months)) {
      const code = reasonCode(r.leftReason);
      if (code) leftReasons[code] = (leftReasons[code] ?? 0) + Number(r.count);
    }
    const average = t?.average == null ? null : Math.round(Number(t.average) * 100) / 100;
    return {
      months,
      scheduled: t?.scheduled ?? 0,
      sent: t?.sent ?? 0,
      answered: t?.answered ?? 0,
      stillHere: { yes: t?.yes ?? 0, no: t?.no ?? 0 },
      averageSatisfaction: average,
      leftReasons,
    };
  });
}
