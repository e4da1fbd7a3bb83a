/**
 * The opportunities back office: the list of one's opportunities, the forms to create and edit them, their
 * staff page, submitting and withdrawing. Moderation (queue, approve, reject) is in moderation-routes.tsx.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Actor } from '../../../core/auth/index.js';
import type { AppContext } from '../../../core/context.js';
import { AppError, invalid, pageCount, pageNumber, parseForm } from '../../../core/http/index.js';
import { ErrorSummary, Pagination, plural } from '../../../core/views/index.js';
import { assertCanSubmit, opportunitiesPolicy } from '../policy.js';
import { type OpportunityKind, opportunityKinds, opportunityStatuses } from '../schema.js';
import type { Opportunity } from '../store.js';
import { parseOpportunityForm } from './forms/parse.js';
import { adminBase, adminPath, Frame, queryString } from './layout.js';
import { KindChoice, ListFilters, OpportunityTable } from './list.js';
import { moderationRoutes } from './moderation-routes.js';
import { editableOpportunity, idOf, publishDeps, renderForm, renderView, sellerEditable } from './pages.js';
import { countPending, formChoices, listForActor } from './queries.js';
import { createFromForm, type Outcome, submit, updateFromForm, withdraw } from './service.js';

const perPage = 50;

const ListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  statut: Type.Optional(Type.Enum(opportunityStatuses)),
  type: Type.Optional(Type.Enum(opportunityKinds)),
  page: Type.Optional(Type.String()),
});
const listMessages = {
  q: 'Saisissez 200 caractères au plus.',
  statut: 'Choisissez un statut dans la liste.',
  type: 'Choisissez un type dans la liste.',
};

const isKind = (value: unknown): value is OpportunityKind =>
  typeof value === 'string' && (opportunityKinds as readonly string[]).includes(value);

export function publishRoutes(app: FastifyInstance, ctx: AppContext): void {
  ctx.staffNavigation.add({
    href: adminBase,
    label: 'Opportunités',
    order: 100,
    visible: (actor) => opportunitiesPolicy(actor, 'submit'),
  });

  app.get(adminBase, async (request, reply) => {
    const actor = request.actor;
    assertCanSubmit(actor);
    const parsed = parseForm(ListQuery, request.query, listMessages);
    const filters = parsed.ok ? parsed.value : {};
    const page = pageNumber(filters.page);
    const moderator = opportunitiesPolicy(actor, 'moderate');
    const [result, pending] = await Promise.all([
      listForActor(
        ctx.db,
        actor,
        { q: filters.q, status: filters.statut, kind: filters.type },
        { limit: perPage, offset: (page - 1) * perPage },
      ),
      moderator ? countPending(ctx.db) : Promise.resolve(0),
    ]);
    const values = parsed.ok ? (request.query as Record<string, string>) : parsed.values;
    const keep = { q: filters.q, statut: filters.statut, type: filters.type };
    return reply.page({
      title: 'Opportunités',
      staff: true,
      status: parsed.ok ? 200 : 400,
      body: (
        <Frame
          title="Opportunités"
          home
          actions={
            <>
              {moderator && (
                <a class="button button--secondary" href={`${adminBase}/moderation`}>
                  À valider ({pending})
                </a>
              )}
              <a class="button" href={`${adminBase}/nouvelle`}>
                Nouvelle annonce
              </a>
            </>
          }
        >
          <p class="lead">
            {moderator
              ? 'Toutes les annonces de la plateforme, y compris celles importées.'
              : `Les annonces de ${actor.organisationName}${actor.role === 'adviser' ? ' et celles que vous accompagnez' : ''}.`}
          </p>
          {!parsed.ok && <ErrorSummary errors={parsed.errors} />}
          <ListFilters values={values} errors={parsed.ok ? null : parsed.errors} />
          <p class="result-count" role="status">
            {plural(result.total, 'annonce')}
          </p>
          {result.items.length === 0 ? (
            <p>
              Aucune annonce ne correspond. <a href={`${adminBase}/nouvelle`}>Déposer une annonce</a>
            </p>
          ) : (
            <OpportunityTable items={result.items} caption="Annonces" showOrganisation={moderator} />
          )}
          <Pagination
            page={page}
            pageCount={pageCount(result.total, perPage)}
            href={(n) => `${adminBase}${queryString({ ...keep, page: n })}`}
          />
        </Frame>
      ),
    });
  });

  app.get(`${adminBase}/nouvelle`, async (request, reply) => {
    assertCanSubmit(request.actor);
    const kind = (request.query as Record<string, unknown>).type;
    if (!isKind(kind))
      return reply.page({
        title: 'Nouvelle annonce',
        staff: true,
        body: (
          <Frame title="Nouvelle annonce">
            <KindChoice />
          </Frame>
        ),
      });
    return renderForm(ctx, request, reply, { kind });
  });

  app.post(`${adminBase}/nouvelle`, async (request, reply) => {
    const actor = request.actor;
    assertCanSubmit(actor);
    const kind = (request.query as Record<string, unknown>).type;
    if (!isKind(kind)) throw invalid('Choisissez le type d’annonce à déposer.');
    const { lists } = await formChoices(ctx.db);
    const parsed = parseOpportunityForm(kind, request.body, {
      lists,
      now: new Date(),
      sellerEditable: sellerEditable(actor, kind),
    });
    if (!parsed.ok)
      return renderForm(ctx, request, reply, { kind, values: parsed.values, errors: parsed.errors });
    const { opportunity, outcome } = await createFromForm(publishDeps(ctx), actor, kind, parsed);
    return done(reply, opportunity, outcome);
  });

  app.get(`${adminBase}/:id`, async (request, reply) => {
    const o = await editableOpportunity(ctx, request.actor, idOf(request));
    return renderView(ctx, request, reply, o);
  });

  app.get(`${adminBase}/:id/modifier`, async (request, reply) => {
    const o = await editableOpportunity(ctx, request.actor, idOf(request));
    return renderForm(ctx, request, reply, { kind: o.kind, existing: o });
  });

  app.post(`${adminBase}/:id/modifier`, async (request, reply) => {
    const actor = request.actor as Actor;
    const o = await editableOpportunity(ctx, actor, idOf(request));
    const { lists } = await formChoices(ctx.db, o.adviserId);
    const parsed = parseOpportunityForm(o.kind, request.body, {
      lists,
      now: new Date(),
      sellerEditable: sellerEditable(actor, o.kind, o),
    });
    if (!parsed.ok)
      return renderForm(ctx, request, reply, {
        kind: o.kind,
        existing: o,
        values: parsed.values,
        errors: parsed.errors,
      });
    const { opportunity, outcome } = await updateFromForm(publishDeps(ctx), actor, o, parsed);
    return done(reply, opportunity, outcome);
  });

  /** Status changes from the staff page; a refusal the person can act on shows on that page. */
  const action = (run: typeof submit) => async (request: FastifyRequest, reply: FastifyReply) => {
    const actor = request.actor as Actor;
    const o = await editableOpportunity(ctx, actor, idOf(request));
    try {
      return done(reply, o, await run(publishDeps(ctx), actor, o));
    } catch (error) {
      if (error instanceof AppError && error.status === 409)
        return renderView(ctx, request, reply, o, { status: 409, problem: error.message });
      throw error;
    }
  };
  app.post(`${adminBase}/:id/soumettre`, action(submit));
  app.post(`${adminBase}/:id/retirer`, action(withdraw));

  moderationRoutes(app, ctx);
}

const done = (reply: FastifyReply, o: Opportunity, outcome: Outcome) =>
  reply.redirect(`${adminPath(o)}?ok=${outcome}`, 303);
