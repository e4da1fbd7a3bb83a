import { filtersToQuery, parseFilters, type SearchFilters } from '../search/index.js';

/** The query parameters of a search, shared with the search page (see search/types.ts). */
export const filterParams = [
  'q',
  'type',
  'epci',
  'commune',
  'rayon',
  'contrat',
  'secteur',
  'profil',
  'prix',
  'recherche',
  'couple',
  'tri',
  'page',
] as const;
/** What the API adds: the page size and the facet counts. */
export const apiParams = [...filterParams, 'per_page', 'facets'] as const;

export const defaultPerPage = 20;
export const maxPerPage = 100;

export interface ApiQuery {
  filters: SearchFilters;
  perPage: number;
  facets: boolean;
}

const yes = ['1', 'true', 'oui', 'on'];
const no = ['0', 'false', 'non', 'off', ''];

/** The last value of a parameter, as a form or a hand-typed URL would send it. */
function last(raw: unknown): string | undefined {
  const list = Array.isArray(raw) ? raw : [raw];
  const value = list.filter((v) => typeof v === 'string' || typeof v === 'number').at(-1);
  return value === undefined ? undefined : String(value).trim();
}

/** A yes/no parameter: the API refuses what it cannot read rather than guess. */
function flag(raw: unknown, param: string, errors: Record<string, string>): boolean {
  const value = last(raw);
  if (value === undefined) return false;
  const lower = value.toLowerCase();
  if (yes.includes(lower)) return true;
  if (!no.includes(lower))
    errors[param] = `Valeur invalide pour « ${param} » : 1 (oui) ou 0 (non) est attendu.`;
  return false;
}

/**
 * Reads the API's query string: the search filters (parseFilters, exactly as the search page), the page
 * size and facets. Unlike the page, which searches with what it understands, the API refuses any faulty or
 * unknown parameter: a program must learn its mistake instead of receiving another search than it asked.
 */
export function parseApiQuery(
  query: Record<string, unknown>,
): { ok: true; value: ApiQuery } | { ok: false; errors: Record<string, string> } {
  const q = query ?? {};
  const { filters, errors } = parseFilters(q);
  const known: readonly string[] = apiParams;
  for (const name of Object.keys(q)) {
    if (!known.includes(name)) {
      const shown = name.length > 40 ? `${name.slice(0, 40)}…` : name;
      errors[shown] = `Paramètre inconnu « ${shown} ». Paramètres acceptés : ${apiParams.join(', ')}.`;
    }
  }
  flag(q.recherche, 'recherche', errors);
  flag(q.couple, 'couple', errors);
  const facets = flag(q.facets, 'facets', errors);

  let perPage = defaultPerPage;
  const size = last(q.per_page);
  if (size !== undefined) {
    const n = Number(size);
    if (size === '' || !Number.isInteger(n) || n < 1 || n > maxPerPage) {
      errors.per_page = `Le nombre de résultats par page doit être un entier entre 1 et ${maxPerPage}.`;
    } else {
      perPage = n;
    }
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { filters, perPage, facets } };
}

/** The canonical URL of a page of API results (same parameters, another page). */
export function apiListUrl(publicUrl: string, query: ApiQuery, page: number): string {
  const params = new URLSearchParams(filtersToQuery(query.filters, { page }));
  if (query.perPage !== defaultPerPage) params.set('per_page', String(query.perPage));
  if (query.facets) params.set('facets', '1');
  const qs = params.toString();
  return `${publicUrl}/api/v1/opportunities${qs ? `?${qs}` : ''}`;
}

/** One French sentence out of the messages of every faulty parameter. */
export function errorSummary(errors: Record<string, string>): string {
  const count = Object.keys(errors).length;
  const head = count > 1 ? `${count} paramètres sont invalides` : 'Un paramètre est invalide';
  return `${head} : ${Object.values(errors).join(' ')}`;
}
