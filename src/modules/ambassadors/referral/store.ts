/**
 * Visits through an ambassador's link, counted per day and medium: no IP, no identifier, nothing that tells
 * one visitor from another (schema: ambassador_referral_visits).
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { type Db, one, rows } from '../../../core/db/index.js';
import { findCommuneByCode } from '../../territory/index.js';
import { ambassadors } from '../schema.js';
import type { Ambassador } from '../session.js';

export type Medium = 'link' | 'qr';

/** What a code may look like (LOT-ABCDE, typed by hand in any case): anything else is unknown at once. */
const codePattern = /^[A-Za-z0-9_-]{1,40}$/;

/** The active, non-erased ambassador behind a link's code, or undefined (unknown, malformed, inactive). */
export async function findActiveByCode(db: Db, code: string): Promise<Ambassador | undefined> {
  if (!codePattern.test(code)) return undefined;
  const [row] = await db
    .select()
    .from(ambassadors)
    .where(
      and(
        eq(ambassadors.code, code.toUpperCase()),
        eq(ambassadors.status, 'active'),
        isNull(ambassadors.erasedAt),
      ),
    );
  return row;
}

/** One more visit today (Paris time) for this ambassador and medium. */
export async function countVisit(db: Db, ambassadorId: string, medium: Medium): Promise<void> {
  await db.execute(sql`insert into ambassador_referral_visits (ambassador_id, day, medium, visits)
    values (${ambassadorId}, (now() at time zone 'Europe/Paris')::date, ${medium}, 1)
    on conflict (ambassador_id, day, medium)
      do update set visits = ambassador_referral_visits.visits + 1`);
}

export interface VisitStats {
  total: number;
  last30: number;
  byMedium: Record<Medium, number>;
  /** Newest month first: 'YYYY-MM'. */
  byMonth: { month: string; link: number; qr: number }[];
}

export async function visitStats(db: Db, ambassadorId: string): Promise<VisitStats> {
  const totals = await one<{ total: number; last30: number; link: number; qr: number }>(
    db,
    sql`select coalesce(sum(visits), 0)::int as total,
          coalesce(sum(visits) filter (where day > (now() at time zone 'Europe/Paris')::date - 30), 0)::int as last30,
          coalesce(sum(visits) filter (where medium = 'link'), 0)::int as link,
          coalesce(sum(visits) filter (where medium = 'qr'), 0)::int as qr
        from ambassador_referral_visits where ambassador_id = ${ambassadorId}`,
  );
  const byMonth = await rows<{ month: string; link: number; qr: number }>(
    db,
    sql`select to_char(day, 'YYYY-MM') as month,
          coalesce(sum(visits) filter (where medium = 'link'), 0)::int as link,
          coalesce(sum(visits) filter (where medium = 'qr'), 0)::int as qr
        from ambassador_referral_visits where ambassador_id = ${ambassadorId}
        group by 1 order by 1 desc limit 24`,
  );
  return {
    total: totals?.total ?? 0,
    last30: totals?.last30 ?? 0,
    byMedium: { link: totals?.link ?? 0, qr: totals?.qr ?? 0 },
    byMonth,
  };
}

/** Where the ambassador lives, as the landing page says it: a Lot commune's name, else the city. */
export async function placeOf(db: Db, a: Ambassador): Promise<string | null> {
  if (a.communeCode) {
    const commune = await findCommuneByCode(db, a.communeCode);
    if (commune) return commune.name;
  }
  return a.city;
}

/** How the ambassador is named to visitors: a firm's or association's name, else the first name. */
export function publicName(a: Ambassador): string {
  if (a.kind !== 'person' && a.organisationName) return a.organisationName;
  return a.name.trim().split(/\s+/)[0] ?? a.name;
}
