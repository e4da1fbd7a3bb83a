import { type SQL, sql } from 'drizzle-orm';
import { type Db, one } from '../../../core/db/index.js';

export interface Centre {
  lon: number;
  lat: number;
}

/** Mean Earth radius (IUGG), km: the territory module's distanceKm uses the same, so both agree. */
const earthRadiusKm = 6371.0088;
/** Km per degree of latitude, rounded up so the bounding box never cuts into the circle. */
const kmPerDegree = 111.2;

/** Centroids are reference data: read once a minute at most per commune, not once per search. */
const centroidTtlMs = 60_000;
const centroids = new WeakMap<Db, Map<string, { at: number; centre: Promise<Centre | undefined> }>>();

/** A commune's centroid, or undefined when the code is unknown. */
export function centroidOf(db: Db, code: string): Promise<Centre | undefined> {
  let cache = centroids.get(db);
  if (!cache) {
    cache = new Map();
    centroids.set(db, cache);
  }
  const cached = cache.get(code);
  if (cached && Date.now() - cached.at < centroidTtlMs) return cached.centre;
  const centre = one<{ lon: number; lat: number }>(
    db,
    sql`select centroid_lon as lon, centroid_lat as lat from communes where code = ${code}`,
  ).then((row) => (row ? { lon: Number(row.lon), lat: Number(row.lat) } : undefined));
  // Codes are validated (INSEE format), so the map stays within the communes that exist, plus a few typos.
  if (cache.size > 5000) cache.clear();
  cache.set(code, { at: Date.now(), centre });
  centre.catch(() => cache.delete(code));
  return centre;
}

/** Great-circle km from the centre to an opportunity's public position (haversine, as in territory/geo.ts). */
export function distanceSql(centre: Centre): SQL {
  return sql`(2 * ${earthRadiusKm}::float8 * asin(least(1::float8, sqrt(
    power(sin(radians(o.lat - ${centre.lat}::float8) / 2), 2) +
    cos(radians(${centre.lat}::float8)) * cos(radians(o.lat)) * power(sin(radians(o.lon - ${centre.lon}::float8) / 2), 2)))))`;
}

/**
 * Within `km` of the centre. The bounding box comes first: plain comparisons that discard most rows before
 * any trigonometry, and that an index on (lat, lon) could serve.
 */
export function radiusSql(centre: Centre, km: number): SQL {
  const dLat = km / kmPerDegree;
  const dLon =
    km / (kmPerDegree * Math.max(0.01, Math.cos((Math.min(89, Math.abs(centre.lat)) * Math.PI) / 180)));
  return sql`o.lat between ${centre.lat - dLat}::float8 and ${centre.lat + dLat}::float8
    and o.lon between ${centre.lon - dLon}::float8 and ${centre.lon + dLon}::float8
    and ${distanceSql(centre)} <= ${km}::float8`;
}
