/** Form controls the content form needs beyond core's: textareas, checkbox groups, a checkbox, a file input. */
import type { FieldErrors } from '../../../core/http/index.js';
import { Field } from '../../../core/views/index.js';

export function TextArea(props: {
  name: string;
  label: string;
  value: string;
  errors?: FieldErrors;
  hint?: string;
  rows?: number;
  maxLength?: number;
}) {
  return (
    <Field name={props.name} label={props.label} hint={props.hint} errors={props.errors}>
      {(describedBy, invalid) => (
        <textarea
          id={props.name}
          name={props.name}
          rows={props.rows ?? 4}
          maxLength={props.maxLength}
          aria-describedby={describedBy}
          aria-invalid={invalid ? 'true' : undefined}
        >
          {props.value}
        </textarea>
      )}
    </Field>
  );
}

export function Checkboxes(props: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  checked: string[];
  errors?: FieldErrors;
}) {
  const error = props.errors?.[props.name];
  return (
    <fieldset
      id={props.name}
      class={error ? 'field field--error checkboxes' : 'field checkboxes'}
      aria-describedby={error ? `${props.name}-error` : undefined}
    >
      <legend>{props.legend}</legend>
      {error && (
        <p class="field__error" id={`${props.name}-error`}>
          <span class="visually-hidden">Erreur : </span>
          {error}
        </p>
      )}
      <ul class="checkboxes__list">
        {props.options.map((o) => (
          <li key={o.value}>
            <input
              type="checkbox"
              id={`${props.name}-${o.value}`}
              name={props.name}
              value={o.value}
              checked={props.checked.includes(o.value)}
            />
            <label for={`${props.name}-${o.value}`}>{o.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function Checkbox(props: { name: string; label: string; checked: boolean; hint?: string }) {
  return (
    <div class="field field--checkbox">
      <input
        type="checkbox"
        id={props.name}
        name={props.name}
        value="oui"
        checked={props.checked}
        aria-describedby={props.hint ? `${props.name}-hint` : undefined}
      />
      <label for={props.name}>{props.label}</label>
      {props.hint && (
        <p class="field__hint" id={`${props.name}-hint`}>
          {props.hint}
        </p>
      )}
    </div>
  );
}

export function FileInput(props: { name: string; label: string; hint: string; errors?: FieldErrors }) {
  return (
    <Field name={props.name} label={props.label} hint={props.hint} errors={props.errors}>
      {(describedBy, invalid) => (
        <input
          type="file"
          id={props.name}
          name={props.name}
          accept="image/jpeg,image/png,image/webp"
          aria-describedby={describedBy}
          aria-invalid={invalid ? 'true' : undefined}
        />
      )}
    </Field>
  );
}
