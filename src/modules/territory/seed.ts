import { sql } from 'drizzle-orm';
import type { Db } from '../../core/db/index.js';
import { one } from '../../core/db/index.js';
import { buildReference, territorySeed } from './reference.js';
import { communes, departements, epcis } from './schema.js';

/**
 * Inserts the territory's département, EPCIs and communes when missing; rows already there are kept as they
 * are (editors may have changed them). One transaction, so a seed is whole or absent; when the département
 * and its communes are there, nothing is read or computed (the official lists take ~0.2 s to parse).
 */
export async function seedTerritory(db: Db, log: (line: string) => void): Promise<void> {
  const seed = territorySeed();
  const present = await one<{ departement: boolean; communes: number; epcis: number }>(
    db,
    sql`select exists (select 1 from ${departements} where ${departements.code} = ${seed.departement}) as departement,
          (select count(*)::int from ${communes} where ${communes.departementCode} = ${seed.departement}) as communes,
          (select count(*)::int from ${epcis}) as epcis`,
  );
  if (present?.departement && present.communes > 0 && present.epcis > 0) return;

  const reference = buildReference(seed);
  const inserted = await db.transaction(async (tx) => {
    const dep = await tx
      .insert(departements)
      .values(reference.departement)
      .onConflictDoNothing()
      .returning({ code: departements.code });
    const e = await tx
      .insert(epcis)
      .values(reference.epcis)
      .onConflictDoNothing()
      .returning({ code: epcis.code });
    let c = 0;
    for (let i = 0; i < reference.communes.length; i += 100) {
      const rows = reference.communes.slice(i, i + 100);
      c += (await tx.insert(communes).values(rows).onConflictDoNothing().returning({ code: communes.code }))
        .length;
    }
    return { departements: dep.length, epcis: e.length, communes: c };
  });
  log(
    `seed: territory ${seed.departement}: ${inserted.departements} département, ${inserted.epcis} EPCIs, ` +
      `${inserted.communes} communes added (${reference.merged.size} communes nouvelles with merged outlines)`,
  );
}
