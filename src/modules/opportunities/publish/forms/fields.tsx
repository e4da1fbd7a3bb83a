/** Form controls the core components lack: long text, checkboxes, grouped lists, numbers. */
import type { ComponentChildren } from 'preact';
import type { FieldErrors } from '../../../../core/http/index.js';
import { Field, Select } from '../../../../core/views/index.js';

export type FormValues = Record<string, string | string[] | undefined>;

/** The text value of a field (a repeated field gives its first value). */
export function text(values: FormValues, name: string): string {
  const v = values[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

/** Every value of a repeated field (checkboxes). */
export function list(values: FormValues, name: string): string[] {
  const v = values[name];
  return Array.isArray(v) ? v : v ? [v] : [];
}

interface Common {
  name: string;
  label: string;
  hint?: string;
  values: FormValues;
  errors?: FieldErrors | null;
}

/** A one-line input; numbers use text with a numeric keyboard so "2 000,50" can be typed. */
export function Input({
  name,
  label,
  hint,
  values,
  errors,
  type = 'text',
  numeric,
  required,
  autocomplete,
}: Common & { type?: string; numeric?: boolean; required?: boolean; autocomplete?: string }) {
  return (
    <Field name={name} label={label} hint={hint} errors={errors}>
      {(describedBy, invalid) => (
        <input
          id={name}
          name={name}
          type={type}
          value={text(values, name)}
          inputMode={numeric ? 'decimal' : undefined}
          class={numeric ? 'input--short' : undefined}
          required={required}
          autocomplete={autocomplete}
          aria-describedby={describedBy}
          aria-invalid={invalid ? 'true' : undefined}
        />
      )}
    </Field>
  );
}

export function TextArea({ name, label, hint, values, errors, rows = 6 }: Common & { rows?: number }) {
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
          {text(values, name)}
        </textarea>
      )}
    </Field>
  );
}

/** A list of choices from a code → label record, with an empty first option. */
export function Choice({
  name,
  label,
  hint,
  values,
  errors,
  options,
  empty = 'Choisir…',
}: Common & { options: Record<string, string>; empty?: string }) {
  const choices = [
    { value: '', label: empty },
    ...Object.entries(options).map(([value, l]) => ({ value, label: l })),
  ];
  return (
    <Select
      name={name}
      label={label}
      hint={hint}
      errors={errors}
      value={text(values, name)}
      options={choices}
    />
  );
}

/** A list in groups (communes by intercommunalité, advisers by chamber). */
export function GroupedChoice({
  name,
  label,
  hint,
  values,
  errors,
  groups,
  empty = 'Choisir…',
}: Common & { groups: { label: string; options: { value: string; label: string }[] }[]; empty?: string }) {
  const value = text(values, name);
  return (
    <Field name={name} label={label} hint={hint} errors={errors}>
      {(describedBy, invalid) => (
        <select
          id={name}
          name={name}
          aria-describedby={describedBy}
          aria-invalid={invalid ? 'true' : undefined}
        >
          <option value="">{empty}</option>
          {groups.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map((o) => (
                <option key={o.value} value={o.value} selected={o.value === value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      )}
    </Field>
  );
}

/** One yes/no box; checked sends "1". */
export function Checkbox({ name, label, hint, values }: Omit<Common, 'errors'>) {
  return (
    <div class="field field--checkbox">
      <input
        id={name}
        name={name}
        type="checkbox"
        value="1"
        checked={text(values, name) === '1'}
        aria-describedby={hint ? `${name}-hint` : undefined}
      />
      <label for={name}>{label}</label>
      {hint && (
        <p class="field__hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

/** Several boxes under one question; the error summary links to the first box. */
export function CheckboxGroup({
  name,
  label,
  hint,
  values,
  errors,
  options,
}: Common & { options: { value: string; label: string }[] }) {
  const chosen = new Set(list(values, name));
  const error = errors?.[name];
  return (
    <fieldset class={error ? 'field field--error checkbox-group' : 'field checkbox-group'}>
      <legend>{label}</legend>
      {hint && <p class="field__hint">{hint}</p>}
      {error && (
        <p class="field__error" id={`${name}-error`}>
          <span class="visually-hidden">Erreur : </span>
          {error}
        </p>
      )}
      {options.map((o, i) => {
        const id = i === 0 ? name : `${name}-${o.value}`;
        return (
          <div class="field--checkbox" key={o.value}>
            <input id={id} name={name} type="checkbox" value={o.value} checked={chosen.has(o.value)} />
            <label for={id}>{o.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

/** A titled part of a long form. */
export function Section({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <fieldset class="form-section">
      <legend>{title}</legend>
      {intro && <p class="field__hint">{intro}</p>}
      {children}
    </fieldset>
  );
}
