/** The directory's filters and queries: one SQL filter shared by the table, its count and the CSV export. */
import { type SQL, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { type Db, one, rows } from '../../../core/db/index.js';
import { parseForm } from '../../../core/http/index.js';
import { type AmbassadorStatus, ambassadorStatuses, ambassadorWillings } from '../schema.js';

export const DirectoryQuery = Type.Object({
  statut: Type.Optional(Type.Enum(ambassadorStatuses)),
  chapitre: Type.Optional(Type.String({ maxLength: 100, pattern: '^[a-z0-9-]+$' })),
  commune: Type.Optional(Type.String({ pattern: '^[0-9][0-9AB][0-9]{3}$' })),
  volontaire: Type.Optional(Type.Enum(ambassadorWillings)),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  page: Type.Optional(Type.String({ maxLength: 10 })),
});
const messages = {
  statut: 'Choisissez un statut dans la liste.',
  chapitre: 'Choisissez un chapitre dans la liste.',
  commune: 'Choisissez une commune dans la liste.',
  volontaire: 'Choisissez un engagement dans la liste.',
  q: 'Saisissez 200 caractères au plus.',
  page: 'Le numéro de page n’est pas valide.',
};

export interface DirectoryFilters {
  status?: AmbassadorStatus;
  chapter?: string;
  commune?: string;
  willing?: string;
  q?: string;
}

export interface Choices {
  chapters: { slug: string; name: string }[];
  communes: { code: string; name: string }[];
}

export async function directoryChoices(db: Db): Promise<Choices> {
  const [chapters, communes] = await Promise.all([
    rows<{ slug: string; name: string }>(
      db,
      sql`select slug, name from ambassador_chapters order by position, name`,
    ),
    rows<{ code: string; name: string }>(
      db,
      sql`select code, name from communes where departement_code = '46' order by name`,
    ),
  ]);
  return { chapters, communes };
}

/** The query string checked against the schema and the reference lists: unknown values are errors, not 500s. */
export function parseDirectoryQuery(query: unknown, choices: Choices) {
  const parsed = parseForm(DirectoryQuery, query, messages);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const errors: Record<string, string> = {};
  if (v.chapitre && !choices.chapters.some((c) => c.slug === v.chapitre)) errors.chapitre = messages.chapitre;
  if (v.commune && !choices.communes.some((c) => c.code === v.commune)) errors.commune = messages.commune;
  if (Object.keys(errors).length)
    return { ok: false as const, errors, values: query as Record<string, string> };
  const filters: DirectoryFilters = {
    status: v.statut,
    chapter: v.chapitre,
    commune: v.commune,
    willing: v.volontaire,
    q: v.q,
  };
  return { ok: true as const, filters, page: v.page };
}

/** Filters back to the query string, for pagination links and the export link. */
export const filterParams = (f: DirectoryFilters) => ({
  statut: f.status,
  chapitre: f.chapter,
  commune: f.commune,
  volontaire: f.willing,
  q: f.q,
});

function where(f: DirectoryFilters): SQL {
  const parts: SQL[] = [sql`a.erased_at is null`];
  // Unconfirmed sign-ups are noise until their email is confirmed: only the « pending » filter shows them.
  parts.push(f.status ? sql`a.status = ${f.status}` : sql`a.status <> 'pending'`);
  if (f.chapter) parts.push(sql`a.chapter_slug = ${f.chapter}`);
  if (f.commune) parts.push(sql`a.commune_code = ${f.commune}`);
  if (f.willing) parts.push(sql`${f.willing} = any(a.willing)`);
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(sql`f_unaccent(lower(concat_ws(' ', a.name, a.organisation_name, a.trade,
      array_to_string(a.skills, ' ')))) like f_unaccent(lower(${pattern}))`);
  }
  return sql.join(parts, sql` and `);
}

export interface DirectoryRow {
  id: string;
  name: string;
  organisationName: string | null;
  email: string;
  phone: string | null;
  kind: string;
  tie: string;
  communeName: string | null;
  city: string | null;
  country: string | null;
  chapterName: string | null;
  willing: string[];
  skills: string[];
  trade: string | null;
  status: AmbassadorStatus;
  code: string;
  lastActivityAt: Date;
  createdAt: Date;
}

const columns = sql`a.id, a.name, a.organisation_name as "organisationName", a.email, a.phone, a.kind, a.tie,
  c.name as "communeName", a.city, a.country, ch.name as "chapterName", a.willing, a.skills, a.trade, a.status,
  a.code, a.last_activity_at as "lastActivityAt", a.created_at as "createdAt"`;
const from = sql`from ambassadors a left join communes c on c.code = a.commune_code
  left join ambassador_chapters ch on ch.slug = a.chapter_slug`;

export async function listDirectory(db: Db, f: DirectoryFilters, page: { limit: number; offset: number }) {
  const [items, total] = await Promise.all([
    rows<DirectoryRow>(
      db,
      sql`select ${columns} ${from} where ${where(f)}
        order by a.last_activity_at desc, a.id limit ${page.limit} offset ${page.offset}`,
    ),
    one<{ n: number }>(db, sql`select count(*)::int as n from ambassadors a where ${where(f)}`),
  ]);
  return { items: items.map(dated), total: total?.n ?? 0 };
}

export async function countSubmitted(db: Db): Promise<number> {
  const r = await one<{ n: number }>(
    db,
    sql`select count(*)::int as n from ambassadors where status = 'submitted' and erased_at is null`,
  );
  return r?.n ?? 0;
}

// PGlite and node-postgres may hand timestamps back as strings in raw SQL.
const dated = (r: DirectoryRow): DirectoryRow => ({
  ...r,
  lastActivityAt: new Date(r.lastActivityAt),
  createdAt: new Date(r.createdAt),
});

export const whereLabel = (r: { communeName: string | null; city: string | null; country: string | null }) =>
  r.communeName ?? ([r.city, r.country].filter(Boolean).join(', ') || '—');
