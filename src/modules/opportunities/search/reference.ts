import type { Db } from '../../../core/db/index.js';
import { listProfiles } from '../../content/index.js';
import { getDepartement, listCommunes, listEpcis, type MapShape } from '../../territory/index.js';

/** What the search page names and draws: communes, EPCIs, target profiles, the département's outline. */
export interface SearchReference {
  communes: { code: string; name: string; lon: number; lat: number }[];
  communeNames: Map<string, string>;
  epcis: { code: string; name: string }[];
  epciNames: Map<string, string>;
  profiles: { slug: string; name: string }[];
  profileNames: Map<string, string>;
  departement: { name: string; outline: MapShape['outline'] | null };
}

/** Reference data changes with a seed or an editor's rare edit: a minute's delay is fine. */
const ttlMs = 60_000;
const cache = new WeakMap<Db, { at: number; value: Promise<SearchReference> }>();

export function searchReference(db: Db): Promise<SearchReference> {
  const cached = cache.get(db);
  if (cached && Date.now() - cached.at < ttlMs) return cached.value;
  const value = load(db);
  cache.set(db, { at: Date.now(), value });
  value.catch(() => cache.delete(db));
  return value;
}

async function load(db: Db): Promise<SearchReference> {
  const [communeRows, epciRows, profileRows, departement] = await Promise.all([
    listCommunes(db),
    listEpcis(db),
    listProfiles(db),
    getDepartement(db),
  ]);
  const communes = communeRows.map((c) => ({
    code: c.code,
    name: c.name,
    lon: c.centroidLon,
    lat: c.centroidLat,
  }));
  const epcis = epciRows.map((e) => ({ code: e.code, name: e.name }));
  const profiles = profileRows.map((p) => ({ slug: p.slug, name: p.name }));
  return {
    communes,
    communeNames: new Map(communes.map((c) => [c.code, c.name])),
    epcis,
    epciNames: new Map(epcis.map((e) => [e.code, e.name])),
    profiles,
    profileNames: new Map(profiles.map((p) => [p.slug, p.name])),
    departement: {
      name: departement?.name ?? '',
      outline: (departement?.outline as MapShape['outline'] | null | undefined) ?? null,
    },
  };
}
