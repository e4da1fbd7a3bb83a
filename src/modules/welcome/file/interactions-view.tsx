import type { FieldErrors } from '../../../core/http/index.js';
import {
  CsrfField,
  ErrorSummary,
  Field,
  formatDateTime,
  Select,
  TextInput,
} from '../../../core/views/index.js';
import { filePath } from '../paths.js';
import { type InteractionRow, interactionKindLabel, interactionKinds } from './interactions.js';

interface Props {
  fileId: string;
  organisationName: string;
  items: InteractionRow[];
  values: Record<string, string>;
  errors: FieldErrors | null;
}

/** The exchanges with the household: the form to add one, then the list, newest first. */
export function Interactions({ fileId, organisationName, items, values, errors }: Props) {
  const visibility = values.interactionVisibility || 'shared';
  const visibilityError = errors?.interactionVisibility;
  return (
    <section class="file-section" aria-labelledby="echanges">
      <h2 id="echanges" tabIndex={-1}>
        Échanges
      </h2>
      <details class="file-add" open={Boolean(errors)}>
        <summary>Ajouter un échange</summary>
        <ErrorSummary errors={errors} />
        <form method="post" action={filePath(fileId, 'interactions')} class="stack-form" novalidate>
          <CsrfField />
          <Select
            name="interactionKind"
            label="Type d’échange"
            options={interactionKinds.map((k) => ({ value: k.value, label: k.label }))}
            value={values.interactionKind || 'call'}
            errors={errors}
          />
          <TextInput
            name="interactionAt"
            label="Date et heure"
            type="datetime-local"
            hint="Par défaut, maintenant. Au format jj/mm/aaaa hh:mm si votre navigateur ne propose pas de calendrier."
            value={values.interactionAt}
            errors={errors}
          />
          <Field name="interactionBody" label="Compte rendu" errors={errors}>
            {(describedBy, invalid) => (
              <textarea
                id="interactionBody"
                name="interactionBody"
                rows={5}
                aria-describedby={describedBy}
                aria-invalid={invalid ? 'true' : undefined}
              >
                {values.interactionBody ?? ''}
              </textarea>
            )}
          </Field>
          <fieldset
            class={visibilityError ? 'file-fieldset field--error' : 'file-fieldset'}
            aria-describedby={visibilityError ? 'interactionVisibility-error' : undefined}
          >
            <legend>Qui peut lire cet échange ?</legend>
            {visibilityError && (
              <p class="field__error" id="interactionVisibility-error">
                <span class="visually-hidden">Erreur : </span>
                {visibilityError}
              </p>
            )}
            <div class="file-choice">
              <input
                type="radio"
                id="interactionVisibility"
                name="interactionVisibility"
                value="shared"
                checked={visibility !== 'private'}
              />
              <label for="interactionVisibility">Tous les partenaires qui suivent le dossier</label>
            </div>
            <div class="file-choice">
              <input
                type="radio"
                id="interactionVisibility-private"
                name="interactionVisibility"
                value="private"
                checked={visibility === 'private'}
              />
              <label for="interactionVisibility-private">{`${organisationName} seulement (note privée)`}</label>
            </div>
          </fieldset>
          <button type="submit" class="button">
            Enregistrer l’échange
          </button>
        </form>
      </details>
      {items.length === 0 ? (
        <p>Aucun échange enregistré pour l’instant.</p>
      ) : (
        <ol class="file-entries">
          {items.map((i) => (
            <li
              key={i.id}
              class={i.visibility === 'private' ? 'file-entry file-entry--private' : 'file-entry'}
            >
              <p class="file-entry__head">
                <strong>{interactionKindLabel(i.kind)}</strong> · {formatDateTime(i.happenedAt)} ·{' '}
                {i.authorName ?? 'Auteur supprimé'}
                {i.organisationName ? ` (${i.organisationName})` : ''}
              </p>
              {i.visibility === 'private' && (
                <p class="file-entry__private">
                  Note privée (visible par {i.organisationName ?? 'votre organisation'} seulement)
                </p>
              )}
              <p class="file-entry__body">{i.body}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
