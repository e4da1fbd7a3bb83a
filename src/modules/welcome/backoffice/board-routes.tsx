/**
 * /admin/dossiers/tableau: one column per active stage, the files of the actor's scope as cards. Each card
 * carries a small form (stage + « Déplacer ») that works without JavaScript; welcome-board.ts adds drag and
 * drop, which submits the same form. A move into or out of a settled or closed stage needs more (commune and
 * date, check-ins, a reason): it goes to the file page's stage form instead.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../../core/context.js';
import { invalid, parseForm } from '../../../core/http/index.js';
import { ErrorSummary, Notice, plural } from '../../../core/views/index.js';
import { openFile } from '../access.js';
import { boardPath, filePath } from '../paths.js';
import { boardCards, currentStage, findStage, moveFile, movePath } from './board-queries.js';
import { BoardColumns } from './board-views.js';
import { filterKeys, filterParams, queryString } from './filters.js';
import { FilesFrame } from './frame.js';
import { filesActor, readFilters } from './list-routes.js';
import { FilesFilterForm } from './list-views.js';
import { countByStage } from './queries.js';

const MoveForm = Type.Object({
  fileId: Type.String({ maxLength: 64 }),
  stageId: Type.String({ maxLength: 64 }),
  retour: Type.Optional(Type.String({ maxLength: 2000 })),
});

/** The board's filters back from a submitted `retour`, known keys only (never a URL of its own). */
function backToBoard(retour: string | undefined, extra: Record<string, string> = {}): string {
  const given = new URLSearchParams(retour?.replace(/^\?/, '') ?? '');
  const kept: Record<string, string> = {};
  for (const key of filterKeys) {
    const v = given.get(key);
    if (v && key !== 'etape') kept[key] = v;
  }
  return `${boardPath}${queryString({ ...kept, ...extra })}`;
}

export function boardRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(boardPath, async (request, reply) => {
    const actor = filesActor(request);
    const { choices, parsed } = await readFilters(ctx, request, actor);
    // The board is by stage: a stage filter from the list does not narrow it (nor is it an error here).
    const f = { ...parsed.filters, stageId: undefined };
    const { etape: _ignored, ...boardErrors } = parsed.errors ?? {};
    const errors = Object.keys(boardErrors).length ? boardErrors : null;
    const [cards, counts] = await Promise.all([boardCards(ctx.db, actor, f), countByStage(ctx.db, actor, f)]);
    const query = queryString(filterParams(f));
    const moved = (request.query as Record<string, unknown>).deplace;
    const movedCard = typeof moved === 'string' ? cards.find((c) => c.id === moved) : undefined;
    const active = choices.stages.filter((s) => s.active);
    return reply.page({
      title: 'Tableau des dossiers par étape',
      staff: true,
      status: errors ? 400 : 200,
      scripts: ['welcome-board'],
      body: (
        <FilesFrame title="Tableau des dossiers par étape" current="board" query={query}>
          {errors && <ErrorSummary errors={errors} />}
          {movedCard && (
            <Notice kind="success">
              Le dossier {movedCard.reference} a été déplacé vers «{' '}
              {active.find((s) => s.id === movedCard.stageId)?.name} ».
            </Notice>
          )}
          <FilesFilterForm
            action={boardPath}
            choices={choices}
            values={parsed.values}
            errors={errors}
            withSort={false}
          />
          <p class="result-count" role="status">
            {plural(
              active.reduce((n, s) => n + (counts.get(s.id) ?? 0), 0),
              'dossier',
            )}{' '}
            dans les étapes actives
          </p>
          <BoardColumns stages={active} cards={cards} counts={counts} query={query} />
        </FilesFrame>
      ),
    });
  });

  app.post(movePath, async (request, reply) => {
    const actor = filesActor(request);
    const parsed = parseForm(MoveForm, request.body);
    const body = (request.body ?? {}) as Record<string, unknown>;
    // Scope first: a file out of reach answers 404 whatever else the form says.
    const fileId = await openFile(ctx.db, actor, typeof body.fileId === 'string' ? body.fileId : '', {
      journal: false,
    });
    if (!parsed.ok) throw invalid('Choisissez l’étape vers laquelle déplacer le dossier.');
    const to = await findStage(ctx.db, parsed.value.stageId);
    if (!to?.active)
      throw invalid('Cette étape n’existe pas ou n’est plus utilisée : choisissez-en une autre.');
    const from = await currentStage(ctx.db, fileId);
    if (!from) throw invalid('Ce dossier n’a pas pu être déplacé.');
    if (to.kind !== 'open' || (from.kind && from.kind !== 'open'))
      return reply.redirect(`${filePath(fileId)}?etape=${encodeURIComponent(to.id)}#etape`, 303);
    if (from.stageId !== to.id)
      await moveFile(ctx.db, actor, fileId, { id: from.stageId, name: from.name }, to, request.ip);
    return reply.redirect(`${backToBoard(parsed.value.retour, { deplace: fileId })}#carte-${fileId}`, 303);
  });
}
