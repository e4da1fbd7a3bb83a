/**
 * The files export as CSV (core/http/csv.ts) and as XLSX (exceljs). The same columns and the same formula
 * guard in both, so an export never runs code on the reader's computer (CSV injection), even once re-saved.
 */
import ExcelJS from 'exceljs';
import { csvDocument, guardFormula, parisDateTime } from '../../../core/http/index.js';
import { projectKindLabels } from '../files.js';
import { filePath } from '../paths.js';
import { stageKindLabels } from './choices.js';
import { placesLabel } from './frame.js';
import type { FileRow } from './queries.js';

/** At most this many rows per export: beyond, the list is better narrowed with the filters. */
export const exportCap = 10_000;

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

export function filesCsv(items: FileRow[], context: ExportContext): string {
  return csvDocument(
    columns.map((c) => c.header),
    items.map((r) => columns.map((c) => c.value(r, context))),
  );
}

/** Paris wall-clock time as the UTC fields of a date: spreadsheets have no time zones. */
const parisWallClock = (d: Date) => new Date(`${parisDateTime(d).replace(' ', 'T')}:00Z`);

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
