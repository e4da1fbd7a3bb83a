/**
 * CSV for French spreadsheet software, the one way every export of the platform writes it: UTF-8 with a byte
 * order mark (or Excel reads Windows-1252), `;` between cells (the comma is the French decimal separator),
 * CRLF line ends, RFC 4180 quoting. A text cell a spreadsheet would read as a formula (= + - @, or a tab or
 * carriage return before one) gets a leading apostrophe: an export must never run code on the reader's
 * computer (CSV injection), even once re-saved.
 */

export type CsvValue = string | number | boolean | Date | null | undefined;

/** The apostrophe guard alone (also for XLSX cells, which have no quoting). */
export const guardFormula = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** A text cell, guarded and quoted when needed. */
export function csvText(value: string): string {
  const safe = guardFormula(value);
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number the French way (decimal comma); numbers come from our own columns, never from free text. */
export function csvNumber(value: number): string {
  return Number.isFinite(value) ? String(value).replace('.', ',') : '';
}

const parisTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
/** "2025-03-14 09:30", Paris time: what spreadsheets read as a date and time. */
export const parisDateTime = (d: Date) => parisTime.format(d);
export const csvDateTime = (d: Date | null) => (d ? parisDateTime(d) : '');

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'number') return csvNumber(value);
  if (value instanceof Date) return parisDateTime(value);
  return csvText(value);
}

/** One line, CRLF included. */
export function csvLine(cells: CsvValue[]): string {
  return `${cells.map(csvCell).join(';')}\r\n`;
}

/** A whole document: the byte order mark, the header line, then the rows. */
export function csvDocument(header: string[], lines: CsvValue[][]): string {
  return `\uFEFF${csvLine(header)}${lines.map(csvLine).join('')}`;
}
