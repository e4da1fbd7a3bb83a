import type { FieldErrors } from '../../../core/http/index.js';

/** The error line of a field, linked from the summary through the field's id. */
export function FieldError({ name, errors }: { name: string; errors?: FieldErrors | null }) {
  const error = errors?.[name];
  if (!error) return null;
  return (
    <p class="field__error" id={`${name}-error`}>
      <span class="visually-hidden">Erreur : </span>
      {error}
    </p>
  );
}

/**
 * Radios or checkboxes in a fieldset: the first control carries the field's name as id, so the error
 * summary's link lands on it.
 */
export function ChoiceGroup(props: {
  name: string;
  legend: string;
  type: 'radio' | 'checkbox';
  options: { value: string; label: string }[];
  checked: string[];
  hint?: string;
  errors?: FieldErrors | null;
  required?: boolean;
}) {
  const { name, legend, type, options, checked, hint, errors, required } = props;
  const error = errors?.[name];
  const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset
      class={error ? 'field field--error amb-choices' : 'field amb-choices'}
      aria-describedby={describedBy || undefined}
    >
      <legend>{legend}</legend>
      {hint && (
        <p class="field__hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      <FieldError name={name} errors={errors} />
      {options.map((o, i) => {
        const id = i === 0 ? name : `${name}-${o.value}`;
        return (
          <div class="amb-choice" key={o.value}>
            <input
              type={type}
              id={id}
              name={name}
              value={o.value}
              checked={checked.includes(o.value)}
              required={required && type === 'radio'}
            />
            <label for={id}>{o.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

/** A text input with an optional datalist (the browser suggests, the server decides). */
export function Input(props: {
  name: string;
  label: string;
  value?: string;
  hint?: string;
  errors?: FieldErrors | null;
  required?: boolean;
  type?: string;
  autocomplete?: string;
  list?: string;
}) {
  const { name, label, value, hint, errors, required, type = 'text', autocomplete, list } = props;
  const error = errors?.[name];
  const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={name}>
        {label}
        {!required && <span class="amb-optional"> (facultatif)</span>}
      </label>
      {hint && (
        <p class="field__hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      <FieldError name={name} errors={errors} />
      <input
        id={name}
        name={name}
        type={type}
        value={value ?? ''}
        required={required}
        autocomplete={autocomplete}
        list={list}
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}
