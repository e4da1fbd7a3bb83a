import { maxQueryLength } from './search.js';

/**
 * The commune search: a plain GET form that works without JavaScript; the commune-search script turns its
 * field into a combobox with suggestions. One per page (the field's id is fixed).
 */
export function CommuneSearchForm({
  q = '',
  error,
  label = 'Chercher une commune du Lot',
}: {
  q?: string;
  error?: string;
  label?: string;
}) {
  const describedBy = error ? 'commune-q-error commune-q-hint' : 'commune-q-hint';
  return (
    <form
      class="search-form commune-search"
      role="search"
      aria-label="Communes"
      method="get"
      action="/territoire/communes"
    >
      <label for="commune-q">{label}</label>
      <p class="field__hint" id="commune-q-hint">
        Nom, code postal ou code INSEE, par exemple : Figeac, Saint-Cirq-Lapopie, 46100.
      </p>
      {error && (
        <p class="field__error" id="commune-q-error">
          <span class="visually-hidden">Erreur : </span>
          {error}
        </p>
      )}
      <div class="search-form__row commune-search__row">
        <div class="commune-search__field">
          <input
            id="commune-q"
            name="q"
            type="search"
            value={q}
            maxLength={maxQueryLength}
            autocomplete="off"
            spellcheck={false}
            aria-describedby={describedBy}
            aria-invalid={error ? 'true' : undefined}
          />
        </div>
        <button type="submit">Chercher</button>
      </div>
    </form>
  );
}
