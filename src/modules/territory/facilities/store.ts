import { and, desc, eq, sql } from 'drizzle-orm';
import { type Db, rows } from '../../../core/db/index.js';
import { communeFacts, facilities, facilityImports } from '../schema.js';

export type FacilityImport = typeof facilityImports.$inferSelect;

export interface StaffFacility {
  id: string;
  typeCode: string;
  typeLabel: string;
  name: string | null;
  located: boolean;
  source: string;
  sourceDate: string;
  demo: boolean;
}

export interface StaffFact {
  key: string;
  value: number;
  source: string;
  sourceDate: string;
  demo: boolean;
}

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The facts a staff member may type: fibre and 4G coverage, in %. */
export const editableFacts = ['fibre', 'mobile-4g'] as const;

export async function listImports(db: Db, limit = 20): Promise<FacilityImport[]> {
  return db.select().from(facilityImports).orderBy(desc(facilityImports.createdAt)).limit(limit);
}

export async function listCommuneFacilities(db: Db, communeCode: string): Promise<StaffFacility[]> {
  return rows<StaffFacility>(
    db,
    sql`select f.id, f.type_code as "typeCode", coalesce(t.label, f.type_code) as "typeLabel", f.name,
          f.lon is not null as located, f.source, f.source_date::text as "sourceDate", f.demo
        from facilities f left join facility_types t on t.code = f.type_code
        where f.commune_code = ${communeCode}
        order by t.position, f.type_code, f.name nulls last, f.id`,
  );
}

export async function listCommuneFacts(db: Db, communeCode: string): Promise<StaffFact[]> {
  return rows<StaffFact>(
    db,
    sql`select key, value, source, source_date::text as "sourceDate", demo from commune_facts
        where commune_code = ${communeCode} order by key`,
  );
}

export async function addFacility(
  db: Db,
  values: { communeCode: string; typeCode: string; name: string | null; source: string; sourceDate: string },
): Promise<string> {
  const [row] = await db.insert(facilities).values(values).returning({ id: facilities.id });
  return row.id;
}

/** Deletes one facility of the commune; the deleted row, or null when there was none. */
export async function deleteFacility(db: Db, communeCode: string, id: string) {
  const [row] = await db
    .delete(facilities)
    .where(and(eq(facilities.id, id), eq(facilities.communeCode, communeCode)))
    .returning();
  return row ?? null;
}

/** Sets (or, with a null value, removes) one figure of the commune. */
export async function setFact(
  db: Db,
  communeCode: string,
  key: string,
  value: number | null,
  source: { source: string; sourceDate: string },
): Promise<void> {
  if (value === null) {
    await db
      .delete(communeFacts)
      .where(and(eq(communeFacts.communeCode, communeCode), eq(communeFacts.key, key)));
    return;
  }
  await db
    .insert(communeFacts)
    .values({ communeCode, key, value, unit: '%', ...source, demo: false })
    .onConflictDoUpdate({
      target: [communeFacts.communeCode, communeFacts.key],
      set: { value, unit: '%', ...source, demo: false, updatedAt: new Date() },
    });
}
