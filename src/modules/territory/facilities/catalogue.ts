import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../../core/db/index.js';
import { readSeed } from '../../../core/seeds/index.js';
import { facilityTypes } from '../schema.js';

/** A section of the life card. */
export type FacilityCategory = 'childhood' | 'health' | 'shops' | 'transport' | 'sports-culture' | 'services';

export interface FacilityType {
  code: string;
  label: string;
  domain: string;
  category: FacilityCategory | null;
  position: number;
}

/** A facility everyone looks for: when the commune has none, the card names the nearest one elsewhere. */
export interface KeyFacility {
  category: FacilityCategory;
  label: string;
  codes: string[];
}

interface CatalogueFile {
  categories: { key: FacilityCategory; label: string }[];
  types: { code: string; label: string; category: FacilityCategory | null }[];
  keys: KeyFacility[];
}

let cached: CatalogueFile | null = null;

/** seeds/<territory>/facility-types.json: the BPE codes the card uses, its sections and its key facilities. */
export function catalogue(): CatalogueFile {
  cached ??= readSeed<CatalogueFile>('facility-types.json');
  return cached;
}

/** Inserts the types missing from facility_types; labels edited in the database are kept. */
export async function seedFacilityTypes(db: Db): Promise<number> {
  const values = catalogue().types.map((t, position) => ({
    code: t.code,
    label: t.label,
    domain: t.code.slice(0, 1),
    category: t.category,
    position,
  }));
  const inserted = await db
    .insert(facilityTypes)
    .values(values)
    .onConflictDoNothing()
    .returning({ code: facilityTypes.code });
  return inserted.length;
}

export async function listFacilityTypes(db: Db): Promise<FacilityType[]> {
  return rows<FacilityType>(
    db,
    sql`select code, label, domain, category, position from ${facilityTypes} order by position, code`,
  );
}

export function categoryLabel(key: string): string {
  return catalogue().categories.find((c) => c.key === key)?.label ?? key;
}
