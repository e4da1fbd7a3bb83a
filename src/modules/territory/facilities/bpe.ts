import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { and, eq, isNotNull } from 'drizzle-orm';
import proj4 from 'proj4';
import type { Db } from '../../../core/db/index.js';
import { communes, facilities, facilityImports, facilityTypes } from '../schema.js';

/** Lambert 93 (RGF93), the BPE's projection for mainland France. */
proj4.defs(
  'EPSG:2154',
  '+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs',
);
const toWgs84 = proj4('EPSG:2154', 'EPSG:4326');

export interface BpeImportInput {
  /** The file's bytes (a web upload), or the path of a file on disk, read as a stream (the national file). */
  content: string | Buffer | { path: string };
  fileName: string;
  /** As shown on the card: « INSEE, BPE 2023 ». Re-importing the same source replaces its rows. */
  source: string;
  /** YYYY-MM-DD: the date the data describes. */
  sourceDate: string;
  demo?: boolean;
  createdBy?: string | null;
  /** Runs inside the import's transaction once it succeeded (the journal entry, written with the rows). */
  onImported?: (tx: Db, result: BpeImportResult) => Promise<void>;
}

export interface Problem {
  line: number;
  message: string;
}

export interface BpeImportResult {
  id: string;
  rows: number;
  inserted: number;
  skipped: number;
  problems: Problem[];
}

/** The file cannot be read as a BPE extract: nothing was changed. */
export class BpeFileError extends Error {}

const maxProblems = 50;
const formatCount = (n: number) => new Intl.NumberFormat('fr-FR').format(n);
const batchSize = 500;
const chunkSize = 64 * 1024;

/** Lowercase without accents: 'Non géolocalisé' → 'non geolocalise'. */
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();

const number = (s: string | undefined) => {
  const t = s?.trim().replace(',', '.');
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
};

/** Roughly metropolitan France and its surroundings: a point outside is an error of the source. */
const plausible = (lon: number, lat: number) => lon > -6 && lon < 10 && lat > 41 && lat < 52;

/**
 * The facility's point in WGS84, or null when the source says it is poor (QUALITE_GEOLOC, else QUALITE_XY, not
 * « Bonne » or « Acceptable ») or gives none: the card then uses the commune's centroid and says so.
 */
export function pointOf(row: Record<string, string | undefined>): { lon: number; lat: number } | null {
  const quality = row.QUALITE_GEOLOC ?? row.QUALITE_XY;
  if (quality !== undefined && !['bonne', 'acceptable'].includes(fold(quality))) return null;
  const lon = number(row.LONGITUDE);
  const lat = number(row.LATITUDE);
  if (lon !== null && lat !== null) return plausible(lon, lat) ? { lon, lat } : null;
  const x = number(row.LAMBERT_X);
  const y = number(row.LAMBERT_Y);
  const epsg = row.EPSG?.trim();
  if (x === null || y === null || (epsg && epsg !== '2154')) return null;
  const [plon, plat] = toWgs84.forward([x, y]);
  return plausible(plon, plat) ? { lon: plon, lat: plat } : null;
}

/** The header line decides the separator: the BPE ships `;` files, some reuses `,`. */
function headerOf(content: string | Buffer): string {
  if (typeof content === 'string') return content.slice(0, Math.max(0, content.indexOf('\n')) || 4096);
  const end = content.indexOf(0x0a);
  return content.subarray(0, end < 0 ? Math.min(content.length, 4096) : end).toString('latin1');
}

