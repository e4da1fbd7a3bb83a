import fs from 'node:fs';
import { createRequire } from 'node:module';
import { asc, eq, sql } from 'drizzle-orm';
import { type Db, rows } from '../../core/db/index.js';
import { isSlug } from './communes.js';
import { communes, epcis } from './schema.js';
import { compareNames } from './text.js';

export type Epci = typeof epcis.$inferSelect;
/** An EPCI with the number of its member communes in the territory (memberCount counts them all). */
export type EpciWithLocalCount = Epci & { localCount: number };

export const epciPath = (e: { slug: string }) => `/territoire/intercommunalites/${e.slug}`;

const kindLabels: Record<string, string> = {
  CA: 'Communauté d’agglomération',
  CC: 'Communauté de communes',
  CU: 'Communauté urbaine',
  ME: 'Métropole',
};

/** "CC" → "Communauté de communes". */
export function epciKindLabel(kind: string): string {
  return kindLabels[kind] ?? 'Intercommunalité';
}

export async function listEpcis(db: Db): Promise<Epci[]> {
  const rows = await db.select().from(epcis).orderBy(asc(epcis.code));
  return rows.sort((a, b) => compareNames(a.name, b.name));
}

export async function listEpcisWithLocalCount(db: Db): Promise<EpciWithLocalCount[]> {
  const [list, counts] = await Promise.all([
    listEpcis(db),
    db
      .select({ code: communes.epciCode, n: sql<number>`count(*)::int` })
      .from(communes)
      .groupBy(communes.epciCode),
  ]);
  const byCode = new Map(counts.map((c) => [c.code, Number(c.n)]));
  return list.map((e) => ({ ...e, localCount: byCode.get(e.code) ?? 0 }));
}

export async function findEpciBySlug(db: Db, slug: string): Promise<Epci | undefined> {
  if (!isSlug(slug)) return undefined;
  const [row] = await db.select().from(epcis).where(eq(epcis.slug, slug));
  return row;
}

let departementNames: Map<string, string> | undefined;

/** The name of a département from its code ("12" → "Aveyron"), from the official list. */
export function departementName(code: string): string {
  if (!departementNames) {
    const file = createRequire(import.meta.url).resolve(
      '@etalab/decoupage-administratif/data/departements.json',
    );
    const list = JSON.parse(fs.readFileSync(file, 'utf8')) as { code: string; nom: string }[];
    departementNames = new Map(list.map((d) => [d.code, d.nom]));
  }
  return departementNames.get(code) ?? code;
}

/** Which EPCIs share a border (through their member communes): code → the codes it touches. */
export async function epciBorders(db: Db): Promise<Map<string, Set<string>>> {
  const pairs = await rows<{ a: string; b: string }>(
    db,
    sql`select distinct a.epci_code as a, b.epci_code as b
        from ${communes} a join ${communes} b on b.code = any(a.neighbours)
        where a.epci_code <> b.epci_code`,
  );
  const borders = new Map<string, Set<string>>();
  for (const { a, b } of pairs) borders.set(a, (borders.get(a) ?? new Set()).add(b));
  return borders;
}
