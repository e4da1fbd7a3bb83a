import type { ComponentChildren } from 'preact';
import type { FieldErrors } from '../../../../core/http/index.js';

/** Form controls the core components lack: choice groups (fieldset + legend), a single checkbox, a textarea. */

function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p class="field__error" id={id}>
      <span class="visually-hidden">Erreur : </span>
      {message}
    </p>
  );
}

const describedBy = (...ids: unknown[]) =>
  ids.filter((id): id is string => typeof id === 'string' && id !== '').join(' ') || undefined;

interface ChoiceGroupProps {
  name: string;
  legend: string;
  hint?: ComponentChildren;
  options: { value: string; label: string; hint?: string }[];
  /** The ticked value(s). */
  value?: string | string[] | null;
  errors?: FieldErrors | null;
  type: 'radio' | 'checkbox';
  /** A smaller legend inside a repeated row. */
  legendClass?: string;
}

/**
 * Radios or checkboxes in a fieldset. The first input's id is the field name, so the error summary's
 * « #name » link lands on the group.
 */
export function ChoiceGroup({
  name,
  legend,
  hint,
  options,
  value,
  errors,
  type,
  legendClass,
}: ChoiceGroupProps) {
  const error = errors?.[name];
  const ticked = Array.isArray(value) ? value : value ? [value] : [];
  return (
    <fieldset class={error ? 'field field--error intake-choices' : 'field intake-choices'}>
      <legend class={legendClass}>{legend}</legend>
      {hint && (
        <p class="field__hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${name}-error`} message={error} />
      {options.map((o, i) => {
        const id = i === 0 ? name : `${name}-${i + 1}`;
        return (
          <div class="intake-choice" key={o.value}>
            <input
              type={type}
              id={id}
              name={name}
              value={o.value}
              checked={ticked.includes(o.value)}
              aria-describedby={describedBy(
                o.hint && `${id}-hint`,
                i === 0 && hint && `${name}-hint`,
                i === 0 && error && `${name}-error`,
              )}
            />
            <label for={id}>{o.label}</label>
            {o.hint && (
              <p class="field__hint intake-choice__hint" id={`${id}-hint`}>
                {o.hint}
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

/** One checkbox with its label beside it (and a hint under it). */
export function Checkbox(props: {
  name: string;
  id?: string;
  value?: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  checked: boolean;
  errors?: FieldErrors | null;
  errorKey?: string;
}) {
  const id = props.id ?? props.name;
  const error = props.errors?.[props.errorKey ?? id];
  return (
    <div class={error ? 'field field--error intake-choice' : 'intake-choice'}>
      <FieldError id={`${id}-error`} message={error} />
      <input
        type="checkbox"
        id={id}
        name={props.name}
        value={props.value ?? 'oui'}
        checked={props.checked}
        aria-describedby={describedBy(props.hint && `${id}-hint`, error && `${id}-error`)}
        aria-invalid={error ? 'true' : undefined}
      />
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="field__hint intake-choice__hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
    </div>
  );
}

export function TextArea(props: {
  name: string;
  label: string;
  hint?: string;
  value?: string | null;
  errors?: FieldErrors | null;
  rows?: number;
}) {
  const error = props.errors?.[props.name];
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={props.name}>{props.label}</label>
      {props.hint && (
        <p class="field__hint" id={`${props.name}-hint`}>
          {props.hint}
        </p>
      )}
      <FieldError id={`${props.name}-error`} message={error} />
      <textarea
        id={props.name}
        name={props.name}
        rows={props.rows ?? 4}
        aria-describedby={describedBy(props.hint && `${props.name}-hint`, error && `${props.name}-error`)}
        aria-invalid={error ? 'true' : undefined}
      >
        {props.value ?? ''}
      </textarea>
    </div>
  );
}

/** A form value as one string (checkbox lists give arrays). */
export const one = (v: string | string[] | undefined): string =>
  Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
export const many = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : v ? [v] : []);
