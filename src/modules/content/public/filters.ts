import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../../core/db/index.js';
import { pageNumber } from '../../../core/http/index.js';
import { listProfiles } from '../brand.js';
import { kindBases } from '../paths.js';
import type { PublicFilter } from '../queries.js';
import { isPublic } from '../queries.js';
import type { ContentKind } from '../schema.js';
import { isTheme, themeName, themes } from '../themes.js';

/** The listing pages: one per kind with a public list (events have their calendar, pages stand alone). */
export const listedKinds = ['story', 'success', 'news'] as const;
export type ListedKind = (typeof listedKinds)[number];

/** What a listing's query string chose: `profil`, `theme`, `epci` (SIREN), `commune` (INSEE), `page`. */
export interface ListFilters {
  profile: string | null;
  theme: string | null;
  epci: string | null;
  commune: string | null;
  page: number;
}

export type FilterName = 'profil' | 'theme' | 'epci' | 'commune';

export interface Option {
  value: string;
  label: string;
}

/** The choices a filter form offers: every profile, theme and EPCI; the communes the public content names. */
export interface FilterOptions {
  profiles: Option[];
  themes: Option[];
  epcis: Option[];
  communes: Option[];
}

const first = (value: unknown): string => {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v.trim() : '';
};

export async function filterOptions(db: Db, kind: ContentKind): Promise<FilterOptions> {
  const [profiles, epcis, communes] = await Promise.all([
    listProfiles(db),
    rows<Option>(db, sql`select code as value, name as label from epcis order by name`),
    rows<Option>(
      db,
      sql`select distinct m.code as value, m.name as label from contents c
          join communes m on m.code = any(c.commune_codes)
          where ${isPublic()} and c.kind = ${kind} order by m.name`,
    ),
  ]);
  return {
    profiles: profiles.map((p) => ({ value: p.slug, label: p.name })),
    themes: themes.map((t) => ({ value: t.slug, label: t.name })),
    epcis,
    communes,
  };
}

/**
 * Reads a listing's query string. A value that names nothing known is not applied: it comes back as a French
 * message shown at its field (the page answers 400 and lists as if that filter were empty), never a 500.
 */
export async function parseListFilters(
  db: Db,
  query: Record<string, unknown>,
  options: FilterOptions,
): Promise<{ filters: ListFilters; errors: Partial<Record<FilterName, string>> }> {
  const errors: Partial<Record<FilterName, string>> = {};
  const filters: ListFilters = { profile: null, theme: null, epci: null, commune: null, page: 1 };
  const profile = first(query.profil);
  if (profile) {
    if (options.profiles.some((p) => p.value === profile)) filters.profile = profile;
    else errors.profil = 'Ce profil n’existe pas : choisissez-en un dans la liste.';
  }
  const theme = first(query.theme);
  if (theme) {
    if (isTheme(theme)) filters.theme = theme;
    else errors.theme = 'Ce thème n’existe pas : choisissez-en un dans la liste.';
  }
  const epci = first(query.epci);
  if (epci) {
    if (options.epcis.some((e) => e.value === epci)) filters.epci = epci;
    else errors.epci = 'Cette intercommunalité n’existe pas ici : choisissez-en une dans la liste.';
  }
  const commune = first(query.commune);
  if (commune) {
    const known =
      /^[0-9][0-9AB][0-9]{3}$/.test(commune) &&
      (await rows(db, sql`select 1 from communes where code = ${commune}`)).length > 0;
    if (known) filters.commune = commune;
    else
      errors.commune = 'Cette commune n’existe pas ici : indiquez le code INSEE d’une commune du territoire.';
  }
  filters.page = pageNumber(first(query.page) || 1);
  return { filters, errors };
}

export function toPublicFilter(kind: ContentKind, f: ListFilters): PublicFilter {
  return {
    kinds: [kind],
    ...(f.profile ? { profile: f.profile } : {}),
    ...(f.theme ? { theme: f.theme } : {}),
    ...(f.epci ? { epciCode: f.epci } : {}),
    ...(f.commune ? { communeCode: f.commune } : {}),
  };
}

/** A listing's URL with these filters (empty ones left out), e.g. « /recits?profil=jeunes&page=2 ». */
export function listHref(kind: ContentKind, f: Partial<ListFilters>): string {
  const params = new URLSearchParams();
  if (f.profile) params.set('profil', f.profile);
  if (f.theme) params.set('theme', f.theme);
  if (f.epci) params.set('epci', f.epci);
  if (f.commune) params.set('commune', f.commune);
  if (f.page && f.page > 1) params.set('page', String(f.page));
  const qs = params.toString();
  return qs ? `${kindBases[kind]}?${qs}` : kindBases[kind];
}

/** Where a tag links: the list of the same kind (a page's tags lead to the stories), filtered on that tag. */
export const tagListKind = (kind: ContentKind): ListedKind =>
  (listedKinds as readonly string[]).includes(kind) ? (kind as ListedKind) : 'story';

export { themeName };
