import { CsrfField, ErrorSummary } from '../../../core/views/index.js';

/** An erasure asks for a ticked box first (the ambassador leaving, or staff): one form for both. */
export function ConfirmEraseForm(props: {
  action: string;
  label: string;
  button: string;
  errors?: Record<string, string>;
}) {
  const error = props.errors?.confirm;
  return (
    <form method="post" action={props.action} novalidate class="stack-form">
      <CsrfField />
      <ErrorSummary errors={props.errors} />
      <div class={error ? 'field field--error' : 'field'}>
        {error && (
          <p class="field__error" id="confirm-error">
            <span class="visually-hidden">Erreur : </span>
            {error}
          </p>
        )}
        <div class="amb-choice">
          <input
            type="checkbox"
            id="confirm"
            name="confirm"
            value="oui"
            required
            aria-describedby={error ? 'confirm-error' : undefined}
            aria-invalid={error ? 'true' : undefined}
          />
          <label for="confirm">{props.label}</label>
        </div>
      </div>
      <button type="submit" class="button button--danger">
        {props.button}
      </button>
    </form>
  );
}