/** The first megabyte of a file on disk: enough to read the header. */
function headOfFile(path: string): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(path, 'r');
  } catch {
    throw new BpeFileError(`Fichier illisible : ${path}`);
  }
  try {
    const buffer = Buffer.alloc(1024 * 1024);
    const read = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Whether a whole file on disk is valid UTF-8, read once as a stream: a national file's accents may first
 * appear millions of lines in, far beyond any head one could sniff.
 */
async function fileIsUtf8(path: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of fs.createReadStream(path)) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

function* chunks(content: string | Buffer) {
  for (let i = 0; i < content.length; i += chunkSize) yield content.slice(i, i + chunkSize);
}

/**
 * Loads a BPE file (geolocated or detailed layout, `;` or `,`, UTF-8 or Latin-1): rows of the territory's
 * communes and of known types become facilities; the others are counted as skipped (an unknown type with a
 * problem line). Parsed row by row and written in batches, so the national file (2.5 million rows) goes
 * through without being held twice. One transaction: a file that breaks midway changes nothing.
 */
export async function importBpe(db: Db, input: BpeImportInput): Promise<BpeImportResult> {
  const given = input.content;
  const onDisk = typeof given === 'object' && !Buffer.isBuffer(given) ? given.path : null;
  // A file on disk is judged by its head; a whole file in memory, by itself.
  const content = onDisk ? headOfFile(onDisk) : (given as string | Buffer);
  if (content.length === 0) throw new BpeFileError('Le fichier est vide.');
  const sample = typeof content === 'string' ? null : content.subarray(0, 4096);
  if (sample?.includes(0)) throw new BpeFileError('Ce fichier n’est pas un fichier CSV (contenu binaire).');
  const header = headerOf(content);
  const delimiter = (header.match(/;/g)?.length ?? 0) >= (header.match(/,/g)?.length ?? 0) ? ';' : ',';
  const columns = header
    .replace(/^\uFEFF/, '')
    .split(delimiter)
    .map((c) => c.replace(/"/g, '').trim().toUpperCase());
  if (!columns.includes('DEPCOM') || !columns.includes('TYPEQU'))
    throw new BpeFileError(
      'Ce fichier n’a pas la forme d’un fichier de la BPE : la première ligne doit nommer les colonnes, dont DEPCOM et TYPEQU.',
    );
  const utf8 = onDisk ? await fileIsUtf8(onDisk) : typeof content === 'string' || isUtf8(content);
  const encoding = utf8 ? 'utf8' : 'latin1';

  const communeCodes = new Set((await db.select({ code: communes.code }).from(communes)).map((c) => c.code));
  const typeCodes = new Set(
    (await db.select({ code: facilityTypes.code }).from(facilityTypes)).map((t) => t.code),
  );

  return db.transaction(async (tx) => {
    const [run] = await tx
      .insert(facilityImports)
      .values({
        fileName: input.fileName.slice(0, 200),
        source: input.source,
        sourceDate: input.sourceDate,
        demo: input.demo ?? false,
        createdBy: input.createdBy ?? null,
      })
      .returning({ id: facilityImports.id });
    await tx
      .delete(facilities)
      .where(and(eq(facilities.source, input.source), isNotNull(facilities.importId)));
    // Real data replaces the fictitious extract shipped for the demonstration.
    if (!input.demo) await tx.delete(facilities).where(eq(facilities.demo, true));

    const problems: Problem[] = [];
    let problemCount = 0;
    const problem = (line: number, message: string) => {
      problemCount++;
      if (problems.length < maxProblems) problems.push({ line, message });
    };
    // One problem per unknown type, not per line: a national file holds types the catalogue leaves out by
    // design, and a vintage that renumbered a type (its pharmacies under another code) shows at once.
    const unknownTypes = new Map<string, { count: number; line: number }>();
    let rows = 0;
    let inserted = 0;
    let skipped = 0;
    let batch: (typeof facilities.$inferInsert)[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await tx.insert(facilities).values(batch);
      inserted += batch.length;
      batch = [];
    };

    const source = onDisk ? fs.createReadStream(onDisk) : Readable.from(chunks(content));
    const parser = source.pipe(
      parse({
        delimiter,
        encoding,
        bom: true,
        columns: (names: string[]) => names.map((n) => n.trim().toUpperCase()),
        info: true,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
        trim: true,
      }),
    );
    try {
      for await (const { record, info } of parser as AsyncIterable<{
        record: Record<string, string | undefined>;
        info: { lines: number };
      }>) {
        rows++;
        const line = info.lines;
        const commune = record.DEPCOM?.trim() ?? '';
        if (!communeCodes.has(commune)) {
          skipped++;
          continue;
        }
        const type = record.TYPEQU?.trim().toUpperCase() ?? '';
        if (!typeCodes.has(type)) {
          skipped++;
          const seen = unknownTypes.get(type);
          if (seen) seen.count++;
          else unknownTypes.set(type, { count: 1, line });
          continue;
        }
        const point = pointOf(record);
        const name = [record.NOMRS, record.CNOMRS].filter((s) => s?.trim()).join(' – ');
        batch.push({
          typeCode: type,
          communeCode: commune,
          name: name ? name.slice(0, 200) : null,
          lon: point?.lon ?? null,
          lat: point?.lat ?? null,
          source: input.source,
          sourceDate: input.sourceDate,
          importId: run.id,
          demo: input.demo ?? false,
        });
        if (batch.length >= batchSize) await flush();
      }
    } catch (error) {
      const e = error as { code?: string; lines?: number };
      if (typeof e.code === 'string' && e.code.startsWith('CSV_'))
        throw new BpeFileError(
          `Ligne ${e.lines ?? '?'} : le fichier n’est pas un CSV lisible (guillemets ou séparateurs mal placés). Rien n’a été importé.`,
        );
      throw error;
    }
    await flush();
    if (rows === 0) throw new BpeFileError('Le fichier ne contient aucune ligne après celle des colonnes.');
    const byCount = [...unknownTypes].sort((a, b) => b[1].count - a[1].count);
    // Thrown inside the transaction: the source's previous rows and the demo extract are kept.
    if (inserted === 0)
      throw new BpeFileError(
        `Aucune ligne ne décrit un équipement connu d’une commune du territoire : rien n’a été importé, les données en place sont gardées.${
          byCount.length
            ? ` Types rencontrés absents du catalogue : ${byCount
                .slice(0, 8)
                .map(([type]) => type.slice(0, 12) || 'vide')
                .join(', ')}.`
            : ''
        }`,
      );
    for (const [type, { count, line }] of byCount)
      problem(
        line,
        count === 1
          ? `Type d’équipement « ${type.slice(0, 12) || 'vide'} » absent du catalogue : ligne ignorée.`
          : `Type d’équipement « ${type.slice(0, 12) || 'vide'} » absent du catalogue : ${formatCount(count)} lignes ignorées, dont celle-ci.`,
      );
    if (problemCount > problems.length)
      problems.push({ line: 0, message: `… et ${problemCount - problems.length} autres problèmes.` });
    await tx
      .update(facilityImports)
      .set({ rows, inserted, skipped, problems })
      .where(eq(facilityImports.id, run.id));
    const result = { id: run.id, rows, inserted, skipped, problems };
    await input.onImported?.(tx, result);
    return result;
  });
}
