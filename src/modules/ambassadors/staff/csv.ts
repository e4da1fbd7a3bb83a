/**
 * The directory as CSV for French spreadsheet software: UTF-8 with a byte order mark, `;` between cells, CRLF,
 * RFC 4180 quoting. A cell a spreadsheet would read as a formula (= + - @, tab, carriage return) gets a leading
 * apostrophe, so an export never runs code on the reader's computer (CSV injection). The welcome module has the
 * same few lines but does not export them through its index.
 */
import { adminAmbassadorPath } from '../paths.js';
import { kindLabel, statusLabel, tieLabel, willingLabel } from './labels.js';
import { type DirectoryRow, whereLabel } from './queries.js';

const guardFormula = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const parisTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

function cell(value: string | Date | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return parisTime.format(value);
  const safe = guardFormula(value);
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const columns: [string, (r: DirectoryRow, publicUrl: string) => string | Date | null][] = [
  ['Nom', (r) => r.name],
  ['Organisation', (r) => r.organisationName],
  ['Type', (r) => kindLabel(r.kind)],
  ['E-mail', (r) => r.email],
  ['Téléphone', (r) => r.phone],
  ['Lien au Lot', (r) => tieLabel(r.tie)],
  ['Lieu', (r) => whereLabel(r)],
  ['Chapitre', (r) => r.chapterName],
  ['Métier', (r) => r.trade],
  ['Compétences', (r) => r.skills.join(', ')],
  ['Volontaire pour', (r) => r.willing.map(willingLabel).join(', ')],
  ['Statut', (r) => statusLabel(r.status)],
  ['Code', (r) => r.code],
  ['Inscrit le', (r) => r.createdAt],
  ['Dernière activité', (r) => r.lastActivityAt],
  ['Fiche', (r, url) => `${url}${adminAmbassadorPath(r.id)}`],
];

export function directoryCsv(items: DirectoryRow[], publicUrl: string): string {
  const lines = [columns.map(([header]) => cell(header)).join(';')];
  for (const r of items) lines.push(columns.map(([, value]) => cell(value(r, publicUrl))).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
