import fs from 'node:fs';
import { createRequire } from 'node:module';
import { geoArea, geoCentroid } from 'd3-geo';
import { fromRoot } from '../../core/paths.js';
import { readSeed } from '../../core/seeds/index.js';
import type { communes, departements, epcis } from './schema.js';
import { uniqueSlugs } from './text.js';
import { dissolve, findNeighbours, type Outline, rewind } from './topology.js';

/**
 * The territory's reference data, built from the official lists (@etalab/decoupage-administratif: COG
 * communes, EPCIs with their members) and the IGN outlines (data/geo). Pure: reads files, touches no database.
 */
export interface TerritorySeed {
  departement: string;
  departementSlug: string;
  communesGeo: string;
  departementGeo: string;
  /** INSEE codes of the towns every life card gives the distance to (préfecture, sous-préfectures…). */
  landmarks: string[];
  /** "dans le Lot", "du Lot": French needs the article, which depends on the name. */
  inName: string;
  ofName: string;
  /** A sentence or two introducing the territory on its page. */
  intro: string;
}

interface SeatSeed {
  seats: Record<string, { code: string; name?: string; lon?: number; lat?: number }>;
}

interface CogCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  chefLieu?: string;
  codesPostaux?: string[];
  population?: number;
}

interface CogEpci {
  code: string;
  nom: string;
  type: string;
  populationTotale: number;
  membres: { code: string; nom: string }[];
}

interface CogDepartement {
  code: string;
  nom: string;
  chefLieu: string;
  region: string;
}

export interface TerritoryReference {
  departement: typeof departements.$inferInsert;
  epcis: (typeof epcis.$inferInsert)[];
  communes: (typeof communes.$inferInsert)[];
  /** Former outlines merged into a commune nouvelle: current code → the 2018 codes of its parts. */
  merged: Map<string, string[]>;
}

const require = createRequire(import.meta.url);
/** IUGG mean radius: geoArea gives steradians. */
const earthRadiusKm = 6371.0088;

function readPackageData<T>(name: string): T {
  return JSON.parse(
    fs.readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${name}`), 'utf8'),
  ) as T;
}

function readGeo(file: string): GeoJSON.FeatureCollection | GeoJSON.Feature {
  return JSON.parse(fs.readFileSync(fromRoot(file), 'utf8'));
}

export function territorySeed(): TerritorySeed {
  return readSeed<TerritorySeed>('territory.json');
}

export function buildReference(seed: TerritorySeed = territorySeed()): TerritoryReference {
  const cog = readPackageData<CogCommune[]>('communes.json');
  const current = cog.filter((c) => c.type === 'commune-actuelle' && c.departement === seed.departement);
  const currentCodes = new Set(current.map((c) => c.code));
  const delegated = cog.filter(
    (c) => c.type === 'commune-deleguee' && c.chefLieu && currentCodes.has(c.chefLieu),
  );
  const cogByCode = new Map(cog.filter((c) => c.type === 'commune-actuelle').map((c) => [c.code, c]));

  // Outlines: a 2018 outline belongs to the current commune of the same code, or to the commune nouvelle
  // that absorbed it (its chefLieu). Parts of one commune nouvelle are dissolved into one outline.
  const parts = new Map<string, { code: string; outline: Outline }[]>();
  const geo = readGeo(seed.communesGeo) as GeoJSON.FeatureCollection;
  for (const feature of geo.features) {
    const code = String(feature.properties?.code);
    const owner = currentCodes.has(code) ? code : delegated.find((d) => d.code === code)?.chefLieu;
    if (!owner) throw new Error(`Outline ${code} matches no current commune of ${seed.departement}`);
    parts.set(owner, [...(parts.get(owner) ?? []), { code, outline: feature.geometry as Outline }]);
  }
  const outlines = new Map<string, Outline>();
  const merged = new Map<string, string[]>();
  for (const [code, list] of parts) {
    outlines.set(code, list.length === 1 ? rewind(list[0].outline) : dissolve(list.map((p) => p.outline)));
    if (list.length > 1) merged.set(code, list.map((p) => p.code).sort());
  }
  const missing = current.filter((c) => !outlines.has(c.code)).map((c) => c.code);
  if (missing.length) throw new Error(`No outline for communes ${missing.join(', ')}`);
  const neighbours = findNeighbours([...outlines].map(([code, outline]) => ({ code, outline })));
  const centroids = new Map([...outlines].map(([code, outline]) => [code, geoCentroid(outline)]));

  // Intercommunalités having members here; the member lists are in current codes.
  const epciList = readPackageData<CogEpci[]>('epci.json').filter((e) =>
    e.membres.some((m) => currentCodes.has(m.code)),
  );
  const epciOf = new Map<string, string>();
  for (const epci of epciList)
    for (const m of epci.membres) if (currentCodes.has(m.code)) epciOf.set(m.code, epci.code);
  const { seats } = readSeed<SeatSeed>('epci-seats.json');
  const epciSlugs = uniqueSlugs(epciList.map((e) => ({ code: e.code, name: e.nom })));
  const epciRows = epciList.map((epci) => {
    const outside = epci.membres.filter((m) => !currentCodes.has(m.code));
    const seat = seats[epci.code];
    const seatCentroid = seat && centroids.get(seat.code);
    return {
      code: epci.code,
      name: epci.nom,
      slug: epciSlugs.get(epci.code)!,
      kind: epci.type,
      seatCode: seat?.code ?? null,
      seatName: seat ? (cogByCode.get(seat.code)?.nom ?? seat.name ?? null) : null,
      seatLon: seatCentroid ? seatCentroid[0] : (seat?.lon ?? null),
      seatLat: seatCentroid ? seatCentroid[1] : (seat?.lat ?? null),
      population: epci.populationTotale,
      memberCount: epci.membres.length,
      otherDepartements: [
        ...new Set(outside.map((m) => cogByCode.get(m.code)?.departement ?? m.code.slice(0, 2))),
      ].sort(),
      membersOutside: outside.length,
    };
  });

  const slugs = uniqueSlugs(current.map((c) => ({ code: c.code, name: c.nom })));
  const communeRows = current.map((c) => {
    const outline = outlines.get(c.code)!;
    const [lon, lat] = centroids.get(c.code)!;
    return {
      code: c.code,
      name: c.nom,
      slug: slugs.get(c.code)!,
      departementCode: seed.departement,
      epciCode: epciOf.get(c.code) ?? null,
      postalCodes: [...(c.codesPostaux ?? [])].sort(),
      population: c.population ?? null,
      centroidLon: lon,
      centroidLat: lat,
      areaKm2: Math.round(geoArea(outline) * earthRadiusKm ** 2 * 100) / 100,
      outline,
      formerCommunes: delegated
        .filter((d) => d.chefLieu === c.code)
        .map((d) => ({ code: d.code, name: d.nom }))
        .sort((a, b) => a.code.localeCompare(b.code)),
      neighbours: neighbours.get(c.code) ?? [],
    };
  });

  const dep = readPackageData<CogDepartement[]>('departements.json').find((d) => d.code === seed.departement);
  if (!dep) throw new Error(`Unknown département ${seed.departement}`);
  const depGeo = readGeo(seed.departementGeo);
  const depOutline = (
    depGeo.type === 'FeatureCollection' ? depGeo.features[0].geometry : depGeo.geometry
  ) as Outline;
  return {
    departement: {
      code: dep.code,
      name: dep.nom,
      slug: seed.departementSlug,
      chefLieu: dep.chefLieu,
      region: dep.region,
      outline: rewind(depOutline),
    },
    epcis: epciRows,
    communes: communeRows,
    merged,
  };
}
