/** The « Logement temporaire » tab: the household's need, its requests, and housing from the inventory. */
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { ErrorSummary, Notice } from '../../../core/views/index.js';
import { emptyFilters, findPublicOpportunity, searchOpportunities } from '../../opportunities/index.js';
import { openFile } from '../access.js';
import { FileFrame, fileTitle } from '../file/frame.js';
import { loadFileHeader } from '../file/header.js';
import { findFile, type NewcomerFile, timelineLabels, touchFile } from '../files.js';
import { recordFile } from '../journal.js';
import { filePath } from '../paths.js';
import { housingRequests } from '../schema.js';
import { parseRequestForm, parseStatusForm } from './form.js';
import { findRequest, listRequests, nextStatuses } from './store.js';
import { CreateRequestForm, InventoryList, RequestCard, type RequestFormState } from './view.js';

type IdParams = { Params: { id: string } };
type RequestParams = { Params: { id: string; requestId: string } };

const tenureLabels: Record<string, string> = {
  rent: 'Location',
  buy: 'Achat',
  unknown: 'Pas encore décidé',
};

const notices: Record<string, string> = {
  cree: 'La demande de logement temporaire a été enregistrée.',
  propose: 'Le logement a été proposé : la demande passe au statut « Logement proposé ».',
  statut: 'La demande a été mise à jour.',
};

async function renderPage(
  ctx: AppContext,
  reply: FastifyReply,
  fileId: string,
  options: {
    query?: Record<string, unknown>;
    state?: RequestFormState;
    status?: number;
    problem?: string;
  } = {},
) {
  const file = (await findFile(ctx.db, fileId)) as NewcomerFile;
  const query = options.query ?? {};
  const places = [...new Set([...file.placeEpcis, ...(file.epciCode ? [file.epciCode] : [])])];
  const everywhere = query.partout === '1' || places.length === 0;
  const [header, requests, inventory] = await Promise.all([
    loadFileHeader(ctx.db, fileId),
    listRequests(ctx.db, fileId),
    searchOpportunities(
      ctx.db,
      { ...emptyFilters, kinds: ['housing'], epcis: everywhere ? [] : places, sort: 'newest' },
      { pageSize: 50, facets: false },
    ),
  ]);
  const ok = typeof query.ok === 'string' ? notices[query.ok] : undefined;
  const base = filePath(fileId, 'logement');
  return reply.page({
    title: fileTitle(header, 'logement'),
    staff: true,
    status: options.status ?? 200,
    body: (
      <div class="container admin">
        <FileFrame header={header} current="logement">
          {ok && <Notice kind="success">{ok}</Notice>}
          {options.problem && <ErrorSummary errors={{ _form: options.problem }} />}
          {options.state && !options.problem && (
            <ErrorSummary
              errors={Object.fromEntries(
                Object.entries(options.state.errors).map(([k, v]) => [
                  options.state?.requestId ? `${k}-${options.state.requestId}` : k,
                  v,
                ]),
              )}
            />
          )}
          <section class="housing-need" aria-labelledby="besoin-titre">
            <h2 id="besoin-titre">Le besoin du foyer</h2>
            <dl class="housing-request__facts">
              <div>
                <dt>Logement temporaire</dt>
                <dd>{file.needsTemporaryHousing ? 'Souhaité' : 'Non demandé à l’inscription'}</dd>
              </div>
              <div>
                <dt>Arrivée envisagée</dt>
                <dd>{file.timeline ? (timelineLabels[file.timeline] ?? file.timeline) : 'Non précisée'}</dd>
              </div>
              <div>
                <dt>Projet de logement</dt>
                <dd>{file.housingTenure ? tenureLabels[file.housingTenure] : 'Non précisé'}</dd>
              </div>
            </dl>
          </section>
          <section class="housing-requests" aria-labelledby="demandes-titre">
            <h2 id="demandes-titre">Demandes de logement temporaire</h2>
            {requests.length === 0 && <p>Aucune demande pour l’instant.</p>}
            {requests.map((r) => (
              <RequestCard
                key={r.id}
                fileId={fileId}
                request={r}
                inventory={inventory.items}
                state={options.state}
              />
            ))}
            <h3>Nouvelle demande</h3>
            <CreateRequestForm fileId={fileId} state={options.state} />
          </section>
          <InventoryList
            items={inventory.items}
            everywhere={everywhere}
            widenHref={everywhere ? null : `${base}?partout=1`}
          />
        </FileFrame>
      </div>
    ),
  });
}

