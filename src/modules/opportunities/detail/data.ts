import fs from 'node:fs';
import { createRequire } from 'node:module';
import { sql } from 'drizzle-orm';
import { type DerivedCache, derivedCache } from '../../../core/cache/index.js';
import { type Db, rows } from '../../../core/db/index.js';
import { localWrites, readDataVersion } from '../../../core/http/index.js';
import {
  communePath,
  distanceKm,
  epciPath,
  findCommuneByCode,
  findEpciBySlug,
  getDepartement,
} from '../../territory/index.js';
import { findPublicOpportunity, type PublicOpportunity } from '../public.js';
import { type SimilarOpportunity, similarOpportunities } from './similar.js';

export type { SimilarOpportunity } from './similar.js';

/** The excerpt of a life card shown beside an opportunity: its commune's, or its EPCI's when blurred. */
export interface PlaceCard {
  kind: 'commune' | 'epci';
  name: string;
  href: string;
  population: number | null;
  postalCodes: string[];
  /** Communes: the intercommunalité it belongs to. */
  epci: { name: string; href: string } | null;
  /** EPCIs: how many member communes. */
  memberCount: number | null;
  /** Straight-line distance to the préfecture; null when unknown or when this is the préfecture. */
  prefecture: { name: string; href: string; km: number } | null;
  isPrefecture: boolean;
}

export interface DetailData {
  opportunity: PublicOpportunity;
  place: PlaceCard | null;
  /** The territory's region (e.g. Occitanie), for postal addresses. */
  region: string | null;
  similar: SimilarOpportunity[];
}

let regionNames: Map<string, string> | undefined;
/** "76" → "Occitanie", from the official list the territory seed also uses. */
function regionName(code: string): string | null {
  if (!regionNames) {
    const file = createRequire(import.meta.url).resolve('@etalab/decoupage-administratif/data/regions.json');
    const list = JSON.parse(fs.readFileSync(file, 'utf8')) as { code: string; nom: string }[];
    regionNames = new Map(list.map((r) => [r.code, r.nom]));
  }
  return regionNames.get(code) ?? null;
}

/**
 * Place cards derive from reference data that changes a few times a year: kept per process for a few
 * minutes, so a detail page does not reload a commune's outline on every view.
 */
const placeTtlMs = 5 * 60 * 1000;
const placeCaches = new WeakMap<Db, Map<string, { at: number; value: Promise<unknown> }>>();

function cachedPlace<T>(db: Db, key: string, build: () => Promise<T>): Promise<T> {
  let cache = placeCaches.get(db);
  if (!cache) {
    cache = new Map();
    placeCaches.set(db, cache);
  }
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < placeTtlMs) return hit.value as Promise<T>;
  const value = build();
  value.catch(() => cache.delete(key));
  cache.set(key, { at: Date.now(), value });
  if (cache.size > 2000) cache.delete(cache.keys().next().value as string);
  return value;
}

function prefectureOf(db: Db) {
  return cachedPlace(db, 'departement', async () => {
    const departement = await getDepartement(db);
    if (!departement) return { prefecture: null, region: null };
    const prefecture = await findCommuneByCode(db, departement.chefLieu);
    return { prefecture: prefecture ?? null, region: regionName(departement.region) };
  });
}

async function communeCard(db: Db, code: string): Promise<PlaceCard | null> {
  const commune = await findCommuneByCode(db, code);
  if (!commune) return null;
  const { prefecture } = await prefectureOf(db);
  const isPrefecture = prefecture?.code === commune.code;
  const epciRows = commune.epciCode
    ? await rows<{ name: string; slug: string }>(
        db,
        sql`select name, slug from epcis where code = ${commune.epciCode}`,
      )
    : [];
  return {
    kind: 'commune',
    name: commune.name,
    href: communePath(commune),
    population: commune.population,
    postalCodes: commune.postalCodes,
    epci: epciRows[0] ? { name: epciRows[0].name, href: epciPath(epciRows[0]) } : null,
    memberCount: null,
    prefecture:
      prefecture && !isPrefecture
        ? {
            name: prefecture.name,
            href: communePath(prefecture),
            km: distanceKm(
              { lon: commune.centroidLon, lat: commune.centroidLat },
              { lon: prefecture.centroidLon, lat: prefecture.centroidLat },
            ),
          }
        : null,
    isPrefecture,
  };
}

/** A blurred takeover's place: its EPCI only. No distance, which would point back to the hidden commune. */
async function epciCard(db: Db, slug: string): Promise<PlaceCard | null> {
  const epci = await findEpciBySlug(db, slug);
  if (!epci) return null;
  return {
    kind: 'epci',
    name: epci.name,
    href: epciPath(epci),
    population: epci.population,
    postalCodes: [],
    epci: null,
    memberCount: epci.memberCount,
    prefecture: null,
    isPrefecture: false,
  };
}

export function placeCard(db: Db, o: PublicOpportunity): Promise<PlaceCard | null> {
  if (o.communeCode) return cachedPlace(db, `c:${o.communeCode}`, () => communeCard(db, o.communeCode!));
  if (o.epciSlug) return cachedPlace(db, `e:${o.epciSlug}`, () => epciCard(db, o.epciSlug!));
  return Promise.resolve(null);
}

/** Everything the public page of one opportunity shows, or undefined when it is not public. */
async function buildDetail(db: Db, id: string): Promise<DetailData | undefined> {
  const opportunity = await findPublicOpportunity(db, id);
  if (!opportunity) return undefined;
  const [place, similar, { region }] = await Promise.all([
    placeCard(db, opportunity),
    similarOpportunities(db, opportunity),
    prefectureOf(db),
  ]);
  return { opportunity, place, region, similar };
}

const detailCaches = new WeakMap<Db, DerivedCache>();

function detailCacheOf(db: Db): DerivedCache {
  let cache = detailCaches.get(db);
  if (!cache) {
    cache = derivedCache({
      version: () => readDataVersion(db).then(String),
      writes: () => localWrites(db),
      maxEntries: 2000,
      // An opportunity past its expiry date leaves its page (404) and its neighbours' similar lists within a
      // minute, even before the expiry job writes anything.
      maxAgeMs: 60_000,
    });
    detailCaches.set(db, cache);
  }
  return cache;
}

/**
 * Everything the public page of one opportunity shows, or undefined when it is not public; kept per id and
 * data version, so a page rebuilt for a signed-in visitor or after the page cache dropped it does not run the
 * similar opportunities query again. A publication or an edit in this process shows at once, in another
 * process within a second. The value is shared: callers must not modify it.
 */
export function loadDetail(db: Db, id: string): Promise<DetailData | undefined> {
  // A malformed id is answered without a query: it must not take a place in the cache either.
  if (!/^[0-9a-f-]{36}$/i.test(id)) return Promise.resolve(undefined);
  return detailCacheOf(db).get(id.toLowerCase(), () => buildDetail(db, id));
}
