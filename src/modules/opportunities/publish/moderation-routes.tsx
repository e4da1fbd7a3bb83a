/** Moderation: the queue of opportunities waiting for review, approve, reject with a reason. */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Actor } from '../../../core/auth/index.js';
import type { AppContext } from '../../../core/context.js';
import { AppError, forbidden, pageCount, pageNumber, parseForm } from '../../../core/http/index.js';
import { Notice, Pagination, plural } from '../../../core/views/index.js';
import { opportunitiesPolicy } from '../policy.js';
import { adminBase, Frame, queryString } from './layout.js';
import { OpportunityTable } from './list.js';
import { editableOpportunity, idOf, publishDeps, renderView } from './pages.js';
import { moderationQueue } from './queries.js';
import { approve, type Outcome, outcomeMessages, reject } from './service.js';

const perPage = 50;
const queuePath = `${adminBase}/moderation`;

const RejectForm = Type.Object({ reason: Type.String({ minLength: 5, maxLength: 1000 }) });
const rejectMessages = {
  reason: 'Saisissez le motif du refus, de 5 à 1 000 caractères : il est envoyé à l’auteur de l’annonce.',
};

function assertModerator(actor: Actor | null): asserts actor is Actor {
  if (!opportunitiesPolicy(actor, 'moderate')) throw forbidden();
}

export function moderationRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(queuePath, async (request, reply) => {
    assertModerator(request.actor);
    const query = request.query as Record<string, string | undefined>;
    const page = pageNumber(query.page);
    const result = await moderationQueue(ctx.db, { limit: perPage, offset: (page - 1) * perPage });
    const ok = query.ok;
    const notice = ok && Object.hasOwn(outcomeMessages, ok) ? outcomeMessages[ok as Outcome] : undefined;
    return reply.page({
      title: 'Annonces à valider',
      staff: true,
      body: (
        <Frame title="Annonces à valider">
          {notice && <Notice kind="success">{notice}</Notice>}
          <p class="lead">
            La plus ancienne demande d’abord. Ouvrez une annonce pour la valider ou la refuser.
          </p>
          <p class="result-count" role="status">
            {plural(result.total, 'annonce')} en attente
          </p>
          {result.items.length === 0 ? (
            <p>Aucune annonce n’attend de validation.</p>
          ) : (
            <OpportunityTable
              items={result.items}
              caption="Annonces en attente de validation"
              showOrganisation
              showSubmitted
            />
          )}
          <Pagination
            page={page}
            pageCount={pageCount(result.total, perPage)}
            href={(n) => `${queuePath}${queryString({ page: n })}`}
          />
        </Frame>
      ),
    });
  });

  app.post(`${adminBase}/:id/valider`, async (request, reply) => {
    const actor = request.actor;
    assertModerator(actor);
    const o = await editableOpportunity(ctx, actor, idOf(request));
    try {
      const outcome = await approve(publishDeps(ctx), actor, o);
      return reply.redirect(`${queuePath}?ok=${outcome}`, 303);
    } catch (error) {
      if (error instanceof AppError && error.status === 409)
        return renderView(ctx, request, reply, o, { status: 409, problem: error.message });
      throw error;
    }
  });

  app.post(`${adminBase}/:id/refuser`, async (request, reply) => {
    const actor = request.actor;
    assertModerator(actor);
    const o = await editableOpportunity(ctx, actor, idOf(request));
    const parsed = parseForm(RejectForm, request.body, rejectMessages);
    if (!parsed.ok)
      return renderView(ctx, request, reply, o, {
        status: 400,
        errors: parsed.errors,
        reason: parsed.values.reason,
      });
    try {
      const outcome = await reject(publishDeps(ctx), actor, o, parsed.value.reason);
      return reply.redirect(`${queuePath}?ok=${outcome}`, 303);
    } catch (error) {
      if (error instanceof AppError && error.status === 409)
        return renderView(ctx, request, reply, o, { status: 409, problem: error.message });
      throw error;
    }
  });
}
