/**
 * Calendar days as people in the Lot read them (Europe/Paris), whatever the server's time zone: an expiry
 * date typed as "31/12" means the end of that day in France, not midnight UTC.
 */

const parisDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const parisOffset = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Paris',
  timeZoneName: 'longOffset',
});
const frenchDay = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });

/** The calendar day (YYYY-MM-DD) of an instant in France. */
export function parisDate(at: Date): string {
  return parisDay.format(at);
}

/** "12 mars 2026". */
export function formatDay(at: Date | string): string {
  return frenchDay.format(new Date(at));
}

/** The day n days after (or before) a YYYY-MM-DD day. */
export function addDays(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Minutes Paris is ahead of UTC at an instant (60 in winter, 120 in summer). */
function offsetMinutes(at: Date): number {
  const name = parisOffset.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = name.match(/GMT([+-])(\d{2}):(\d{2})/);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** The last second of a day in France. */
export function endOfParisDay(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  const utc = Date.UTC(y, m - 1, d, 23, 59, 59);
  return new Date(utc - offsetMinutes(new Date(utc)) * 60_000);
}

/** "31/12/2026" or "31-12-2026" as typed without a date picker → "2026-12-31"; anything else unchanged. */
export function normaliseDay(text: string): string {
  const match = text.trim().match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
  if (!match) return text.trim();
  return `${match[3]}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}`;
}
