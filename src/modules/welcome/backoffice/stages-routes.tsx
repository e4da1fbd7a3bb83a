/** /admin/accueil/etapes: the stages of a file (administrators): list, rename, add, reorder, deactivate. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Actor } from '../../../core/auth/index.js';
import type { AppContext } from '../../../core/context.js';
import { type FieldErrors, forbidden, notFound, parseForm } from '../../../core/http/index.js';
import { welcomePolicy } from '../access.js';
import { settingsBase } from '../paths.js';
import {
  addStage,
  listStages,
  moveStage,
  renameStage,
  type StageOutcome,
  setStageActive,
} from './stages-store.js';
import { StagesPage } from './stages-views.js';

export const stagesPath = `${settingsBase}/etapes`;

const NameForm = Type.Object({ nom: Type.String({ minLength: 1, maxLength: 60 }) });
const AddForm = Type.Object({
  nom: Type.String({ minLength: 1, maxLength: 60 }),
  type: Type.Union([Type.Literal('open'), Type.Literal('settled'), Type.Literal('closed')]),
});
const nameMessages = {
  nom: 'Saisissez le nom de l’étape (60 caractères au plus).',
  type: 'Choisissez ce que signifie cette étape.',
};

function admin(request: FastifyRequest): Actor {
  const actor = request.actor;
  if (!actor || !welcomePolicy(actor, 'configure')) throw forbidden();
  return actor;
}

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

export function stagesRoutes(app: FastifyInstance, ctx: AppContext): void {
  async function render(
    reply: FastifyReply,
    state: { errors?: FieldErrors; values?: Record<string, string>; done?: string; status?: number } = {},
  ) {
    const stages = await listStages(ctx.db);
    return reply.page({
      title: 'Étapes des dossiers',
      staff: true,
      status: state.status ?? (state.errors ? 400 : 200),
      body: <StagesPage stages={stages} {...state} />,
    });
  }

  /** After a change: back to the page (POST-redirect-GET), with a line saying what happened. */
  const done = (reply: FastifyReply, what: string, id?: string) =>
    reply.redirect(`${stagesPath}?fait=${what}${id ? `#etape-${id}` : ''}`, 303);

  const outcome = (reply: FastifyReply, result: StageOutcome | null, key: string, what: string) => {
    if (!result) throw notFound('Cette étape n’existe pas.');
    if (!result.ok) return render(reply, { errors: { [key]: result.message }, status: 409 });
    return done(reply, what, result.stage.id);
  };

  app.get(stagesPath, async (request, reply) => {
    admin(request);
    const fait = (request.query as Record<string, unknown>).fait;
    return render(reply, { done: typeof fait === 'string' ? fait : undefined });
  });

  app.post(stagesPath, async (request, reply) => {
    const actor = admin(request);
    const parsed = parseForm(AddForm, request.body, nameMessages);
    if (!parsed.ok) return render(reply, { errors: parsed.errors, values: parsed.values });
    const result = await addStage(ctx.db, actor, parsed.value.nom, parsed.value.type);
    if (!result.ok)
      return render(reply, {
        errors: { nom: result.message },
        values: parsed.value as Record<string, string>,
      });
    return done(reply, 'ajout', result.stage.id);
  });

  app.post(`${stagesPath}/:id/renommer`, async (request, reply) => {
    const actor = admin(request);
    const id = idOf(request);
    const parsed = parseForm(NameForm, request.body, nameMessages);
    if (!parsed.ok) return render(reply, { errors: { [`nom-${id}`]: nameMessages.nom } });
    return outcome(reply, await renameStage(ctx.db, actor, id, parsed.value.nom), `nom-${id}`, 'nom');
  });

  for (const [path, step] of [
    ['monter', -1],
    ['descendre', 1],
  ] as const) {
    app.post(`${stagesPath}/:id/${path}`, async (request, reply) => {
      const actor = admin(request);
      return outcome(reply, await moveStage(ctx.db, actor, idOf(request), step), '_form', 'ordre');
    });
  }

  for (const [path, active] of [
    ['desactiver', false],
    ['activer', true],
  ] as const) {
    app.post(`${stagesPath}/:id/${path}`, async (request, reply) => {
      const actor = admin(request);
      const result = await setStageActive(ctx.db, actor, idOf(request), active);
      return outcome(reply, result, '_form', active ? 'activation' : 'desactivation');
    });
  }
}
