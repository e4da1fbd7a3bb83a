/**
 * What an assignment rule's `match` text means, as pure functions: the rules page validates with them and
 * assignFile applies them, so what an editor types is exactly what runs.
 */
import { businessSectorLabels } from '../files.js';
import { projectKinds } from '../schema.js';

/** Lower case, no accents, single spaces: « Infirmière » and « infirmiere » are the same keyword. */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The comma-separated entries of a match text, trimmed, without empty ones. */
export const matchEntries = (match: string) =>
  match
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);

export interface ProjectEntry {
  kind: string;
  sector: string;
}

/** Parses 'takeover:artisanat, creation:*' into entries, or says which entry is wrong (French). */
export function parseProjectMatch(
  match: string,
): { ok: true; entries: ProjectEntry[] } | { ok: false; error: string } {
  const entries: ProjectEntry[] = [];
  for (const entry of matchEntries(match)) {
    const [kind, sector, extra] = entry.split(':').map((p) => p.trim());
    if (extra !== undefined || !kind || !sector)
      return {
        ok: false,
        error: `« ${entry} » n’a pas la forme projet:secteur, par exemple takeover:artisanat ou creation:*.`,
      };
    if (kind !== '*' && !(projectKinds as readonly string[]).includes(kind))
      return {
        ok: false,
        error: `« ${kind} » n’est pas un type de projet connu (${projectKinds.join(', ')} ou *).`,
      };
    if (sector !== '*' && !Object.hasOwn(businessSectorLabels, sector))
      return {
        ok: false,
        error: `« ${sector} » n’est pas un secteur connu (${Object.keys(businessSectorLabels).join(', ')} ou *).`,
      };
    entries.push({ kind, sector });
  }
  if (entries.length === 0)
    return { ok: false, error: 'Indiquez au moins un projet, par exemple takeover:artisanat.' };
  return { ok: true, entries };
}

/** Does a file's project (its kinds and business sector) match a project rule? */
export function projectMatches(
  match: string,
  file: { projectKinds: string[]; businessSector: string | null },
): boolean {
  const parsed = parseProjectMatch(match);
  if (!parsed.ok) return false;
  return parsed.entries.some(
    (e) =>
      (e.kind === '*' ? file.projectKinds.length > 0 : file.projectKinds.includes(e.kind)) &&
      (e.sector === '*' || e.sector === file.businessSector),
  );
}

/** The normalised keywords of an occupation rule. */
export const occupationKeywords = (match: string) => matchEntries(match).map(normalise).filter(Boolean);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Does any adult's occupation match a keyword? A keyword matches at the start of a word, so « infirmier »
 * finds « Infirmière de bloc » and « médecin » finds « Médecin généraliste », but « kiné » does not match
 * inside an unrelated word.
 */
export function occupationMatches(match: string, occupations: (string | null)[]): boolean {
  const keywords = occupationKeywords(match);
  if (keywords.length === 0) return false;
  const patterns = keywords.map((k) => new RegExp(`(^|[^a-z0-9])${escapeRegExp(k)}`));
  return occupations.some((o) => {
    if (!o) return false;
    const text = normalise(o);
    return patterns.some((p) => p.test(text));
  });
}
