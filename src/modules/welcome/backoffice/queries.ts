/**
 * The queries of the files list, the board and the exports. Every one starts from `fileScope(actor)`: a file
 * the actor may not see is never listed, counted nor exported. Files still in the intake (not submitted) are
 * the household's draft, not a file yet: never listed.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/index.js';
import { type Db, rows } from '../../../core/db/index.js';
import { fileScope } from '../access.js';
import { filesCache } from '../files-version.js';
import { type FileFilters, noEpci, progressValues } from './filters.js';

/** LIKE wildcards in what a person typed are literal. */
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Lowercase ASCII words, as `f_unaccent(lower(…))` then punctuation to spaces gives in SQL. */
export function foldName(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9@.]+/g, ' ')
    .trim();
}

/** Digits of a phone number, French style: +33 / 0033 become the leading 0. */
export function phoneDigits(text: string): string {
  return text.replace(/\D/g, '').replace(/^(0033|33)(?=\d{9}$)/, '0');
}

/**
 * Everything a search looks into, folded into one text: name, email, reference (with and without its dash) and
 * the phone's digits. One expression, so one trigram index can serve it (see the bench notes); the search
 * term is folded the same way (`foldName`, `phoneDigits`).
 */
export const searchHaystack = sql.raw(
  `regexp_replace(f_unaccent(lower(coalesce(f.contact_name, '') || ' ' || coalesce(f.email, '') || ' ' || f.reference || ' ' || replace(f.reference, '-', '') || ' ' || regexp_replace(regexp_replace(coalesce(f.phone, ''), '\\D', '', 'g'), '^(0033|33)(?=\\d{9}$)', '0'))), '[^a-z0-9@.]+', ' ', 'g')`,
);

/** Reference, name, email or phone, whatever the accents, the case and the spacing of a phone number. */
function searchCondition(q: string): SQL {
  const digits = phoneDigits(q);
  const term = digits.length >= 4 && /^[\d\s.+()-]+$/.test(q) ? digits : foldName(q);
  // Only punctuation: nothing to look for (an empty pattern would match every file).
  if (!term) return sql`false`;
  return sql`${searchHaystack} like ${`%${likeEscape(term)}%`}`;
}

/**
 * The condition on files aliased `f`. `withoutStage` leaves the stage filter out: the stage counts (facets)
 * and the board's columns are computed across stages.
 */
export function filesWhere(actor: Actor, f: FileFilters, options: { withoutStage?: boolean } = {}): SQL {
  const parts: SQL[] = [sql`f.status = 'open'`, fileScope(actor)];
  if (f.stageId && !options.withoutStage) parts.push(sql`f.stage_id = ${f.stageId}`);
  if (f.epci === noEpci) parts.push(sql`f.epci_code is null`);
  else if (f.epci) parts.push(sql`f.epci_code = ${f.epci}`);
  if (f.referent === 'moi') parts.push(sql`f.referent_id = ${actor.userId}`);
  else if (f.referent === 'aucun') parts.push(sql`f.referent_id is null`);
  else if (f.referent) parts.push(sql`f.referent_id = ${f.referent}`);
  if (f.project) parts.push(sql`${f.project} = any(f.project_kinds)`);
  if (f.profile) parts.push(sql`f.target_profile = ${f.profile}`);
  if (f.progress) {
    const kind = progressValues[f.progress];
    const inKind = sql`f.stage_id in (select id from file_stages where kind = ${kind})`;
    parts.push(kind === 'open' ? sql`(f.stage_id is null or ${inKind})` : inKind);
  }
  if (f.q) parts.push(searchCondition(f.q));
  return sql.join(parts, sql` and `);
}

/** ORDER BY of the list and the exports; the id breaks ties so pages never repeat or skip a file. */
function orderBy(f: FileFilters): SQL {
  const dir = sql.raw(f.direction === 'asc' ? 'asc' : 'desc');
  switch (f.sort) {
    case 'depot':
      return sql`f.submitted_at ${dir} nulls last, f.id ${dir}`;
    case 'nom':
      return sql`f_unaccent(lower(coalesce(f.contact_name, ''))) ${dir}, f.id ${dir}`;
    case 'etape':
      return sql`(select position from file_stages st where st.id = f.stage_id) ${dir} nulls last, f.last_activity_at desc, f.id desc`;
    default:
      return sql`f.last_activity_at ${dir}, f.id ${dir}`;
  }
}

