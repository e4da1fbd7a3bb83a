/** Small parsers for the intake's hand-validated fields (repeated rows, French numbers, checkbox lists). */

export type FormValues = Record<string, string | string[]>;
export type Body = Record<string, unknown>;

/** A text field, trimmed ('' when absent or not text). */
export function text(body: Body, key: string): string {
  const value = body[key];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
}

/** Every value of a repeated field (checkboxes), trimmed, without empties or duplicates. */
export function list(body: Body, key: string): string[] {
  const value = body[key];
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return [...new Set(items.filter((v): v is string => typeof v === 'string').map((v) => v.trim()))].filter(
    Boolean,
  );
}

/**
 * An amount in euros as people type it in France: "850", "850 €", "1 200", "1.200", "250 000 euros",
 * "1 200,50" (cents are dropped), "250k". Returns null when it is not an amount.
 */
export function parseEuros(input: string): number | null {
  let s = input
    .toLowerCase()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/(€|euros?|eur)$/u, '')
    .replace(/^€/u, '');
  let factor = 1;
  if (/k$/.test(s)) {
    factor = 1000;
    s = s.slice(0, -1);
  }
  // A dot or an apostrophe followed by exactly three digits groups thousands ("1.200", "1'200").
  s = s.replace(/[.'’](?=\d{3}(\D|$))/g, '');
  const match = s.match(/^(\d+)(?:[,.](\d{1,2}))?$/);
  if (!match) return null;
  const value = Math.floor((Number(match[1]) + Number(`0.${match[2] ?? '0'}`)) * factor);
  return Number.isSafeInteger(value) ? value : null;
}

/** A whole number of years, or null. */
export function parseWhole(input: string): number | null {
  return /^\d{1,3}$/.test(input) ? Number(input) : null;
}

/** French phone numbers as typed: 10 digits starting with 0, or an international +XX number. */
export function isPhone(input: string): boolean {
  const compact = input.replace(/[\s.()-]/g, '');
  return /^0[1-9]\d{8}$/.test(compact) || /^\+\d{8,15}$/.test(compact);
}
