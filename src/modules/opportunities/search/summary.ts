import { formatNumber } from '../../../core/views/index.js';
import { contractTypes, kindPluralLabels, labelOf, priceBands, sectors } from '../kinds.js';
import { filtersToQuery, isFiltered } from './filters.js';
import type { SearchReference } from './reference.js';
import type { SearchFilters } from './types.js';

export const searchPath = '/opportunites';

/** The search page's URL for these filters (page 1 unless told). */
export function searchHref(filters: SearchFilters, overrides: Partial<SearchFilters> = {}): string {
  const query = filtersToQuery(filters, { page: 1, ...overrides });
  return query ? `${searchPath}?${query}` : searchPath;
}

export const wantedLabel = 'Profils très recherchés';
export const couplesLabel = 'Ouvert aux couples';
/** Radius steps offered in the form and to widen an empty search. */
export const radiusSteps = [5, 10, 20, 30, 50, 100, 200];

/** One chosen filter, in words, with the address of the same search without it. */
export interface ActiveFilter {
  label: string;
  removeHref: string;
}

const without = <T>(list: T[], value: T) => list.filter((v) => v !== value);

/** Every chosen filter, each removable on its own. */
export function activeFilters(f: SearchFilters, ref: SearchReference): ActiveFilter[] {
  const out: ActiveFilter[] = [];
  const add = (label: string, change: Partial<SearchFilters>) =>
    out.push({ label, removeHref: searchHref(f, change) });
  if (f.q) add(`Texte « ${f.q} »`, { q: '' });
  for (const k of f.kinds) add(kindPluralLabels[k], { kinds: without(f.kinds, k) });
  if (f.commune) {
    const name = ref.communeNames.get(f.commune) ?? f.commune;
    add(f.radiusKm ? `À ${f.radiusKm} km autour de ${name}` : `Commune : ${name}`, {
      commune: null,
      radiusKm: null,
      sort: f.sort === 'distance' ? 'relevance' : f.sort,
    });
  }
  for (const e of f.epcis) add(ref.epciNames.get(e) ?? e, { epcis: without(f.epcis, e) });
  for (const c of f.contractTypes)
    add(labelOf(contractTypes, c), { contractTypes: without(f.contractTypes, c) });
  for (const s of f.sectors) add(labelOf(sectors, s), { sectors: without(f.sectors, s) });
  for (const p of f.profiles)
    add(`Profil : ${ref.profileNames.get(p) ?? p}`, { profiles: without(f.profiles, p) });
  for (const b of f.priceBands)
    add(`Prix : ${labelOf(priceBands, b)}`, { priceBands: without(f.priceBands, b) });
  if (f.wanted) add(wantedLabel, { wanted: false });
  if (f.openToCouples) add(couplesLabel, { openToCouples: false });
  return out;
}

/** Ways out of an empty result: a wider circle, a circle around a lone commune. */
export function widenings(f: SearchFilters, ref: SearchReference): ActiveFilter[] {
  if (!f.commune) return [];
  const name = ref.communeNames.get(f.commune) ?? f.commune;
  const wider = radiusSteps.find((step) => step > (f.radiusKm ?? 0) && step >= 20);
  if (!wider) return [];
  return [
    {
      label: f.radiusKm
        ? `Élargir à ${wider} km autour de ${name}`
        : `Chercher à ${wider} km autour de ${name}`,
      removeHref: searchHref(f, { radiusKm: wider }),
    },
  ];
}

/** The page's title: what is searched, where, which page. */
export function searchTitle(f: SearchFilters, ref: SearchReference): string {
  const what = f.kinds.length === 1 ? kindPluralLabels[f.kinds[0]] : 'Opportunités';
  const parts = [what];
  if (f.q) parts.push(`« ${f.q} »`);
  if (f.commune) {
    const name = ref.communeNames.get(f.commune) ?? f.commune;
    parts.push(f.radiusKm ? `à ${f.radiusKm} km de ${name}` : `à ${name}`);
  } else if (f.epcis.length === 1) {
    parts.push(`— ${ref.epciNames.get(f.epcis[0]) ?? f.epcis[0]}`);
  }
  const title = isFiltered(f)
    ? parts.join(' ')
    : `Opportunités : emplois, reprises, locaux et logements${ref.departement.name ? ` (${ref.departement.name})` : ''}`;
  return f.page > 1 ? `${title} (page ${f.page})` : title;
}

/** The meta description: the count and the chosen filters in words. */
export function searchDescription(f: SearchFilters, ref: SearchReference, total: number): string {
  const count =
    total === 0
      ? 'Aucune opportunité'
      : `${formatNumber(total)} ${total > 1 ? 'opportunités' : 'opportunité'}`;
  const chosen = activeFilters(f, ref).map((a) => a.label);
  const where = ref.departement.name ? ` (${ref.departement.name})` : '';
  return chosen.length
    ? `${count}${where} : ${chosen.join(', ')}.`
    : `${count}${where} : offres d’emploi, entreprises à reprendre, locaux pour créer et logements temporaires, en une seule recherche.`;
}
