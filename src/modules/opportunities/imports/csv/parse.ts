import { parse } from 'csv-parse/sync';
import { type Column, type CsvKind, csvColumns, normaliseHeader } from './columns.js';

/** One data row: its line as a spreadsheet numbers it (the header is line 1), and its cells by column. */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
  /** Filled cells beyond the last column: the row is shifted (a separator inside an unquoted text). */
  overflow: boolean;
}

export type CsvFile = { ok: true; rows: CsvRow[]; columns: Column[] } | { ok: false; problems: string[] };

export const maxRows = 10_000;

/** UTF-8, with or without BOM; anything else (a spreadsheet's legacy encoding) is refused with the fix. */
function decode(content: Buffer | string): string | null {
  if (typeof content === 'string') return content.replace(/^\uFEFF/, '');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    return null;
  }
}

/** The separator is whichever of ; and , the header line uses more. */
function separatorOf(text: string): ';' | ',' {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => header.split(c).length - 1;
  return count(';') >= count(',') ? ';' : ',';
}

/**
 * Reads a CSV file of one kind: checks its encoding, its structure and its headers (accents, capitals and
 * spaces ignored). Problems that concern the whole file are returned as French sentences and nothing of it
 * is imported; the rows themselves are validated one by one later.
 */
export function readCsv(kind: CsvKind, content: Buffer | string): CsvFile {
  const text = decode(content);
  if (text === null)
    return {
      ok: false,
      problems: [
        'Le fichier n’est pas encodé en UTF-8. Dans votre tableur, enregistrez-le au format « CSV UTF-8 (délimité par des points-virgules) ».',
      ],
    };
  if (!text.trim()) return { ok: false, problems: ['Le fichier est vide.'] };
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: separatorOf(text),
      relax_column_count: true,
      skip_empty_lines: false,
      trim: false,
    }) as string[][];
  } catch (error) {
    const e = error as Error & { lines?: number };
    return {
      ok: false,
      problems: [
        `Le fichier CSV est mal formé${e.lines ? ` vers la ligne ${e.lines}` : ''} : un guillemet n’est sans doute pas refermé. Enregistrez-le de nouveau depuis votre tableur.`,
      ],
    };
  }
  const [header = [], ...data] = records;
  const columns = csvColumns[kind];
  const known = new Map(columns.map((c) => [c.header, c]));
  const headers = header.map(normaliseHeader);
  const problems: string[] = [];
  const unknown = header.filter((_h, i) => headers[i] && !known.has(headers[i]));
  if (unknown.length)
    problems.push(
      `${unknown.length > 1 ? 'Colonnes inconnues' : 'Colonne inconnue'} : ${unknown.map((h) => `« ${h.trim()} »`).join(', ')}. Vérifiez les noms dans le guide des colonnes.`,
    );
  const twice = headers.filter((h, i) => h && headers.indexOf(h) !== i);
  if (twice.length) problems.push(`Colonne en double : ${[...new Set(twice)].join(', ')}.`);
  const missing = columns.filter((c) => c.required && !headers.includes(c.header)).map((c) => c.header);
  if (missing.length)
    problems.push(
      `${missing.length > 1 ? 'Colonnes obligatoires absentes' : 'Colonne obligatoire absente'} : ${missing.join(', ')}. Partez du modèle à télécharger.`,
    );
  if (data.length > maxRows)
    problems.push(`Le fichier compte ${data.length} lignes : importez-en ${maxRows} au plus à la fois.`);
  if (problems.length) return { ok: false, problems };
  const rows: CsvRow[] = [];
  data.forEach((record, index) => {
    // A blank line (or a row of empty cells) still counts, so line numbers match the spreadsheet's.
    if (record.every((cell) => !cell.trim())) return;
    const cells: Record<string, string> = {};
    headers.forEach((h, i) => {
      if (h) cells[h] = (record[i] ?? '').trim();
    });
    const overflow = record.slice(headers.length).some((cell) => cell.trim() !== '');
    rows.push({ line: index + 2, cells, overflow });
  });
  if (rows.length === 0)
    return { ok: false, problems: ['Le fichier ne contient aucune ligne après les en-têtes.'] };
  return { ok: true, rows, columns };
}
