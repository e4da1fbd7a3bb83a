import type { AppContext } from '../../../core/context.js';
import { listCommunes, listEpcis, slugify } from '../../territory/index.js';

/** The territory as the place step needs it: intercommunalities, and communes by code and by typed name. */
export interface Places {
  epcis: { code: string; name: string; communeCount: number }[];
  communes: { code: string; name: string; epciCode: string | null }[];
  byCode: Map<string, { code: string; name: string; epciCode: string | null }>;
  communeEpci: Map<string, string | null>;
}

export async function loadPlaces(ctx: AppContext): Promise<Places> {
  const [epcis, communes] = await Promise.all([listEpcis(ctx.db), listCommunes(ctx.db)]);
  const list = communes.map((c) => ({ code: c.code, name: c.name, epciCode: c.epciCode }));
  const counts = new Map<string, number>();
  for (const c of list) if (c.epciCode) counts.set(c.epciCode, (counts.get(c.epciCode) ?? 0) + 1);
  return {
    epcis: epcis
      .map((e) => ({ code: e.code, name: e.name, communeCount: counts.get(e.code) ?? 0 }))
      .filter((e) => e.communeCount > 0),
    communes: list,
    byCode: new Map(list.map((c) => [c.code, c])),
    communeEpci: new Map(list.map((c) => [c.code, c.epciCode])),
  };
}

/**
 * A commune from what was typed: its name with or without accents, hyphens or case, optionally followed by a
 * postal code in brackets ("Saint-Cirq-Lapopie", "st cirq lapopie", "Cahors (46000)").
 */
export function findCommuneByName(places: Places, typed: string) {
  const key = slugify(typed.replace(/\(.*\)\s*$/, ''))
    .replace(/^st-/, 'saint-')
    .replace(/-st-/g, '-saint-');
  if (!key) return undefined;
  return places.communes.find((c) => slugify(c.name) === key);
}
