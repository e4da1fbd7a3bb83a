import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../core/db/index.js';
import { readSeed } from '../../core/seeds/index.js';
import { brandPlatforms, targetProfiles } from './schema.js';

export type BrandPlatform = typeof brandPlatforms.$inferSelect;
export type TargetProfile = typeof targetProfiles.$inferSelect;

export async function getBrand(db: Db): Promise<BrandPlatform | undefined> {
  const [row] = await db.select().from(brandPlatforms).limit(1);
  return row;
}

export async function listProfiles(db: Db): Promise<TargetProfile[]> {
  return db.select().from(targetProfiles).orderBy(asc(targetProfiles.position));
}

export async function findProfile(db: Db, slug: string): Promise<TargetProfile | undefined> {
  const [row] = await db.select().from(targetProfiles).where(eq(targetProfiles.slug, slug));
  return row;
}

/** Inserts the brand platform and the target profiles when missing; editors' changes are kept. */
export async function seedBrand(db: Db, log: (line: string) => void): Promise<void> {
  const brand = readSeed<typeof brandPlatforms.$inferInsert>('brand.json');
  const inserted = await db.insert(brandPlatforms).values(brand).onConflictDoNothing().returning();
  const profiles = readSeed<(typeof targetProfiles.$inferInsert)[]>('profiles.json');
  const insertedProfiles = await db.insert(targetProfiles).values(profiles).onConflictDoNothing().returning();
  if (inserted.length || insertedProfiles.length) {
    log(
      `seed: brand platform ${inserted.length ? 'created' : 'kept'}, ${insertedProfiles.length} target profiles added`,
    );
  }
}
