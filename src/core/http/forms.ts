import type { Static, TSchema } from 'typebox';
import Value from 'typebox/value';

export type FieldErrors = Record<string, string>;

export type FormResult<T> =
  | { ok: true; value: T }
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** Default French messages for schema keywords; a form may give its own per field. */
function frenchMessage(error: { keyword: string; params: Record<string, unknown> }): string {
  switch (error.keyword) {
    case 'required':
      return 'Ce champ est obligatoire.';
    case 'minLength':
      return error.params.limit === 1
        ? 'Ce champ est obligatoire.'
        : `Saisissez au moins ${error.params.limit} caractères.`;
    case 'maxLength':
      return `Saisissez au plus ${error.params.limit} caractères.`;
    case 'format':
      return error.params.format === 'email'
        ? 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.'
        : 'Le format de ce champ n’est pas valide.';
    case 'pattern':
      return 'Le format de ce champ n’est pas valide.';
    case 'minimum':
      return `La valeur doit être au moins ${error.params.limit}.`;
    case 'maximum':
      return `La valeur doit être au plus ${error.params.limit}.`;
    case 'enum':
    case 'const':
    case 'anyOf':
      return 'Choisissez une valeur dans la liste.';
    default:
      return 'Cette valeur n’est pas valide.';
  }
}

/**
 * Validates a submitted form against a TypeBox schema. Text is trimmed and empty strings count as missing,
 * so "required" reads as a person expects. Returns the typed value or one French message per field, with the
 * submitted values to show the form again as it was typed.
 */
export function parseForm<S extends TSchema>(
  schema: S,
  body: unknown,
  messages: Record<string, string> = {},
): FormResult<Static<S>> {
  const raw: Record<string, unknown> = {};
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (key === '_csrf') continue;
    const text = Array.isArray(value) ? value : typeof value === 'string' ? value.trim() : value;
    if (typeof text === 'string') values[key] = text;
    if (text !== '' && text !== undefined) raw[key] = text;
  }
  const converted = Value.Convert(schema, Value.Default(schema, raw));
  if (Value.Check(schema, converted)) return { ok: true, value: converted as Static<S> };
  const errors: FieldErrors = {};
  for (const error of Value.Errors(schema, converted)) {
    const e = error as unknown as { keyword: string; instancePath: string; params: Record<string, unknown> };
    const fields =
      e.keyword === 'required'
        ? ((e.params.requiredProperties as string[] | undefined) ?? [])
        : [e.instancePath.split('/')[1] ?? ''];
    for (const field of fields) {
      if (!field || errors[field]) continue;
      errors[field] = messages[field] ?? frenchMessage(e);
    }
  }
  if (Object.keys(errors).length === 0) errors._form = 'Le formulaire contient une erreur.';
  return { ok: false, errors, values };
}

/** True for a real calendar day written YYYY-MM-DD (not 2026-02-30, nor 0026-05-01 read as 1926). */
export function isCalendarDay(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
