/** The staff's roll-ups of attribution: per ambassador, per chapter, in total (counts only). */
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../../core/db/index.js';
import { type AttributionCount, attributionCounts } from '../../welcome/index.js';

export interface AmbassadorImpact extends AttributionCount {
  id: string;
  name: string | null;
  erased: boolean;
  chapter: string | null;
  visits: number;
}

export interface ImpactRollup {
  totals: { visits: number; contacts: number; files: number; settled: number };
  /** Files carrying a code no ambassador has (a code mistyped in the intake): counted apart. */
  unknownCodes: { contacts: number; files: number; settled: number };
  ambassadors: AmbassadorImpact[];
  chapters: { chapter: string; visits: number; contacts: number; files: number; settled: number }[];
}

const zero = () => ({ visits: 0, contacts: 0, files: 0, settled: 0 });

export async function impactRollup(db: Db): Promise<ImpactRollup> {
  const [people, counts] = await Promise.all([
    rows<{
      id: string;
      code: string;
      name: string | null;
      erased: boolean;
      chapter: string | null;
      visits: number;
    }>(
      db,
      sql`select a.id, a.code, coalesce(a.organisation_name, a.name) as name, a.erased_at is not null as erased,
            c.name as chapter, coalesce(v.visits, 0)::int as visits
          from ambassadors a
            left join ambassador_chapters c on c.slug = a.chapter_slug
            left join (select ambassador_id, sum(visits) as visits from ambassador_referral_visits
                       group by ambassador_id) v on v.ambassador_id = a.id`,
    ),
    attributionCounts(db),
  ]);
  const byCode = new Map(counts.map((c) => [c.code, c]));
  const ambassadors: AmbassadorImpact[] = people.map((p) => {
    const c = byCode.get(p.code) ?? { code: p.code, contacts: 0, files: 0, settled: 0 };
    return {
      ...c,
      id: p.id,
      name: p.erased ? null : p.name,
      erased: p.erased,
      chapter: p.chapter,
      visits: p.visits,
    };
  });
  const known = new Set(people.map((p) => p.code));
  const totals = zero();
  const unknownCodes = { contacts: 0, files: 0, settled: 0 };
  for (const a of ambassadors) {
    totals.visits += a.visits;
    totals.contacts += a.contacts;
    totals.files += a.files;
    totals.settled += a.settled;
  }
  for (const c of counts)
    if (!known.has(c.code)) {
      unknownCodes.contacts += c.contacts;
      unknownCodes.files += c.files;
      unknownCodes.settled += c.settled;
    }
  const chapters = new Map<string, ReturnType<typeof zero>>();
  for (const a of ambassadors) {
    const key = a.chapter ?? 'Sans chapitre';
    const sum = chapters.get(key) ?? zero();
    sum.visits += a.visits;
    sum.contacts += a.contacts;
    sum.files += a.files;
    sum.settled += a.settled;
    chapters.set(key, sum);
  }
  ambassadors.sort((x, y) => y.files - x.files || y.contacts - x.contacts || y.visits - x.visits);
  return {
    totals,
    unknownCodes,
    ambassadors,
    chapters: [...chapters.entries()]
      .map(([chapter, sum]) => ({ chapter, ...sum }))
      .sort((x, y) => y.files - x.files || x.chapter.localeCompare(y.chapter, 'fr')),
  };
}

/** « N foyers installés grâce aux ambassadeurs »: households settled with a code some ambassador has. */
export async function settledThanksToAmbassadors(db: Db): Promise<number> {
  const [codes, counts] = await Promise.all([
    rows<{ code: string }>(db, sql`select code from ambassadors`),
    attributionCounts(db),
  ]);
  const known = new Set(codes.map((c) => c.code));
  return counts.reduce((n, c) => n + (known.has(c.code) ? c.settled : 0), 0);
}
