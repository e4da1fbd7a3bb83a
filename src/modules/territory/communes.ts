import { and, eq, getTableColumns, inArray } from 'drizzle-orm';
import type { Db } from '../../core/db/index.js';
import { communes, departements, epcis } from './schema.js';
import { compareNames } from './text.js';

export type Commune = typeof communes.$inferSelect;
/** A commune without its outline: what lists, links and distances need. */
export type CommuneSummary = Omit<
  Commune,
  'outline' | 'neighbours' | 'formerCommunes' | 'updatedAt' | 'searchKey'
>;
/** What a map needs to draw a commune. */
export type CommuneShape = Pick<Commune, 'code' | 'name' | 'slug' | 'epciCode' | 'outline'>;
export type Departement = typeof departements.$inferSelect;

const {
  outline: _outline,
  neighbours: _neighbours,
  formerCommunes: _former,
  updatedAt: _updated,
  ...summaryColumns
} = getTableColumns(communes);
const shapeColumns = {
  code: communes.code,
  name: communes.name,
  slug: communes.slug,
  epciCode: communes.epciCode,
  outline: communes.outline,
};

export const communePath = (c: { slug: string }) => `/territoire/communes/${c.slug}`;

/** Slugs are lowercase ascii-kebab: anything else cannot match and is not sent to the database. */
const slugPattern = /^[a-z0-9][a-z0-9-]{0,99}$/;
export const isSlug = (slug: string) => slugPattern.test(slug);

/** Every commune (no outlines), in French alphabetical order; optionally those of one EPCI. */
export async function listCommunes(db: Db, options: { epciCode?: string } = {}): Promise<CommuneSummary[]> {
  const rows = await db
    .select(summaryColumns)
    .from(communes)
    .where(options.epciCode ? eq(communes.epciCode, options.epciCode) : undefined);
  return rows.sort((a, b) => compareNames(a.name, b.name));
}

export async function findCommuneByCode(db: Db, code: string): Promise<Commune | undefined> {
  if (!/^[0-9][0-9AB][0-9]{3}$/.test(code)) return undefined;
  const [row] = await db.select().from(communes).where(eq(communes.code, code));
  return row;
}

export async function findCommuneBySlug(db: Db, slug: string): Promise<Commune | undefined> {
  if (!isSlug(slug)) return undefined;
  const [row] = await db.select().from(communes).where(eq(communes.slug, slug));
  return row;
}

/** Outlines to draw: the given communes, or all of them (or those of one EPCI). */
export async function listCommuneShapes(
  db: Db,
  filter: { codes?: string[]; epciCode?: string } = {},
): Promise<CommuneShape[]> {
  const conditions = [
    filter.codes ? inArray(communes.code, filter.codes.length ? filter.codes : ['']) : undefined,
    filter.epciCode ? eq(communes.epciCode, filter.epciCode) : undefined,
  ];
  return db
    .select(shapeColumns)
    .from(communes)
    .where(and(...conditions))
    .orderBy(communes.code);
}

export async function getDepartement(db: Db): Promise<Departement | undefined> {
  const [row] = await db.select().from(departements).orderBy(departements.code).limit(1);
  return row;
}

/**
 * What a commune's summary sentence needs, without any outline (a content page shows the sentence, not the
 * map): one query for the commune and its EPCI, one for the prefecture.
 */
export async function communeSummaryFacts(db: Db, code: string) {
  if (!/^[0-9][0-9AB][0-9]{3}$/.test(code)) return undefined;
  const [[row], [departement]] = await Promise.all([
    db
      .select({
        code: communes.code,
        name: communes.name,
        slug: communes.slug,
        postalCodes: communes.postalCodes,
        population: communes.population,
        areaKm2: communes.areaKm2,
        epciName: epcis.name,
        epciSeat: epcis.seatCode,
      })
      .from(communes)
      .leftJoin(epcis, eq(epcis.code, communes.epciCode))
      .where(eq(communes.code, code)),
    db.select({ chefLieu: departements.chefLieu }).from(departements).orderBy(departements.code).limit(1),
  ]);
  if (!row) return undefined;
  const { epciName, epciSeat, ...commune } = row;
  return {
    commune,
    epci: epciName ? { name: epciName, seatCode: epciSeat } : null,
    prefectureCode: departement?.chefLieu ?? null,
  };
}

/**
 * A commune's page in two queries: the commune with its EPCI, then its neighbours' outlines with the
 * landmarks' positions (the towns distances are given to).
 */
export async function communeCard(db: Db, slug: string, landmarkCodes: string[]) {
  if (!isSlug(slug)) return undefined;
  const [row] = await db
    .select({
      commune: getTableColumns(communes),
      epci: {
        code: epcis.code,
        name: epcis.name,
        slug: epcis.slug,
        kind: epcis.kind,
        seatCode: epcis.seatCode,
        seatName: epcis.seatName,
        seatLon: epcis.seatLon,
        seatLat: epcis.seatLat,
      },
    })
    .from(communes)
    .leftJoin(epcis, eq(epcis.code, communes.epciCode))
    .where(eq(communes.slug, slug));
  if (!row) return undefined;
  const { commune, epci } = row;
  const wanted = [
    ...new Set([...commune.neighbours, ...landmarkCodes, ...(epci?.seatCode ? [epci.seatCode] : [])]),
  ];
  const around = wanted.length
    ? await db
        .select({ ...summaryColumns, outline: communes.outline })
        .from(communes)
        .where(inArray(communes.code, wanted))
    : [];
  const byCode = new Map(around.map((c) => [c.code, c]));
  const neighbours = commune.neighbours
    .map((code) => byCode.get(code))
    .filter((c) => c !== undefined)
    .sort((a, b) => compareNames(a.name, b.name));
  const landmarks = landmarkCodes.map((code) => byCode.get(code)).filter((c) => c !== undefined);
  const seat = epci?.seatCode ? byCode.get(epci.seatCode) : undefined;
  return { commune, epci: epci?.code ? epci : null, neighbours, landmarks, seat };
}

export type CommuneCard = NonNullable<Awaited<ReturnType<typeof communeCard>>>;
