/** Form controls the core components lack (a yes/no box, a long text), for the assignment pages. */
import type { FieldErrors } from '../../../core/http/index.js';
import { Field } from '../../../core/views/index.js';

/** One yes/no box; checked sends "1". Its error, if any, shows above it. */
export function Checkbox({
  name,
  id = name,
  label,
  hint,
  checked,
  errors,
}: {
  name: string;
  id?: string;
  label: string;
  hint?: string;
  checked?: boolean;
  errors?: FieldErrors | null;
}) {
  const error = errors?.[name];
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field field--checkbox field--error' : 'field field--checkbox'}>
      {error && (
        <p class="field__error" id={`${id}-error`}>
          <span class="visually-hidden">Erreur : </span>
          {error}
        </p>
      )}
      <input
        id={id}
        name={name}
        type="checkbox"
        value="1"
        checked={checked}
        aria-describedby={describedBy || undefined}
      />
      <label for={id}>{label}</label>
      {hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

export function TextArea({
  name,
  label,
  hint,
  value,
  errors,
  rows = 4,
}: {
  name: string;
  label: string;
  hint?: string;
  value?: string | null;
  errors?: FieldErrors | null;
  rows?: number;
}) {
  return (
    <Field name={name} label={label} hint={hint} errors={errors}>
      {(describedBy, invalid) => (
        <textarea
          id={name}
          name={name}
          rows={rows}
          aria-describedby={describedBy}
          aria-invalid={invalid ? 'true' : undefined}
        >
          {value ?? ''}
        </textarea>
      )}
    </Field>
  );
}

/** The values of a submitted form, as text, to show it again after an error. */
export const submittedText = (body: unknown): Record<string, string> =>
  Object.fromEntries(
    Object.entries((body ?? {}) as Record<string, unknown>).filter(
      (e): e is [string, string] => typeof e[1] === 'string' && e[0] !== '_csrf',
    ),
  );