export function housingStaffRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const base = (id: string) => filePath(id, 'logement');

  app.get<IdParams>(`${filePath(':id')}/logement`, async (request, reply) => {
    const id = await openFile(db, request.actor, request.params.id, { ip: request.ip });
    return renderPage(ctx, reply, id, { query: request.query as Record<string, unknown> });
  });

  app.post<IdParams>(`${filePath(':id')}/logement/demandes`, async (request, reply) => {
    const id = await openFile(db, request.actor, request.params.id, { journal: false });
    const parsed = parseRequestForm(request.body);
    if (!parsed.ok)
      return renderPage(ctx, reply, id, {
        status: 400,
        state: { requestId: null, form: 'create', values: parsed.values, errors: parsed.errors },
      });
    const [created] = await db
      .insert(housingRequests)
      .values({ fileId: id, ...parsed.value })
      .returning();
    await recordFile(
      db,
      request.actor,
      id,
      'housing.request',
      null,
      { requestId: created.id, ...parsed.value },
      request.ip,
    );
    await touchFile(db, id);
    return reply.redirect(`${base(id)}?ok=cree`, 303);
  });

  app.post<RequestParams>(
    `${filePath(':id')}/logement/demandes/:requestId/proposer`,
    async (request, reply) => {
      const id = await openFile(db, request.actor, request.params.id, { journal: false });
      const found = await findRequest(db, id, request.params.requestId);
      if (!found)
        return renderPage(ctx, reply, id, {
          status: 404,
          problem: 'Cette demande n’existe pas dans ce dossier.',
        });
      const body = (request.body ?? {}) as Record<string, unknown>;
      const opportunityId = typeof body.opportunityId === 'string' ? body.opportunityId.trim() : '';
      const fail = (message: string) =>
        renderPage(ctx, reply, id, {
          status: 400,
          state: {
            requestId: found.id,
            form: 'offer',
            values: { opportunityId },
            errors: { opportunityId: message },
          },
        });
      if (found.status !== 'requested' && found.status !== 'declined')
        return fail('Un logement est déjà proposé pour cette demande : changez d’abord son statut.');
      const housing = await findPublicOpportunity(db, opportunityId);
      if (housing?.kind !== 'housing') return fail('Choisissez un logement temporaire publié dans la liste.');
      await db
        .update(housingRequests)
        .set({ opportunityId: housing.id, status: 'offered', updatedAt: sql`now()` })
        .where(eq(housingRequests.id, found.id));
      await recordFile(
        db,
        request.actor,
        id,
        'housing.offer',
        { status: found.status, opportunityId: found.opportunityId },
        { requestId: found.id, status: 'offered', opportunityId: housing.id, title: housing.title },
        request.ip,
      );
      await touchFile(db, id);
      return reply.redirect(`${base(id)}?ok=propose`, 303);
    },
  );

  app.post<RequestParams>(
    `${filePath(':id')}/logement/demandes/:requestId/statut`,
    async (request, reply) => {
      const id = await openFile(db, request.actor, request.params.id, { journal: false });
      const found = await findRequest(db, id, request.params.requestId);
      if (!found)
        return renderPage(ctx, reply, id, {
          status: 404,
          problem: 'Cette demande n’existe pas dans ce dossier.',
        });
      const parsed = parseStatusForm(request.body, found.status, nextStatuses[found.status]);
      if (!parsed.ok)
        return renderPage(ctx, reply, id, {
          status: 400,
          state: { requestId: found.id, form: 'status', values: parsed.values, errors: parsed.errors },
        });
      await db
        .update(housingRequests)
        .set({ ...parsed.value, updatedAt: sql`now()` })
        .where(eq(housingRequests.id, found.id));
      await recordFile(
        db,
        request.actor,
        id,
        'housing.status',
        { status: found.status, outcome: found.outcome },
        { requestId: found.id, ...parsed.value },
        request.ip,
      );
      await touchFile(db, id);
      return reply.redirect(`${base(id)}?ok=statut`, 303);
    },
  );
}