export interface FileRow {
  id: string;
  reference: string;
  contactName: string | null;
  email: string | null;
  phone: string | null;
  stageName: string | null;
  stageKind: 'open' | 'settled' | 'closed' | null;
  epciName: string | null;
  communeNames: string[];
  placeEpciNames: string[];
  placeUnknown: boolean;
  projectKinds: string[];
  targetProfile: string | null;
  referentName: string | null;
  leadOrganisationName: string | null;
  submittedAt: Date | null;
  lastActivityAt: Date;
  openTasks: number;
}

/**
 * One page of files (or the export's rows). The page of ids is chosen first, by the filters and the sort
 * alone, so the names, places and task counts are looked up for those rows only.
 */
export async function listFiles(
  db: Db,
  actor: Actor,
  f: FileFilters,
  page: { limit: number; offset: number },
): Promise<FileRow[]> {
  const found = await rows<FileRow>(
    db,
    sql`with page as (
          select f.id from newcomer_files f where ${filesWhere(actor, f)}
          order by ${orderBy(f)} limit ${page.limit} offset ${page.offset}
        )
        select f.id, f.reference, f.contact_name as "contactName", f.email, f.phone,
          s.name as "stageName", s.kind as "stageKind", e.name as "epciName",
          (select coalesce(array_agg(c.name order by c.name), '{}') from communes c
            where c.code = any(f.place_communes)) as "communeNames",
          (select coalesce(array_agg(pe.name order by pe.name), '{}') from epcis pe
            where pe.code = any(f.place_epcis)) as "placeEpciNames",
          f.place_unknown as "placeUnknown", f.project_kinds as "projectKinds",
          f.target_profile as "targetProfile", u.name as "referentName", o.name as "leadOrganisationName",
          f.submitted_at as "submittedAt", f.last_activity_at as "lastActivityAt",
          (select count(*)::int from file_tasks t where t.file_id = f.id and t.done_at is null) as "openTasks"
        from page p
        join newcomer_files f on f.id = p.id
        left join file_stages s on s.id = f.stage_id
        left join epcis e on e.code = f.epci_code
        left join users u on u.id = f.referent_id
        left join organisations o on o.id = f.lead_organisation_id
        order by ${orderBy(f)}`,
  );
  return found.map((r) => ({
    ...r,
    submittedAt: r.submittedAt ? new Date(r.submittedAt) : null,
    lastActivityAt: new Date(r.lastActivityAt),
    openTasks: Number(r.openTasks),
    communeNames: r.communeNames ?? [],
    placeEpciNames: r.placeEpciNames ?? [],
    projectKinds: r.projectKinds ?? [],
  }));
}

/**
 * How many files of the actor's scope match the filters, per stage (the stage filter left out). The total
 * is their sum, or the chosen stage's count: one grouped query gives both.
 */
export async function countByStage(
  db: Db,
  actor: Actor,
  f: FileFilters,
): Promise<Map<string | null, number>> {
  // Counting a referent's 10 000 files costs more than the rest of the page: counted once per change of the
  // files (files-version.ts), per person and filters (the page, the sort and the stage do not change them).
  const { page: _page, sort: _sort, direction: _direction, stageId: _stage, ...counted } = f;
  const key = `${actor.userId}|${actor.role}|${actor.organisationId}|${JSON.stringify(counted)}`;
  const found = await filesCache(db).get(key, () =>
    rows<{ stageId: string | null; n: number }>(
      db,
      sql`select f.stage_id as "stageId", count(*)::int as n from newcomer_files f
          where ${filesWhere(actor, f, { withoutStage: true })} group by f.stage_id`,
    ),
  );
  return new Map(found.map((r) => [r.stageId, Number(r.n)]));
}

export function totalOf(counts: Map<string | null, number>, f: FileFilters): number {
  if (f.stageId) return counts.get(f.stageId) ?? 0;
  let total = 0;
  for (const n of counts.values()) total += n;
  return total;
}
