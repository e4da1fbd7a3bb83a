import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows } from '../../../core/db/index.js';
import { distanceKm } from '../../territory/index.js';
import { isPublic, normalisePublic, type PublicOpportunity, publicSelect } from '../public.js';

export interface SimilarOpportunity extends PublicOpportunity {
  distanceKm: number | null;
}

export const similarLimit = 4;

/** Kilometres per degree of latitude: only turns a radius into a box, exactness does not depend on it. */
const kmPerDegree = 111.2;

/**
 * Half-widths of the boxes tried before the whole territory, km. 0 is the opportunity's own point (its
 * commune): in a town, four related offers are there. Elsewhere the neighbouring communes usually have them;
 * a sparse kind (housing, premises) may need the wide box or the scan of the whole table. Measured on 22 500
 * demo offers (scratch/detail/bench-similar.mts): this order answered fastest on average.
 */
export const similarRadiiKm = [0, 4, 20];

interface Near {
  id: string;
  d: number | null;
}

/**
 * Ids of the nearest related opportunities, nearest first, newest on a tie. `d` is a planar squared distance in
 * degrees of latitude (longitudes shrunk by cos²(lat)): enough to order places a few tens of km apart.
 * Only ids and distances are selected, so the sort handles narrow rows; the full rows are read for the few
 * winners only.
 */
function nearest(db: Db, o: PublicOpportunity, related: SQL, box?: SQL): Promise<Near[]> {
  if (o.lon === null || o.lat === null) {
    return rows<Near>(
      db,
      sql`select o.id, null::float8 as d from opportunities o where ${isPublic} and ${related}
        order by o.published_at desc, o.id limit ${similarLimit}`,
    );
  }
  const cos2 = Math.cos((o.lat * Math.PI) / 180) ** 2;
  const d = sql`(power(o.lon - ${o.lon}, 2) * ${cos2} + power(o.lat - ${o.lat}, 2))`;
  return rows<Near>(
    db,
    sql`select o.id, ${d} as d from opportunities o where ${isPublic} and ${related}${box ? sql` and ${box}` : sql``}
      order by d nulls last, o.published_at desc, o.id limit ${similarLimit}`,
  );
}

/**
 * The opportunities whose point lies in a box of half-width `km` around (lon, lat). There is no index on the
 * coordinates, but an opportunity's point is its public commune's centroid, or its EPCI's seat when the commune
 * is hidden (store.ts derives it so): the communes and EPCIs in the box, a few rows of reference data, lead to
 * the rows through the commune and EPCI indexes instead of a scan of the whole table. The coordinates are
 * checked again, so the box is exact whatever those indexes bring.
 */
function inBox(lon: number, lat: number, km: number): SQL {
  const dLat = km / kmPerDegree;
  const dLon = km / (kmPerDegree * Math.cos((lat * Math.PI) / 180));
  const [w, e, s, n] = [lon - dLon, lon + dLon, lat - dLat, lat + dLat];
  return sql`(o.public_commune_code = any(array(select code from communes
      where centroid_lon between ${w} and ${e} and centroid_lat between ${s} and ${n}))
    or (o.public_commune_code is null and o.epci_code = any(array(select code from epcis
      where seat_lon between ${w} and ${e} and seat_lat between ${s} and ${n}))))
    and o.lon between ${w} and ${e} and o.lat between ${s} and ${n}`;
}

/**
 * Up to four public opportunities of the same kind, sharing the sector or the intercommunalité, nearest
 * first, newest on a tie. Boxes of growing size are tried first: a box's answer is kept only when it is
 * complete and its farthest is within the box's half-width, so that nothing outside could be nearer. The
 * answer is therefore the same as a scan of the whole table, which remains the last resort.
 */
export async function similarOpportunities(db: Db, o: PublicOpportunity): Promise<SimilarOpportunity[]> {
  const alternatives = [
    o.sector ? sql`o.sector = ${o.sector}` : null,
    o.epciCode ? sql`o.epci_code = ${o.epciCode}` : null,
  ].filter((c) => c !== null);
  const related = sql`o.kind = ${o.kind} and o.id <> ${o.id}${
    alternatives.length ? sql` and (${sql.join(alternatives, sql` or `)})` : sql``
  }`;
  let found: Near[] | undefined;
  if (o.lon !== null && o.lat !== null) {
    for (const km of similarRadiiKm) {
      const near = await nearest(db, o, related, inBox(o.lon, o.lat, km));
      const farthest = near[similarLimit - 1]?.d;
      // Outside the box, a point is farther than `km` along one axis at least, so farther than the box's
      // half-width in the planar metric.
      if (farthest !== undefined && farthest !== null && Number(farthest) <= (km / kmPerDegree) ** 2) {
        found = near;
        break;
      }
    }
  }
  found ??= await nearest(db, o, related);
  if (found.length === 0) return [];
  const byId = new Map(
    (
      await rows(
        db,
        publicSelect(
          sql`o.id in (${sql.join(
            found.map((f) => sql`${f.id}`),
            sql`, `,
          )})`,
        ),
      )
    ).map((r) => {
      const s = normalisePublic(r);
      return [s.id, s] as const;
    }),
  );
  return found
    .map((f) => byId.get(f.id))
    .filter((s) => s !== undefined)
    .map((s) => ({
      ...s,
      distanceKm:
        o.lon !== null && o.lat !== null && s.lon !== null && s.lat !== null
          ? distanceKm({ lon: o.lon, lat: o.lat }, { lon: s.lon, lat: s.lat })
          : null,
    }));
}
