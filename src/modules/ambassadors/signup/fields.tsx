import type { FieldErrors } from '../../../core/http/index.js';
import { ambassadorWillings } from '../schema.js';
import { willingLabels } from './form.js';

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

/** Trade, skills, languages and interests: the same fields at sign-up and in the ambassador's profile. */
export function SkillFields({
  value,
  errors,
}: {
  value: (field: string) => string;
  errors?: FieldErrors | null;
}) {
  return (
    <>
      <Input name="trade" label="Votre métier" value={value('trade')} errors={errors} />
      <Input
        name="skills"
        label="Vos compétences"
        hint="Séparées par des virgules, par exemple : numérique, menuiserie, comptabilité."
        value={value('skills')}
        errors={errors}
      />
      <Input
        name="languages"
        label="Les langues que vous parlez"
        hint="Séparées par des virgules, par exemple : anglais, occitan."
        value={value('languages')}
        errors={errors}
      />
      <Input
        name="interests"
        label="Vos centres d’intérêt"
        hint="Séparés par des virgules, par exemple : randonnée, patrimoine, rugby."
        value={value('interests')}
        errors={errors}
      />
    </>
  );
}

/** What the ambassador is willing to do (checkboxes), at sign-up and in the profile. */
export function WillingField(props: { checked: string[]; hint?: string; errors?: FieldErrors | null }) {
  return (
    <ChoiceGroup
      name="willing"
      legend="Ce que vous êtes prêt à faire"
      hint={props.hint}
      type="checkbox"
      options={ambassadorWillings.map((w) => ({ value: w, label: willingLabels[w] }))}
      checked={props.checked}
      errors={props.errors}
    />
  );
}
