import { sql } from 'drizzle-orm';
import { type Db, one, rows } from '../../../core/db/index.js';
import { communeFacts, communes, facilities, facilityTypes } from '../schema.js';
import { catalogue, type FacilityCategory } from './catalogue.js';

/** Where a claim comes from, as the card prints it. */
export interface SourceRef {
  source: string;
  date: string;
  demo: boolean;
}

export interface PresentType {
  code: string;
  label: string;
  count: number;
  /** Names given by the source, in order (some types, such as doctors, come without). */
  names: string[];
}

export interface NearestElsewhere {
  label: string;
  /** Null when no facility of the kind is known anywhere in the data. */
  nearest: {
    km: number;
    communeName: string;
    communeSlug: string;
    name: string | null;
    /** The facility had no usable point: the distance runs to its commune's centroid. */
    approximate: boolean;
  } | null;
}

export interface CardCategory {
  key: FacilityCategory;
  label: string;
  present: PresentType[];
  missing: NearestElsewhere[];
  sources: SourceRef[];
}

export interface CardFact {
  key: string;
  label: string;
  value: number;
  unit: string;
  source: SourceRef;
}

export interface LifeCard {
  communeCode: string;
  /** False when no facility data was ever loaded: the card says so instead of claiming absences. */
  hasData: boolean;
  categories: CardCategory[];
  facts: CardFact[];
  demo: boolean;
}

export const factLabels: Record<string, string> = {
  fibre: 'Locaux raccordables à la fibre',
  'mobile-4g': 'Couverture en 4G',
};

const sourceKey = (s: SourceRef) => `${s.source}|${s.date}|${s.demo}`;

/** Great-circle distance in SQL (same formula as geo.ts), from a point to a facility or its commune. */
const distanceSql = (lon: number, lat: number) => sql`2 * 6371.0088 * asin(least(1, sqrt(
  power(sin(radians(coalesce(f.lat, c.centroid_lat) - ${lat}) / 2), 2)
  + cos(radians(${lat})) * cos(radians(coalesce(f.lat, c.centroid_lat)))
  * power(sin(radians(coalesce(f.lon, c.centroid_lon) - ${lon}) / 2), 2))))`;

/**
 * The facts of a commune's life card: its facilities by section (type, count, names, sources), for each key
 * facility it lacks the nearest one elsewhere as the crow flies from its centroid, and its broadband figures.
 */
export async function lifeCard(db: Db, communeCode: string): Promise<LifeCard | null> {
  const commune = await one<{ lon: number; lat: number }>(
    db,
    sql`select centroid_lon as lon, centroid_lat as lat from ${communes} where code = ${communeCode}`,
  );
  if (!commune) return null;
  const [present, facts, total] = await Promise.all([
    rows<{
      code: string;
      label: string;
      category: FacilityCategory;
      name: string | null;
      source: string;
      date: string;
      demo: boolean;
    }>(
      db,
      sql`select t.code, t.label, t.category, f.name, f.source, f.source_date::text as date, f.demo
          from ${facilities} f join ${facilityTypes} t on t.code = f.type_code
          where f.commune_code = ${communeCode} and t.category is not null
          order by t.position, t.code, f.name nulls last`,
    ),
    rows<{ key: string; value: number; unit: string; source: string; date: string; demo: boolean }>(
      db,
      sql`select key, value, unit, source, source_date::text as date, demo from ${communeFacts}
          where commune_code = ${communeCode} order by key`,
    ),
    one<{ n: number }>(db, sql`select count(*)::int as n from ${facilities}`),
  ]);
  const hasData = (total?.n ?? 0) > 0;
  const { categories: sections, keys } = catalogue();
  const presentCodes = new Set(present.map((p) => p.code));

  const categories: CardCategory[] = [];
  for (const section of sections) {
    const sources = new Map<string, SourceRef>();
    const byType = new Map<string, PresentType>();
    for (const p of present.filter((r) => r.category === section.key)) {
      const type = byType.get(p.code) ?? { code: p.code, label: p.label, count: 0, names: [] };
      type.count++;
      if (p.name && !type.names.includes(p.name)) type.names.push(p.name);
      byType.set(p.code, type);
      const ref = { source: p.source, date: p.date, demo: p.demo };
      sources.set(sourceKey(ref), ref);
    }
    const missing: NearestElsewhere[] = [];
    if (hasData)
      for (const key of keys.filter((k) => k.category === section.key)) {
        if (key.codes.some((code) => presentCodes.has(code))) continue;
        const codes = sql.join(
          key.codes.map((code) => sql`${code}`),
          sql`, `,
        );
        const nearest = await one<{
          km: number;
          name: string | null;
          commune_name: string;
          slug: string;
          approximate: boolean;
          source: string;
          date: string;
          demo: boolean;
        }>(
          db,
          sql`select ${distanceSql(commune.lon, commune.lat)} as km, f.name, c.name as commune_name, c.slug,
                f.lon is null as approximate, f.source, f.source_date::text as date, f.demo
              from ${facilities} f join ${communes} c on c.code = f.commune_code
              where f.type_code in (${codes}) and f.commune_code <> ${communeCode}
              order by km, f.id limit 1`,
        );
        if (nearest) {
          const ref = { source: nearest.source, date: nearest.date, demo: nearest.demo };
          sources.set(sourceKey(ref), ref);
        }
        missing.push({
          label: key.label,
          nearest: nearest
            ? {
                km: Number(nearest.km),
                communeName: nearest.commune_name,
                communeSlug: nearest.slug,
                name: nearest.name,
                approximate: nearest.approximate,
              }
            : null,
        });
      }
    categories.push({
      key: section.key,
      label: section.label,
      present: [...byType.values()],
      missing,
      sources: [...sources.values()],
    });
  }

  const cardFacts: CardFact[] = facts.map((f) => ({
    key: f.key,
    label: factLabels[f.key] ?? f.key,
    value: Number(f.value),
    unit: f.unit,
    source: { source: f.source, date: f.date, demo: f.demo },
  }));
  return {
    communeCode,
    hasData,
    categories,
    facts: cardFacts,
    demo: present.some((p) => p.demo) || facts.some((f) => f.demo),
  };
}
