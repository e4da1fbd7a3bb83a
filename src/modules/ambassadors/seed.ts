import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../core/db/index.js';
import { readSeed } from '../../core/seeds/index.js';
import { slugify } from '../territory/index.js';
import { ambassadorChapters, ambassadorCharters } from './schema.js';

interface AmbassadorsSeed {
  charter: { version: string; title: string; body: string };
  diasporaChapters: { slug: string; name: string }[];
}

export const ambassadorsSeed = () => readSeed<AmbassadorsSeed>('ambassadors.json');

/**
 * The charter's first version and the chapters: one local chapter per EPCI of the territory, then the
 * diaspora chapters. Idempotent: by version and by slug; what editors changed is never overwritten.
 */
export async function seedAmbassadors(db: Db, log: (line: string) => void): Promise<void> {
  const seed = ambassadorsSeed();
  const charters = await db.insert(ambassadorCharters).values(seed.charter).onConflictDoNothing().returning();
  const epcis = await rows<{ code: string; name: string }>(
    db,
    sql`select code, name from epcis order by name`,
  );
  const chapters = await db
    .insert(ambassadorChapters)
    .values([
      ...epcis.map((e, i) => ({
        slug: slugify(e.name),
        name: e.name,
        kind: 'local' as const,
        epciCode: e.code,
        position: (i + 1) * 10,
      })),
      ...seed.diasporaChapters.map((c, i) => ({
        ...c,
        kind: 'diaspora' as const,
        position: 1000 + (i + 1) * 10,
      })),
    ])
    .onConflictDoNothing()
    .returning();
  if (charters.length || chapters.length)
    log(`seed: ambassadors ${charters.length} charter, ${chapters.length} chapters`);
}
