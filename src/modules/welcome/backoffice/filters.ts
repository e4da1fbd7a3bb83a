/**
 * The filters of the files list, the board and the exports: read from the query string (a GET form, so every
 * view is a link), checked against what exists and what the actor may pick; anything invalid is dropped with
 * a French message for the field, never a 500.
 */
import type { FieldErrors } from '../../../core/http/index.js';
import { pageNumber } from '../../../core/http/index.js';
import { type ProjectKind, projectKinds } from '../schema.js';
import type { Choices } from './choices.js';

export const progressValues = { 'en-cours': 'open', installe: 'settled', clos: 'closed' } as const;
export type Progress = keyof typeof progressValues;
export const progressLabels: Record<Progress, string> = {
  'en-cours': 'En cours d’accompagnement',
  installe: 'Installés (suivi)',
  clos: 'Clos',
};

export const sortLabels = {
  activite: 'Dernière activité',
  depot: 'Date de dépôt',
  nom: 'Nom du foyer',
  etape: 'Étape',
} as const;
export type Sort = keyof typeof sortLabels;
export type Direction = 'asc' | 'desc';
/** Newest first for dates, A to Z for names and stages: what a person expects without choosing. */
const defaultDirection: Record<Sort, Direction> = {
  activite: 'desc',
  depot: 'desc',
  nom: 'asc',
  etape: 'asc',
};

/** The Département's queue in the EPCI filter: files no EPCI leads. */
export const noEpci = 'departement';

export interface FileFilters {
  q?: string;
  stageId?: string;
  /** An EPCI code, or `noEpci`. */
  epci?: string;
  /** 'moi', 'aucun' or a user id. */
  referent?: string;
  project?: ProjectKind;
  profile?: string;
  progress?: Progress;
  sort: Sort;
  direction: Direction;
  page: number;
}

/** Query-string names, in the order links write them. */
export const filterKeys = ['q', 'etape', 'epci', 'referent', 'projet', 'profil', 'avancement'] as const;

const messages = {
  q: 'Saisissez 100 caractères au plus.',
  etape: 'Choisissez une étape dans la liste.',
  epci: 'Choisissez une intercommunalité dans la liste.',
  referent: 'Choisissez un référent dans la liste.',
  projet: 'Choisissez un type de projet dans la liste.',
  profil: 'Choisissez un profil dans la liste.',
  avancement: 'Choisissez un avancement dans la liste.',
  tri: 'Choisissez un tri dans la liste.',
  ordre: 'Choisissez l’ordre croissant ou décroissant.',
};

export interface ParsedFilters {
  filters: FileFilters;
  /** One French message per dropped parameter. */
  errors: FieldErrors | null;
  /** What the form shows again (valid values only). */
  values: Record<string, string>;
}

const first = (value: unknown): string | undefined => {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v.trim() : undefined;
};

export function parseFilters(query: unknown, choices: Choices): ParsedFilters {
  const raw = (query ?? {}) as Record<string, unknown>;
  const errors: FieldErrors = {};
  const values: Record<string, string> = {};
  const take = (key: keyof typeof messages, valid: (v: string) => boolean): string | undefined => {
    const v = first(raw[key]);
    if (!v) return undefined;
    if (!valid(v)) {
      errors[key] = messages[key];
      return undefined;
    }
    values[key] = v;
    return v;
  };
  const q = take('q', (v) => v.length <= 100);
  const stageId = take('etape', (v) => choices.stages.some((s) => s.id === v));
  const epci = take('epci', (v) => v === noEpci || choices.epcis.some((e) => e.code === v));
  const referent = take(
    'referent',
    (v) => v === 'moi' || v === 'aucun' || choices.referents.some((r) => r.id === v),
  );
  const project = take('projet', (v) => (projectKinds as readonly string[]).includes(v)) as
    | ProjectKind
    | undefined;
  const profile = take('profil', (v) => choices.profiles.some((p) => p.slug === v));
  const progress = take('avancement', (v) => Object.hasOwn(progressValues, v)) as Progress | undefined;
  const sort = (take('tri', (v) => Object.hasOwn(sortLabels, v)) ?? 'activite') as Sort;
  const direction = (take('ordre', (v) => v === 'asc' || v === 'desc') ??
    defaultDirection[sort]) as Direction;
  return {
    filters: {
      q,
      stageId,
      epci,
      referent,
      project,
      profile,
      progress,
      sort,
      direction,
      page: pageNumber(first(raw.page)),
    },
    errors: Object.keys(errors).length ? errors : null,
    values,
  };
}

/** The query-string values of the filters (not sort nor page), for links and exports that keep them. */
export function filterParams(f: FileFilters): Record<string, string | undefined> {
  return {
    q: f.q,
    etape: f.stageId,
    epci: f.epci,
    referent: f.referent,
    projet: f.project,
    profil: f.profile,
    avancement: f.progress,
  };
}

/** Sort parameters, written only when they differ from the default (short, stable links). */
export function sortParams(f: FileFilters): Record<string, string | undefined> {
  const sortChanged = f.sort !== 'activite';
  return {
    tri: sortChanged ? f.sort : undefined,
    ordre: f.direction !== defaultDirection[f.sort] ? f.direction : undefined,
  };
}

/** A query string from the non-empty values, for links that keep the current filters. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Whether any filter narrows the list (the empty-state message differs). */
export const isFiltered = (f: FileFilters) => Object.values(filterParams(f)).some(Boolean);
