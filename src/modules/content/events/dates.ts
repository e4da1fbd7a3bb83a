/**
 * Event dates in French, on the territory's clock (Europe/Paris), whatever the server's time zone. An all-day
 * event is stored as the Paris midnight of its first day; its end (when set) is any instant of its last day,
 * or the Paris midnight after it (both read as « ends that day »).
 */
export interface EventDates {
  startsAt: Date | null;
  endsAt: Date | null;
  allDay: boolean;
}

export const parisZone = 'Europe/Paris';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: parisZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

interface ParisParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export function parisParts(d: Date): ParisParts {
  const p = Object.fromEntries(partsFormat.formatToParts(d).map((x) => [x.type, x.value]));
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
  };
}

/** The Paris calendar day of an instant, as a UTC-midnight Date (what iCalendar DATE values are built from). */
export function parisDay(d: Date): Date {
  const p = parisParts(d);
  return new Date(Date.UTC(p.year, p.month - 1, p.day));
}

const dayMs = 24 * 60 * 60 * 1000;

/** First and last day (inclusive) of an all-day event, as UTC-midnight Dates. */
export function allDayRange(e: EventDates): { first: Date; last: Date } | null {
  if (!e.startsAt) return null;
  const first = parisDay(e.startsAt);
  if (!e.endsAt) return { first, last: first };
  let last = parisDay(e.endsAt);
  const end = parisParts(e.endsAt);
  // An end at the Paris midnight after the last day is exclusive (the iCalendar habit).
  if (end.hour === 0 && end.minute === 0 && last > first) last = new Date(last.getTime() - dayMs);
  return { first, last: last < first ? first : last };
}

const weekdayDate = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const weekdayDayMonth = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});
const monthYear = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', month: 'long', year: 'numeric' });

/** « 20 h », « 20 h 30 »: the French way of writing a time. */
export function frenchTime(d: Date): string {
  const p = parisParts(d);
  return p.minute === 0 ? `${p.hour} h` : `${p.hour} h ${String(p.minute).padStart(2, '0')}`;
}

/** « samedi 14 juillet 2026 » for a Paris day (UTC-midnight Date) or an instant. */
export function frenchDay(d: Date, withYear = true): string {
  const text = (withYear ? weekdayDate : weekdayDayMonth).format(parisDay(d));
  // French writes the first of the month as an ordinal: « samedi 1er août ».
  return text.replace(/(^|\s)1 (?=\p{L})/u, '$11er ');
}

const sameDay = (a: Date, b: Date) => parisDay(a).getTime() === parisDay(b).getTime();

/**
 * When an event takes place, in one French phrase: « samedi 14 juillet 2026, de 20 h 30 à 22 h »,
 * « du vendredi 10 juillet au dimanche 12 juillet 2026 », « samedi 14 juillet 2026 (toute la journée) ».
 */
export function formatEventWhen(e: EventDates): string {
  if (!e.startsAt) return 'Date à préciser';
  if (e.allDay) {
    const range = allDayRange(e)!;
    if (range.first.getTime() === range.last.getTime()) return `${frenchDay(range.first)} (toute la journée)`;
    const sameYear = range.first.getUTCFullYear() === range.last.getUTCFullYear();
    return `du ${frenchDay(range.first, !sameYear)} au ${frenchDay(range.last)}`;
  }
  const start = e.startsAt;
  const end = e.endsAt && e.endsAt > start ? e.endsAt : null;
  if (!end) return `${frenchDay(start)} à ${frenchTime(start)}`;
  if (sameDay(start, end)) return `${frenchDay(start)}, de ${frenchTime(start)} à ${frenchTime(end)}`;
  return `du ${frenchDay(start)} à ${frenchTime(start)} au ${frenchDay(end)} à ${frenchTime(end)}`;
}

/** The month an event is listed under on the calendar: key « 2026-07 », label « Juillet 2026 ». */
export function eventMonth(startsAt: Date): { key: string; label: string } {
  const p = parisParts(startsAt);
  const label = monthYear.format(new Date(Date.UTC(p.year, p.month - 1, 1)));
  return {
    key: `${p.year}-${String(p.month).padStart(2, '0')}`,
    label: label.charAt(0).toUpperCase() + label.slice(1),
  };
}

/** YYYY-MM-DD of a UTC-midnight day (schema.org dates of all-day events). */
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
