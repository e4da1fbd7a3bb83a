import { asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../../core/db/index.js';
import { kitSections } from '../schema.js';

export type KitSection = typeof kitSections.$inferSelect;
export type KitSectionKind = KitSection['kind'];

export const sectionKinds = ['checklist', 'text', 'links'] as const satisfies readonly KitSectionKind[];

export const sectionKindLabels: Record<KitSectionKind, string> = {
  checklist: 'Liste d’étapes à cocher',
  text: 'Texte',
  links: 'Liens utiles',
};

export interface KitLink {
  label: string;
  url: string;
}

/** The non-empty lines of a section's body: one checklist item, paragraph or link a line. */
export function bodyLines(body: string): string[] {
  return body
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

const linkPattern = /^(.+?)\s*\|\s*(https?:\/\/\S+)$/i;

/** « Libellé | https://… » → a link; anything else → null. */
export function parseLinkLine(line: string): KitLink | null {
  const match = linkPattern.exec(line.trim());
  if (!match) return null;
  try {
    const url = new URL(match[2]);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  } catch {
    return null;
  }
  return { label: match[1].trim(), url: match[2] };
}

/** The links of a 'links' section; malformed lines are skipped (the settings form refuses them). */
export const sectionLinks = (body: string): KitLink[] =>
  bodyLines(body)
    .map(parseLinkLine)
    .filter((l): l is KitLink => l !== null);

/** Every section in order (settings). */
export function listSections(db: Db): Promise<KitSection[]> {
  return db.select().from(kitSections).orderBy(asc(kitSections.position), asc(kitSections.title));
}

/** The sections a household of this profile receives: those for everyone, then its profile's, in order. */
export function sectionsForProfile(db: Db, profile: string | null): Promise<KitSection[]> {
  return db
    .select()
    .from(kitSections)
    .where(
      profile
        ? or(isNull(kitSections.targetProfile), eq(kitSections.targetProfile, profile))
        : isNull(kitSections.targetProfile),
    )
    .orderBy(asc(kitSections.position), asc(kitSections.title));
}

export async function findSection(db: Db, id: string): Promise<KitSection | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.select().from(kitSections).where(eq(kitSections.id, id));
  return row;
}

/** When the kit content last changed: part of a generated PDF's version. */
export async function contentUpdatedAt(db: Db): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<string | Date | null>`max(${kitSections.updatedAt})` })
    .from(kitSections);
  return row?.at ? new Date(row.at) : null;
}
