import { contractTypeCodes, priceBandCodes, sectorCodes } from '../kinds.js';
import { opportunityKinds } from '../schema.js';
import type { SearchFilters, SearchSort } from './types.js';

/** Filters with nothing chosen: every public opportunity, by relevance (newest when there is no text). */
export const emptyFilters: SearchFilters = {
  q: '',
  kinds: [],
  epcis: [],
  commune: null,
  radiusKm: null,
  contractTypes: [],
  sectors: [],
  profiles: [],
  priceBands: [],
  wanted: false,
  openToCouples: false,
  sort: 'relevance',
  page: 1,
};

export const maxQueryLength = 200;
export const maxRadiusKm = 200;
export const maxPage = 1000;
/** More values than any list holds: a longer list is someone probing, not a person ticking boxes. */
const maxValues = 50;

const sortCodes: Record<string, SearchSort> = {
  pertinence: 'relevance',
  recent: 'newest',
  distance: 'distance',
};
const sortParams: Record<SearchSort, string> = {
  relevance: 'pertinence',
  newest: 'recent',
  distance: 'distance',
};

const sirenPattern = /^[0-9]{9}$/;
const inseePattern = /^[0-9][0-9AB][0-9]{3}$/;
const profilePattern = /^[a-z0-9][a-z0-9-]{0,59}$/;

