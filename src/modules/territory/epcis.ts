import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../core/db/index.js';
import { epcis } from './schema.js';

export type Epci = typeof epcis.$inferSelect;

export async function listEpcis(db: Db): Promise<Epci[]> {
  return db.select().from(epcis).orderBy(asc(epcis.name));
}

export async function findEpciBySlug(db: Db, slug: string): Promise<Epci | undefined> {
  const [row] = await db.select().from(epcis).where(eq(epcis.slug, slug));
  return row;
}
