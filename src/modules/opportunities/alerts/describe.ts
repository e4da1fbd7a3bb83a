import type { Db } from '../../../core/db/index.js';
import { listProfiles } from '../../content/index.js';
import { findCommuneByCode, listEpcis } from '../../territory/index.js';
import { contractTypes, kindPluralLabels, labelOf, priceBands, sectors } from '../kinds.js';
import type { SearchFilters } from '../search/index.js';

/** Names of the places and profiles a search refers to by code. */
export interface FilterNames {
  epcis: Map<string, string>;
  communes: Map<string, string>;
  profiles: Map<string, string>;
}

/** Loads the names a search's codes need (only the commune it names; EPCIs and profiles are short lists). */
export async function loadFilterNames(db: Db, filters: SearchFilters): Promise<FilterNames> {
  const [epcis, commune, profiles] = await Promise.all([
    filters.epcis.length ? listEpcis(db) : [],
    filters.commune ? findCommuneByCode(db, filters.commune) : undefined,
    filters.profiles.length ? listProfiles(db) : [],
  ]);
  return {
    epcis: new Map(epcis.map((e) => [e.code, e.name])),
    communes: new Map(commune ? [[commune.code, commune.name]] : []),
    profiles: new Map(profiles.map((p) => [p.slug, p.name])),
  };
}

/** "a", "a et b", "a, b et c": how a French sentence lists choices. */
function joinFrench(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`;
}

/**
 * The search in French, one part per filter, in the order of the search form. Codes without a known name
 * (an EPCI since merged, a profile renamed) show as their code rather than vanishing from the summary.
 */
export function describeFilterParts(filters: SearchFilters, names: FilterNames): string[] {
  const parts: string[] = [];
  parts.push(
    filters.kinds.length
      ? joinFrench(filters.kinds.map((k) => kindPluralLabels[k]))
      : 'Toutes les opportunités',
  );
  if (filters.q) parts.push(`contenant « ${filters.q} »`);
  if (filters.commune) {
    const name = names.communes.get(filters.commune) ?? `la commune ${filters.commune}`;
    parts.push(filters.radiusKm ? `à moins de ${filters.radiusKm} km de ${name}` : `à ${name}`);
  }
  if (filters.epcis.length) {
    const list = filters.epcis.map((code) => names.epcis.get(code) ?? code);
    parts.push(
      `${filters.epcis.length > 1 ? 'intercommunalités' : 'intercommunalité'} : ${joinFrench(list)}`,
    );
  }
  if (filters.contractTypes.length)
    parts.push(`contrat : ${joinFrench(filters.contractTypes.map((c) => labelOf(contractTypes, c)))}`);
  if (filters.sectors.length)
    parts.push(`secteur : ${joinFrench(filters.sectors.map((s) => labelOf(sectors, s)))}`);
  if (filters.profiles.length)
    parts.push(`profil : ${joinFrench(filters.profiles.map((p) => names.profiles.get(p) ?? p))}`);
  if (filters.priceBands.length)
    parts.push(`prix : ${joinFrench(filters.priceBands.map((p) => labelOf(priceBands, p)))}`);
  if (filters.wanted) parts.push('métiers recherchés');
  if (filters.openToCouples) parts.push('ouvertes aux couples');
  return parts;
}

/** The search as one French line, e.g. "Offres d’emploi, contenant « infirmier », à moins de 20 km de Cahors". */
export function describeFilters(filters: SearchFilters, names: FilterNames): string {
  return describeFilterParts(filters, names).join(', ');
}

/** A stored canonical query string as the record parseFilters reads (repeated parameters become lists). */
export function queryRecord(query: string): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(query)) {
    const previous = record[key];
    record[key] =
      previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return record;
}