/** Every value of a parameter: repeated (`type=job&type=housing`) and comma lists (`type=job,housing`) alike. */
function values(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  return list
    .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** The last value of a single-valued parameter (a repeated one keeps the last, as a form would send it). */
function single(raw: unknown): string | undefined {
  const list = Array.isArray(raw) ? raw : [raw];
  const last = list.filter((v) => typeof v === 'string' || typeof v === 'number').at(-1);
  return last === undefined ? undefined : String(last).trim();
}

const unique = <T>(list: T[]) => [...new Set(list)];

/** Keeps the values that pass `valid`; names what was dropped in one French message. */
function pick<T extends string>(
  raw: unknown,
  valid: (value: string) => boolean,
  message: (bad: string[]) => string,
  errors: Record<string, string>,
  param: string,
  normalise: (value: string) => string = (v) => v,
): T[] {
  const all = values(raw).map(normalise);
  const good = unique(all.filter(valid)) as T[];
  const bad = unique(all.filter((v) => !valid(v)));
  if (bad.length) errors[param] = message(bad.map((b) => (b.length > 40 ? `${b.slice(0, 40)}…` : b)));
  if (good.length > maxValues) {
    errors[param] = 'Trop de valeurs choisies : seules les premières sont prises en compte.';
    return good.slice(0, maxValues);
  }
  return good;
}

const quoted = (bad: string[]) => bad.map((b) => `« ${b} »`).join(', ');
const flag = (raw: unknown) => {
  const v = single(raw);
  return v === '1' || v === 'true' || v === 'oui' || v === 'on';
};

/**
 * Reads filters from a parsed query string (values may be strings or arrays). Unknown values are dropped with a
 * French message per parameter in `errors`; the search still runs with what is valid.
 */
export function parseFilters(query: Record<string, unknown>): {
  filters: SearchFilters;
  errors: Record<string, string>;
} {
  const errors: Record<string, string> = {};
  const q = query ?? {};
  const filters: SearchFilters = { ...emptyFilters };

  let text = (single(q.q) ?? '').replace(/\s+/g, ' ').trim();
  if (text.length > maxQueryLength) {
    errors.q = `La recherche est limitée à ${maxQueryLength} caractères : la fin a été ignorée.`;
    text = text.slice(0, maxQueryLength).trim();
  }
  filters.q = text;

  const kinds: readonly string[] = opportunityKinds;
  filters.kinds = pick(
    q.type,
    (v) => kinds.includes(v),
    (bad) => `Type d’opportunité inconnu : ${quoted(bad)}.`,
    errors,
    'type',
  );
  filters.epcis = pick(
    q.epci,
    (v) => sirenPattern.test(v),
    (bad) => `Intercommunalité invalide : ${quoted(bad)} (un numéro SIREN de 9 chiffres est attendu).`,
    errors,
    'epci',
  );
  const communes = pick<string>(
    q.commune,
    (v) => inseePattern.test(v),
    (bad) => `Commune invalide : ${quoted(bad)} (un code INSEE de 5 caractères est attendu).`,
    errors,
    'commune',
    (v) => v.toUpperCase(),
  );
  if (communes.length > 1 && !errors.commune)
    errors.commune = 'Une seule commune à la fois : la première est retenue.';
  filters.commune = communes[0] ?? null;

  const radius = single(q.rayon);
  if (radius) {
    const km = Number(radius.replace(',', '.').replace(/\s*km$/i, ''));
    if (!Number.isFinite(km) || km < 1 || km > maxRadiusKm) {
      errors.rayon = `Le rayon doit être un nombre de kilomètres entre 1 et ${maxRadiusKm}.`;
    } else if (!filters.commune) {
      errors.rayon = 'Le rayon s’applique autour d’une commune : choisissez une commune.';
    } else {
      filters.radiusKm = Math.round(km);
    }
  }

  const contracts: readonly string[] = contractTypeCodes;
  filters.contractTypes = pick(
    q.contrat,
    (v) => contracts.includes(v),
    (bad) => `Type de contrat inconnu : ${quoted(bad)}.`,
    errors,
    'contrat',
  );
  const sectorList: readonly string[] = sectorCodes;
  filters.sectors = pick(
    q.secteur,
    (v) => sectorList.includes(v),
    (bad) => `Secteur inconnu : ${quoted(bad)}.`,
    errors,
    'secteur',
  );
  filters.profiles = pick(
    q.profil,
    (v) => profilePattern.test(v),
    (bad) => `Profil invalide : ${quoted(bad)}.`,
    errors,
    'profil',
  );
  const bands: readonly string[] = priceBandCodes;
  filters.priceBands = pick(
    q.prix,
    (v) => bands.includes(v),
    (bad) => `Tranche de prix inconnue : ${quoted(bad)}.`,
    errors,
    'prix',
  );
  filters.wanted = flag(q.recherche);
  filters.openToCouples = flag(q.couple);

  const sort = single(q.tri);
  if (sort) {
    const known = sortCodes[sort];
    if (!known) errors.tri = `Tri inconnu : « ${sort.slice(0, 40)} » (pertinence, recent ou distance).`;
    else filters.sort = known;
  }

  const page = single(q.page);
  if (page) {
    const n = Number(page);
    if (!Number.isInteger(n) || n < 1 || n > maxPage) {
      errors.page = `Le numéro de page doit être un entier entre 1 et ${maxPage}.`;
    } else {
      filters.page = n;
    }
  }
  return { filters, errors };
}

/** The canonical query string of a search (defaults omitted, stable order), without the leading '?'. */
export function filtersToQuery(filters: SearchFilters, overrides: Partial<SearchFilters> = {}): string {
  const f = { ...filters, ...overrides };
  const params = new URLSearchParams();
  const list = (name: string, items: readonly string[]) => {
    for (const item of [...new Set(items)].sort()) params.append(name, item);
  };
  if (f.q.trim()) params.set('q', f.q.trim());
  list('type', f.kinds);
  list('epci', f.epcis);
  if (f.commune) {
    params.set('commune', f.commune);
    if (f.radiusKm) params.set('rayon', String(f.radiusKm));
  }
  list('contrat', f.contractTypes);
  list('secteur', f.sectors);
  list('profil', f.profiles);
  list('prix', f.priceBands);
  if (f.wanted) params.set('recherche', '1');
  if (f.openToCouples) params.set('couple', '1');
  if (f.sort !== 'relevance') params.set('tri', sortParams[f.sort]);
  if (f.page > 1) params.set('page', String(f.page));
  return params.toString();
}

/** True when any filter narrows the search (text, lists, place, flags); sort and page do not count. */
export function isFiltered(filters: SearchFilters): boolean {
  return filtersToQuery(filters, { sort: 'relevance', page: 1 }) !== '';
}
