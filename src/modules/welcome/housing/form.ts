import type { FieldErrors } from '../../../core/http/index.js';
import { type HousingStatus, housingStatuses } from './store.js';

/**
 * A date as people type it: « 15/09/2026 », « 15-09-2026 », « 15.09.2026 » or what a date picker sends
 * (2026-09-15). Returns ISO (YYYY-MM-DD), or null when it is not a real calendar date.
 */
export function parseFrenchDate(raw: string): string | null {
  const text = raw.trim();
  let d: number;
  let m: number;
  let y: number;
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
    if (!match) return null;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (y < 2000 || y > 2100) return null;
  return date.toISOString().slice(0, 10);
}

const frenchDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
/** « 15 septembre 2026 », « 1er octobre 2026 » from an ISO date. */
export const formatDay = (iso: string) =>
  frenchDate.format(new Date(`${iso}T00:00:00Z`)).replace(/^1 /, '1er ');

export interface RequestInput {
  fromOn: string;
  toOn: string | null;
  people: number | null;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

const text = (body: unknown, key: string) => {
  const v = (body as Record<string, unknown> | undefined)?.[key];
  return typeof v === 'string' ? v.trim() : '';
};

/** A new request: from date required, to date optional but not before it, people 1 to 30. */
export function parseRequestForm(body: unknown): Parsed<RequestInput> {
  const values = { fromOn: text(body, 'fromOn'), toOn: text(body, 'toOn'), people: text(body, 'people') };
  const errors: FieldErrors = {};
  const fromOn = values.fromOn ? parseFrenchDate(values.fromOn) : null;
  if (!values.fromOn) errors.fromOn = 'Indiquez la date d’arrivée souhaitée, par exemple 15/09/2026.';
  else if (!fromOn)
    errors.fromOn = 'La date d’arrivée n’est pas une date valide : écrivez-la comme 15/09/2026.';
  const toOn = values.toOn ? parseFrenchDate(values.toOn) : null;
  if (values.toOn && !toOn)
    errors.toOn = 'La date de départ n’est pas une date valide : écrivez-la comme 30/11/2026.';
  else if (fromOn && toOn && toOn < fromOn)
    errors.toOn = 'La date de départ doit être le même jour que l’arrivée ou après.';
  let people: number | null = null;
  if (values.people) {
    people = /^\d{1,3}$/.test(values.people) ? Number(values.people) : Number.NaN;
    if (!Number.isInteger(people) || people < 1 || people > 30)
      errors.people = 'Indiquez un nombre de personnes entre 1 et 30.';
  }
  if (Object.keys(errors).length || !fromOn) return { ok: false, errors, values };
  return { ok: true, value: { fromOn, toOn, people } };
}

export interface StatusInput {
  status: HousingStatus;
  outcome: string | null;
}

/** A status change: only a step the request may take, and an outcome of 1 000 characters at most. */
export function parseStatusForm(
  body: unknown,
  current: HousingStatus,
  allowed: HousingStatus[],
): Parsed<StatusInput> {
  const values = { status: text(body, 'status'), outcome: text(body, 'outcome') };
  const errors: FieldErrors = {};
  const status = values.status as HousingStatus;
  if (
    !(housingStatuses as readonly string[]).includes(values.status) ||
    (status !== current && !allowed.includes(status))
  )
    errors.status = 'Choisissez un statut dans la liste.';
  if (values.outcome.length > 1000) errors.outcome = 'L’issue tient en 1 000 caractères au plus.';
  if (Object.keys(errors).length) return { ok: false, errors, values };
  return { ok: true, value: { status, outcome: values.outcome || null } };
}
