import type { FastifyReply } from 'fastify';
import type { Actor } from '../../../core/auth/index.js';
import type { AppContext } from '../../../core/context.js';
import type { FieldErrors } from '../../../core/http/index.js';
import { Notice } from '../../../core/views/index.js';
import { parisDay, parisLocalInput } from './dates.js';
import { FileFrame, fileTitle } from './frame.js';
import { loadFileHeader } from './header.js';
import { Duplicates, History } from './history-view.js';
import { listInteractions } from './interactions.js';
import { Interactions } from './interactions-view.js';
import { findDuplicates } from './merge.js';
import { listStages, settlingCommunes } from './stage.js';
import { StageForm } from './stage-form.js';
import { Summary } from './summary.js';
import { loadSummary } from './summary-data.js';
import { listAssignees, listTasks } from './tasks.js';
import { Tasks } from './tasks-view.js';
import { loadTimeline } from './timeline.js';

interface FormState {
  values: Record<string, string>;
  errors: FieldErrors | null;
}

export interface PageState {
  stage?: FormState;
  interaction?: FormState;
  task?: FormState;
  /** The stage the kanban asked for (?etape=…), when it is one of the list. */
  preselectStageId?: string;
  unknownStage?: boolean;
  notice?: string | null;
  warning?: string;
  withReads?: boolean;
}

/** What a redirect after a change says, from its ?fait= code (anything else shows nothing). */
export function noticeFor(code: unknown, reference: unknown): string | null {
  switch (code) {
    case 'etape':
      return 'L’étape du dossier a été modifiée.';
    case 'inchange':
      return 'Rien n’a changé : le dossier était déjà dans cet état.';
    case 'echange':
      return 'L’échange a été enregistré.';
    case 'tache':
      return 'La tâche a été ajoutée.';
    case 'tache-faite':
      return 'La tâche est marquée comme faite.';
    case 'fusion':
      return typeof reference === 'string' && /^[A-Z0-9]{3}-[A-Z0-9]{3}$/.test(reference)
        ? `Le dossier ${reference} a été fusionné dans celui-ci. Il n’apparaît plus dans les listes.`
        : 'Les dossiers ont été fusionnés. Le dossier fusionné n’apparaît plus dans les listes.';
    default:
      return null;
  }
}

/** The whole file page; a form in error comes back with its values and messages, the rest as saved. */
export async function renderFilePage(
  ctx: AppContext,
  reply: FastifyReply,
  actor: Actor,
  fileId: string,
  state: PageState = {},
  status = 200,
) {
  const now = new Date();
  const [header, summary, stages, communes, timeline, interactions, tasks, assignees] = await Promise.all([
    loadFileHeader(ctx.db, fileId),
    loadSummary(ctx.db, fileId),
    listStages(ctx.db),
    settlingCommunes(ctx.db),
    loadTimeline(ctx.db, actor, fileId, { withReads: state.withReads }),
    listInteractions(ctx.db, actor, fileId),
    listTasks(ctx.db, fileId),
    listAssignees(ctx.db, actor, fileId),
  ]);
  const duplicates = await findDuplicates(ctx.db, actor, summary.file);
  const file = summary.file;
  const stageValues = state.stage?.values ?? {
    stageId: state.preselectStageId ?? file.stageId ?? '',
    settledCommune: file.settledCommuneCode ?? (file.placeCommunes.length === 1 ? file.placeCommunes[0] : ''),
    settledOn: file.settledOn ?? '',
  };
  // A form in error is further down the page: say so at the top, with a link to it.
  const failed = state.stage?.errors
    ? { href: '#etape', label: 'Étape du dossier' }
    : state.task?.errors
      ? { href: '#taches', label: 'Ajouter une tâche' }
      : state.interaction?.errors
        ? { href: '#echanges', label: 'Ajouter un échange' }
        : null;
  return reply.page({
    title: fileTitle(header, ''),
    staff: true,
    noindex: true,
    status,
    body: (
      <div class="container admin welcome-file">
        <FileFrame header={header} current="">
          {state.notice && <Notice kind="success">{state.notice}</Notice>}
          {state.warning && <Notice kind="warning">{state.warning}</Notice>}
          {failed && (
            <Notice kind="warning">
              Rien n’a été enregistré : <a href={failed.href}>corrigez le formulaire « {failed.label} »</a>.
            </Notice>
          )}
          <Summary summary={summary} />
          <StageForm
            fileId={fileId}
            stages={stages}
            currentStageId={file.stageId}
            communes={communes}
            values={stageValues}
            errors={state.stage?.errors ?? null}
            unknownStage={state.unknownStage}
          />
          <Duplicates fileId={fileId} items={duplicates} />
          <Tasks
            fileId={fileId}
            today={parisDay(now)}
            actorId={actor.userId}
            items={tasks}
            assignees={assignees}
            values={state.task?.values ?? {}}
            errors={state.task?.errors ?? null}
          />
          <Interactions
            fileId={fileId}
            organisationName={actor.organisationName}
            items={interactions}
            values={state.interaction?.values ?? { interactionAt: parisLocalInput(now) }}
            errors={state.interaction?.errors ?? null}
          />
          <History fileId={fileId} timeline={timeline} withReads={Boolean(state.withReads)} />
        </FileFrame>
      </div>
    ),
  });
}
