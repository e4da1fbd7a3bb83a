/**
 * Dates as editors type them (date, time and datetime-local inputs carry no time zone): read on the territory's
 * clock, Europe/Paris, whatever the server's zone, and written back the same way into the form.
 */
const zone = 'Europe/Paris';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: zone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parisFields(d: Date) {
  const p = Object.fromEntries(partsFormat.formatToParts(d).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** « 2026-05-01 » and « 14:30 » as the instant they name in Paris; null when not a real date or time. */
export function parisInstant(date: string, time = '00:00'): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})(?::\d{2})?$/.exec(time);
  if (!d || !t) return null;
  const [y, mo, da, h, mi] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  if (mo < 1 || mo > 12 || da < 1 || da > 31 || h > 23 || mi > 59) return null;
  const wanted = Date.UTC(y, mo - 1, da, h, mi);
  if (new Date(wanted).getUTCDate() !== da) return null;
  // The Paris offset is one or two hours: guess, see where the guess lands in Paris, correct (twice for DST).
  let instant = wanted;
  for (let i = 0; i < 2; i++) {
    const f = parisFields(new Date(instant));
    const [fy, fmo, fda] = f.date.split('-').map(Number);
    const [fh, fmi] = f.time.split(':').map(Number);
    instant += wanted - Date.UTC(fy, fmo - 1, fda, fh, fmi);
  }
  return new Date(instant);
}

/** « 2026-05-01T14:30 » (a datetime-local value) in Paris. */
export function parisDateTime(value: string): Date | null {
  const [date, time] = value.split('T');
  return time ? parisInstant(date, time) : null;
}

/** An instant as the Paris date and time inputs show it. */
export function parisInputs(d: Date | string | null | undefined): { date: string; time: string } {
  if (!d) return { date: '', time: '' };
  return parisFields(new Date(d));
}

/** An instant as a datetime-local value, in Paris. */
export function parisLocalValue(d: Date | string | null | undefined): string {
  if (!d) return '';
  const f = parisFields(new Date(d));
  return `${f.date}T${f.time}`;
}
