/** Staff: create or edit a mission; save it as a draft, or publish it (optionally emailing the ambassadors). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { type FieldErrors, notFound } from '../../../core/http/index.js';
import { CsrfField, ErrorSummary, Field, Select, TextInput } from '../../../core/views/index.js';
import { adminPaths } from '../paths.js';
import { assertCan } from '../policy.js';
import { Frame } from '../staff/layout.js';
import { parseMissionForm } from './form.js';
import { kindLabels, missionKinds } from './labels.js';
import { createMission, publishMission, updateMission } from './service.js';
import { newMissionPath } from './staff-list.js';
import { type Chapter, findMission, listChapters, type Mission } from './store.js';

export const editMissionPath = (id: string) => `${adminPaths.mission(id)}/modifier`;

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

export async function loadMission(ctx: AppContext, request: FastifyRequest): Promise<Mission> {
  const mission = await findMission(ctx.db, idOf(request));
  if (!mission) throw notFound('Cette mission n’existe pas.');
  return mission;
}

const valuesOf = (m: Mission): Record<string, string> => ({
  kind: m.kind,
  title: m.title,
  description: m.description,
  url: m.url ?? '',
  startsOn: m.startsOn ?? '',
  endsOn: m.endsOn ?? '',
  chapter: m.chapterSlug ?? '',
});

export function missionFormRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(newMissionPath, async (request, reply) => {
    assertCan(request.actor, 'manage');
    return renderForm(ctx, reply, null, { values: { kind: 'share' } });
  });

  app.post(newMissionPath, async (request, reply) => {
    const actor = request.actor;
    assertCan(actor, 'manage');
    const chapters = await listChapters(ctx.db);
    const parsed = parseMissionForm(
      request.body,
      chapters.map((c) => c.slug),
    );
    if (!parsed.ok) return renderForm(ctx, reply, null, { status: 400, ...parsed });
    const mission = await createMission(ctx, actor, parsed.value);
    if (parsed.value.intent === 'publish') {
      const sent = await publishMission(ctx, actor, mission, parsed.value.notify);
      return reply.redirect(`${adminPaths.mission(mission.id)}?ok=published&sent=${sent ?? 0}`, 303);
    }
    return reply.redirect(`${adminPaths.mission(mission.id)}?ok=created`, 303);
  });

  app.get(editMissionPath(':id'), async (request, reply) => {
    assertCan(request.actor, 'manage');
    const mission = await loadMission(ctx, request);
    return renderForm(ctx, reply, mission, { values: valuesOf(mission) });
  });

  app.post(editMissionPath(':id'), async (request, reply) => {
    const actor = request.actor;
    assertCan(actor, 'manage');
    const mission = await loadMission(ctx, request);
    const chapters = await listChapters(ctx.db);
    const parsed = parseMissionForm(
      request.body,
      chapters.map((c) => c.slug),
    );
    if (!parsed.ok) return renderForm(ctx, reply, mission, { status: 400, ...parsed });
    const saved = await updateMission(ctx, actor, mission, parsed.value);
    if (parsed.value.intent === 'publish' && saved.status !== 'open') {
      const sent = await publishMission(ctx, actor, saved, parsed.value.notify);
      return reply.redirect(`${adminPaths.mission(saved.id)}?ok=published&sent=${sent ?? 0}`, 303);
    }
    return reply.redirect(`${adminPaths.mission(saved.id)}?ok=saved`, 303);
  });
}

interface FormState {
  status?: number;
  errors?: FieldErrors;
  values: Record<string, string>;
}

async function renderForm(ctx: AppContext, reply: FastifyReply, mission: Mission | null, state: FormState) {
  const chapters = await listChapters(ctx.db);
  const title = mission ? `Modifier « ${mission.title} »` : 'Nouvelle mission';
  const trail = [{ href: adminPaths.missions, label: 'Missions' }];
  if (mission) trail.push({ href: adminPaths.mission(mission.id), label: mission.title });
  return reply.page({
    title,
    staff: true,
    status: state.status ?? 200,
    body: (
      <Frame title={title} section={adminPaths.missions} trail={trail}>
        <MissionFormView
          action={mission ? editMissionPath(mission.id) : newMissionPath}
          status={mission?.status ?? 'draft'}
          chapters={chapters}
          values={state.values}
          errors={state.errors}
        />
      </Frame>
    ),
  });
}

function MissionFormView(props: {
  action: string;
  /** An open mission is saved as it is; a draft or closed one may also be published from here. */
  status: Mission['status'];
  chapters: Chapter[];
  values: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { values, errors } = props;
  return (
    <form method="post" action={props.action} class="stack-form mission-form" novalidate>
      <CsrfField />
      <ErrorSummary errors={errors} />
      <Select
        name="kind"
        label="Type de mission"
        options={missionKinds.map((k) => ({ value: k, label: kindLabels[k] }))}
        value={values.kind}
        errors={errors}
      />
      <TextInput name="title" label="Titre" value={values.title} errors={errors} required />
      <Field
        name="description"
        label="Description"
        hint="Texte simple : un paragraphe par ligne."
        errors={errors}
      >
        {(describedBy, invalid) => (
          <textarea
            id="description"
            name="description"
            rows={8}
            required
            maxLength={5000}
            aria-describedby={describedBy}
            aria-invalid={invalid ? 'true' : undefined}
          >
            {values.description ?? ''}
          </textarea>
        )}
      </Field>
      <TextInput
        name="url"
        label="Lien (facultatif)"
        hint="Un contenu à partager ou la page de l’événement : https://… ou une page du site commençant par /."
        value={values.url}
        errors={errors}
      />
      <fieldset class="checkbox-group">
        <legend>Dates (facultatives)</legend>
        <div class="period-row">
          <TextInput name="startsOn" label="Début" type="date" value={values.startsOn} errors={errors} />
          <TextInput name="endsOn" label="Fin" type="date" value={values.endsOn} errors={errors} />
        </div>
      </fieldset>
      <Select
        name="chapter"
        label="Pour qui"
        options={[
          { value: '', label: 'Tout le réseau' },
          ...props.chapters.map((c) => ({ value: c.slug, label: c.name })),
        ]}
        value={values.chapter}
        errors={errors}
      />
      {props.status === 'open' ? (
        <div class="form-actions">
          <button class="button" type="submit" name="intent" value="save">
            Enregistrer
          </button>
        </div>
      ) : (
        <>
          <div class="field field--checkbox">
            <input
              type="checkbox"
              id="notify"
              name="notify"
              value="oui"
              checked={values.notify === 'oui'}
              aria-describedby="notify-hint"
            />
            <label for="notify">Prévenir les ambassadeurs concernés par e-mail</label>
            <p class="field__hint" id="notify-hint">
              À la publication, un e-mail à chaque ambassadeur actif du chapitre choisi (ou de tout le
              réseau).
            </p>
          </div>
          {/* Saving comes first: the Enter key submits with the first button, and must not publish. */}
          <div class="form-actions">
            <button class="button button--secondary" type="submit" name="intent" value="draft">
              {props.status === 'closed' ? 'Enregistrer' : 'Enregistrer le brouillon'}
            </button>
            <button class="button" type="submit" name="intent" value="publish">
              {props.status === 'closed' ? 'Rouvrir la mission' : 'Publier'}
            </button>
          </div>
        </>
      )}
    </form>
  );
}
