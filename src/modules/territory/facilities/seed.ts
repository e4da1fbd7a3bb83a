import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type Db, one } from '../../../core/db/index.js';
import { fromRoot } from '../../../core/paths.js';
import { readSeed } from '../../../core/seeds/index.js';
import { communeFacts, communes, facilities } from '../schema.js';
import { importBpe } from './bpe.js';
import { seedFacilityTypes } from './catalogue.js';

export const demoSource = 'Données de démonstration (extrait fictif au format BPE)';
const demoDate = '2023-01-01';

interface FactsFile {
  source: string;
  sourceDate: string;
  facts: ({ commune: string } & Record<string, number | string>)[];
}

/**
 * Facility types (idempotent); then, on a database without any facility, the shipped demo extract and the
 * demo broadband figures, marked as demonstration data wherever they show.
 */
export async function seedFacilityData(db: Db, log: (line: string) => void): Promise<void> {
  const types = await seedFacilityTypes(db);
  if (types) log(`Types d’équipements : ${types} ajoutés`);
  const counts = await one<{ facilities: number; facts: number; communes: number }>(
    db,
    sql`select (select count(*)::int from ${facilities}) as facilities,
          (select count(*)::int from ${communeFacts}) as facts,
          (select count(*)::int from ${communes}) as communes`,
  );
  if (!counts?.communes) return;
  const territory = process.env.TERRITORY ?? 'lot';
  if (counts.facilities === 0) {
    const file = path.join(fromRoot('seeds'), territory, 'bpe-demo.csv');
    if (fs.existsSync(file)) {
      const result = await importBpe(db, {
        content: fs.readFileSync(file),
        fileName: 'bpe-demo.csv',
        source: demoSource,
        sourceDate: demoDate,
        demo: true,
      });
      log(`Équipements de démonstration : ${result.inserted} chargés`);
    }
  }
  if (
    counts.facts === 0 &&
    fs.existsSync(path.join(fromRoot('seeds'), territory, 'commune-facts-demo.json'))
  ) {
    const file = readSeed<FactsFile>('commune-facts-demo.json', territory);
    const known = new Set((await db.select({ code: communes.code }).from(communes)).map((c) => c.code));
    const values = file.facts
      .filter((f) => known.has(f.commune))
      .flatMap((f) =>
        Object.entries(f)
          .filter(([key, value]) => key !== 'commune' && typeof value === 'number')
          .map(([key, value]) => ({
            communeCode: f.commune,
            key,
            value: value as number,
            unit: '%',
            source: file.source,
            sourceDate: file.sourceDate,
            demo: true,
          })),
      );
    if (values.length) await db.insert(communeFacts).values(values).onConflictDoNothing();
  }
}
