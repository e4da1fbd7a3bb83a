/**
 * The files export as CSV (for French spreadsheet software: UTF-8 with a byte order mark, `;` between cells,
 * CRLF, RFC 4180 quoting) and as XLSX (exceljs). The same columns and the same guard in both: a cell a
 * spreadsheet would read as a formula (= + - @, or a tab or carriage return before one) gets a leading
 * apostrophe, so an export never runs code on the reader's computer (CSV injection), even once re-saved.
 */
import ExcelJS from 'exceljs';
import { projectKindLabels } from '../files.js';
import { filePath } from '../paths.js';
import { stageKindLabels } from './choices.js';
import { placesLabel } from './frame.js';
import type { FileRow } from './queries.js';

/** At most this many rows per export: beyond, the list is better narrowed with the filters. */
export const exportCap = 10_000;

export const guardFormula = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

type Cell = string | number | Date | null;

interface Column {
  header: string;
  width: number;
  value: (r: FileRow, context: ExportContext) => Cell;
}

export interface ExportContext {
  publicUrl: string;
  profileNames: Map<string, string>;
}

const columns: Column[] = [
  { header: 'Référence', width: 10, value: (r) => r.reference },
  { header: 'Foyer', width: 24, value: (r) => r.contactName },
  { header: 'E-mail', width: 28, value: (r) => r.email },
  { header: 'Téléphone', width: 16, value: (r) => r.phone },
  { header: 'Étape', width: 22, value: (r) => r.stageName },
  { header: 'Avancement', width: 12, value: (r) => (r.stageKind ? stageKindLabels[r.stageKind] : null) },
  { header: 'Intercommunalité du dossier', width: 28, value: (r) => r.epciName ?? 'File du Département' },
  { header: 'Lieux souhaités', width: 36, value: (r) => placesLabel({ ...r, epciName: null }) },
  {
    header: 'Projet',
    width: 28,
    value: (r) => r.projectKinds.map((k) => projectKindLabels[k] ?? k).join(', '),
  },
  {
    header: 'Profil',
    width: 18,
    value: (r, c) => (r.targetProfile ? (c.profileNames.get(r.targetProfile) ?? r.targetProfile) : null),
  },
  { header: 'Référent', width: 22, value: (r) => r.referentName },
  { header: 'Organisation référente', width: 28, value: (r) => r.leadOrganisationName },
  { header: 'Déposé le', width: 17, value: (r) => r.submittedAt },
  { header: 'Dernière activité', width: 17, value: (r) => r.lastActivityAt },
  { header: 'Tâches ouvertes', width: 10, value: (r) => r.openTasks },
  { header: 'Lien', width: 40, value: (r, c) => `${c.publicUrl}${filePath(r.id)}` },
];

const parisTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
/** "2025-03-14 09:30", Paris time: what spreadsheets read as a date and time. */
const parisText = (d: Date) => parisTime.format(d);

function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return parisText(value);
  const safe = guardFormula(value);
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function filesCsv(items: FileRow[], context: ExportContext): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(';')];
  for (const r of items) lines.push(columns.map((c) => csvCell(c.value(r, context))).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Paris wall-clock time as the UTC fields of a date: spreadsheets have no time zones. */
const parisWallClock = (d: Date) => new Date(`${parisText(d).replace(' ', 'T')}:00Z`);

export async function filesXlsx(items: FileRow[], context: ExportContext): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Choisir';
  const sheet = workbook.addWorksheet('Dossiers', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const r of items) {
    sheet.addRow(
      columns.map((c) => {
        const value = c.value(r, context);
        if (value instanceof Date) return parisWallClock(value);
        return typeof value === 'string' ? guardFormula(value) : value;
      }),
    );
  }
  for (const [i, c] of columns.entries())
    if (c.header === 'Déposé le' || c.header === 'Dernière activité')
      sheet.getColumn(i + 1).numFmt = 'dd/mm/yyyy hh:mm';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
