/** The stages settings page: one row per stage with its own small forms, then the form to add one. */
import type { FieldErrors } from '../../../core/http/index.js';
import { Breadcrumbs, CsrfField, ErrorSummary, Notice, TextInput } from '../../../core/views/index.js';
import { boardPath, settingsBase } from '../paths.js';
import { stageKindLabels } from './choices.js';
import type { Stage } from './stages-store.js';

const base = `${settingsBase}/etapes`;

const doneMessages: Record<string, string> = {
  ajout: 'L’étape a été ajoutée à la fin de la liste.',
  nom: 'L’étape a été renommée.',
  ordre: 'L’ordre des étapes a été modifié.',
  activation: 'L’étape a été réactivée.',
  desactivation: 'L’étape a été désactivée : elle n’est plus proposée.',
};

const kindChoices = [
  { value: 'open', label: 'En cours : le foyer est accompagné dans son projet' },
  {
    value: 'settled',
    label: 'Installé : demande la commune et la date, et lance le suivi à 3, 6, 12 et 24 mois',
  },
  { value: 'closed', label: 'Clos : le dossier s’arrête, avec un motif' },
] as const;

function ActionButton({ stage, action, label }: { stage: Stage; action: string; label: string }) {
  return (
    <form method="post" action={`${base}/${stage.id}/${action}`} class="inline-form">
      <CsrfField />
      <button type="submit" class="button button--secondary button--small">
        {label}
        <span class="visually-hidden"> « {stage.name} »</span>
      </button>
    </form>
  );
}

export function StagesPage({
  stages,
  errors,
  values,
  done,
}: {
  stages: (Stage & { files: number })[];
  errors?: FieldErrors;
  values?: Record<string, string>;
  done?: string;
}) {
  return (
    <div class="container admin welcome-stages">
      <Breadcrumbs
        items={[
          { href: '/admin', label: 'Tableau de bord' },
          { href: settingsBase, label: 'Parcours d’accueil' },
          { label: 'Étapes des dossiers' },
        ]}
      />
      <h1>Étapes des dossiers</h1>
      <p class="lead">
        Les colonnes du <a href={boardPath}>tableau des dossiers</a>, dans l’ordre. Une étape qui contient des
        dossiers ne peut pas être désactivée ; une étape n’est jamais supprimée, pour garder l’historique.
      </p>
      <ErrorSummary errors={errors} />
      {done && doneMessages[done] && <Notice kind="success">{doneMessages[done]}</Notice>}
      <div class="table-wrap">
        <table class="admin-table stages-table">
          <caption class="visually-hidden">Étapes des dossiers</caption>
          <thead>
            <tr>
              <th scope="col">Ordre</th>
              <th scope="col">Nom</th>
              <th scope="col">Signification</th>
              <th scope="col">Dossiers</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {stages.map((stage, i) => {
              const fieldId = `nom-${stage.id}`;
              const error = errors?.[fieldId];
              return (
                <tr
                  key={stage.id}
                  id={`etape-${stage.id}`}
                  class={stage.active ? '' : 'stages-table__inactive'}
                >
                  <td>{i + 1}</td>
                  <td>
                    <form method="post" action={`${base}/${stage.id}/renommer`} class="rename-form">
                      <CsrfField />
                      <label for={fieldId} class="visually-hidden">
                        Nom de l’étape {i + 1}
                      </label>
                      {error && (
                        <p class="field__error" id={`${fieldId}-error`}>
                          <span class="visually-hidden">Erreur : </span>
                          {error}
                        </p>
                      )}
                      <input
                        id={fieldId}
                        name="nom"
                        type="text"
                        value={stage.name}
                        maxLength={60}
                        required
                        aria-invalid={error ? 'true' : undefined}
                        aria-describedby={error ? `${fieldId}-error` : undefined}
                      />
                      <button type="submit" class="button button--secondary button--small">
                        Renommer<span class="visually-hidden"> l’étape {i + 1}</span>
                      </button>
                    </form>
                    {!stage.active && <span class="badge badge--muted">Désactivée</span>}
                  </td>
                  <td>{stageKindLabels[stage.kind]}</td>
                  <td>{stage.files}</td>
                  <td class="stages-table__actions">
                    {i > 0 && <ActionButton stage={stage} action="monter" label="Monter" />}
                    {i < stages.length - 1 && (
                      <ActionButton stage={stage} action="descendre" label="Descendre" />
                    )}
                    {stage.active ? (
                      stage.files > 0 ? (
                        <span class="muted">
                          Désactivation impossible : {stage.files} {stage.files > 1 ? 'dossiers' : 'dossier'}
                        </span>
                      ) : (
                        <ActionButton stage={stage} action="desactiver" label="Désactiver" />
                      )
                    ) : (
                      <ActionButton stage={stage} action="activer" label="Réactiver" />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <form method="post" action={base} class="stack-form" aria-labelledby="ajouter-etape">
        <h2 id="ajouter-etape">Ajouter une étape</h2>
        <CsrfField />
        <TextInput name="nom" label="Nom de l’étape" value={values?.nom} errors={errors} required />
        <fieldset class={errors?.type ? 'field field--error' : 'field'} id="type">
          <legend>Ce que signifie cette étape</legend>
          {errors?.type && (
            <p class="field__error">
              <span class="visually-hidden">Erreur : </span>
              {errors.type}
            </p>
          )}
          {kindChoices.map((k) => (
            <div class="stage-choice" key={k.value}>
              <input
                type="radio"
                id={`type-${k.value}`}
                name="type"
                value={k.value}
                checked={(values?.type ?? 'open') === k.value}
              />
              <label for={`type-${k.value}`}>{k.label}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit" class="button">
          Ajouter l’étape
        </button>
      </form>
    </div>
  );
}
