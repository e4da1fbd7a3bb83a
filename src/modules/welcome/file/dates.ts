/**
 * Dates as the referents type them (French "12/03/2026" or what a date input sends, "2026-03-12") and as
 * the Lot lives them: "today" and "now" are Paris time, whatever the server's zone.
 */

const zone = 'Europe/Paris';
const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar day "YYYY-MM-DD" from either format, or null when it is not a real date. */
export function parseDay(input: string): string | null {
  const text = input.trim();
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (french) [d, m, y] = [Number(french[1]), Number(french[2]), Number(french[3])];
  else return null;
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** The parts of an instant as a clock in Paris shows them. */
function parisParts(at: Date) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** Today in Paris, "YYYY-MM-DD". */
export function parisDay(at: Date = new Date()): string {
  const p = parisParts(at);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** The instant a Paris clock shows `day` at `hh:mm` (the offset is taken at that moment: DST-safe). */
export function parisInstant(day: string, time = '00:00'): Date {
  const [y, m, d] = day.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  const p = parisParts(new Date(guess));
  const offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - guess;
  return new Date(guess - offset);
}

/** What a datetime-local input shows for an instant, in Paris: "2026-03-12T14:05". */
export function parisLocalInput(at: Date = new Date()): string {
  const p = parisParts(at);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * A moment from a datetime-local input ("2026-03-12T14:05") or French text ("12/03/2026 14h05", "12/03/2026
 * 14:05", or a day alone, read as noon), Paris time; null when unreadable.
 */
export function parseDateTime(input: string): Date | null {
  const text = input.trim();
  const match = /^(.+?)(?:[T\s]+(?:à\s+)?(\d{1,2})[:h](\d{2})?)?$/i.exec(text);
  if (!match) return null;
  const day = parseDay(match[1]);
  if (!day) return null;
  if (match[2] === undefined) return parisInstant(day, '12:00');
  const hour = Number(match[2]);
  const minute = Number(match[3] ?? 0);
  if (hour > 23 || minute > 59) return null;
  return parisInstant(day, `${pad(hour)}:${pad(minute)}`);
}

const dayFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
/** "2026-03-12" → "12 mars 2026". */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return dayFormat.format(new Date(Date.UTC(y, m - 1, d)));
}

/** Whole days from `from` to `to` (both "YYYY-MM-DD"). */
export function daysBetween(from: string, to: string): number {
  const [a, b] = [from, to].map((s) => {
    const [y, m, d] = s.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  });
  return Math.round((b - a) / 86_400_000);
}
