import type { FieldErrors } from '../../../core/http/index.js';
import { CsrfField, ErrorSummary, formatDateTime, Select, TextInput } from '../../../core/views/index.js';
import { filePath } from '../paths.js';
import { formatDay } from './dates.js';
import type { Assignee, TaskRow } from './tasks.js';

interface Props {
  fileId: string;
  today: string;
  actorId: string;
  items: TaskRow[];
  assignees: Assignee[];
  values: Record<string, string>;
  errors: FieldErrors | null;
}

/** Tasks: open ones by due date (late ones flagged), then done ones; the form to add one. */
export function Tasks({ fileId, today, actorId, items, assignees, values, errors }: Props) {
  const open = items.filter((t) => !t.doneAt);
  const done = items.filter((t) => t.doneAt);
  return (
    <section class="file-section" aria-labelledby="taches">
      <h2 id="taches" tabIndex={-1}>
        Tâches
      </h2>
      {open.length === 0 ? (
        <p>Aucune tâche à faire.</p>
      ) : (
        <ul class="file-entries">
          {open.map((t) => {
            const late = t.dueOn < today;
            return (
              <li key={t.id} class={late ? 'file-entry file-entry--late' : 'file-entry'}>
                <p class="file-entry__head">
                  <strong>{t.title}</strong>{' '}
                  {late ? (
                    <span class="badge badge--danger">En retard</span>
                  ) : t.dueOn === today ? (
                    <span class="badge badge--warning">Aujourd’hui</span>
                  ) : null}
                </p>
                <p>
                  À faire pour le {formatDay(t.dueOn)} · {t.assigneeName ?? 'Personne'}
                  {t.organisationName ? ` (${t.organisationName})` : ''}
                </p>
                <form method="post" action={`${filePath(fileId, 'taches')}/${t.id}/fait`} class="inline-form">
                  <CsrfField />
                  <button type="submit" class="button button--secondary">
                    Marquer comme faite<span class="visually-hidden"> : {t.title}</span>
                  </button>
                </form>
              </li>
            );
          })}
        </ul>
      )}
      <details class="file-add" open={Boolean(errors)}>
        <summary>Ajouter une tâche</summary>
        <ErrorSummary errors={errors} />
        <form method="post" action={filePath(fileId, 'taches')} class="stack-form" novalidate>
          <CsrfField />
          <TextInput name="taskTitle" label="Tâche" value={values.taskTitle} errors={errors} />
          <TextInput
            name="taskDue"
            label="À faire pour le"
            type="date"
            hint="Au format jj/mm/aaaa. Un rappel part par e-mail le matin de l’échéance, puis chaque jour de retard."
            value={values.taskDue}
            errors={errors}
          />
          <Select
            name="taskAssignee"
            label="Personne chargée de la tâche"
            options={assignees.map((a) => ({
              value: a.id,
              label: `${a.name} (${a.organisationName})${a.id === actorId ? ' — vous' : ''}`,
            }))}
            value={values.taskAssignee || actorId}
            errors={errors}
          />
          <button type="submit" class="button">
            Ajouter la tâche
          </button>
        </form>
      </details>
      {done.length > 0 && (
        <>
          <h3>Tâches faites</h3>
          <ul class="file-entries">
            {done.map((t) => (
              <li key={t.id} class="file-entry file-entry--done">
                <p>
                  <strong>{t.title}</strong> · faite le {formatDateTime(t.doneAt as Date)} ·{' '}
                  {t.assigneeName ?? 'Personne'}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
