import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../../core/auth/index.js';
import type { AppContext } from '../../../core/context.js';
import { unauthenticated } from '../../../core/http/index.js';
import { openFile } from '../access.js';
import { recordFile } from '../journal.js';
import { filePath, filesBase } from '../paths.js';
import { addInteraction } from './interactions.js';
import { mergeFiles } from './merge.js';
import { noticeFor, type PageState, renderFilePage } from './page.js';
import { changeStage, listStages } from './stage.js';
import { addTask, completeTask } from './tasks.js';

const fileUrl = `${filesBase}/:id`;

/** A signed-out visitor is asked to sign in (the same for every id: nothing is told about the file). */
function signedIn(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}

const params = (request: FastifyRequest) => request.params as { id: string; taskId?: string };
const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;

export function fileRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(fileUrl, async (request, reply) => {
    const actor = signedIn(request);
    const fileId = await openFile(ctx.db, actor, params(request).id, { ip: request.ip });
    const query = (request.query ?? {}) as Record<string, unknown>;
    const state: PageState = {
      notice: noticeFor(query.fait, query.ref),
      withReads: query.consultations === '1',
    };
    if (query.etape !== undefined && query.etape !== '') {
      const stages = await listStages(ctx.db);
      const asked = stages.find((s) => s.active && s.id === query.etape);
      if (asked) state.preselectStageId = asked.id;
      else state.unknownStage = true;
    }
    return renderFilePage(ctx, reply, actor, fileId, state);
  });

  /**
   * Every change: the scope check first (its 404 for anything out of scope), without journaling a read — the
   * change is journaled, and the page it redirects to journals the read. A form in error shows the page
   * again, which is a read.
   */
  async function change(request: FastifyRequest) {
    const actor = signedIn(request);
    const fileId = await openFile(ctx.db, actor, params(request).id, { journal: false });
    return { actor, fileId };
  }
  const readAgain = (actor: Actor, fileId: string, request: FastifyRequest) =>
    recordFile(ctx.db, actor, fileId, 'file.read', null, null, request.ip);

  app.post(`${fileUrl}/etape`, async (request, reply) => {
    const { actor, fileId } = await change(request);
    const outcome = await changeStage(ctx.db, actor, fileId, body(request), { ip: request.ip });
    if (!outcome.ok) {
      await readAgain(actor, fileId, request);
      return renderFilePage(ctx, reply, actor, fileId, { stage: outcome }, 400);
    }
    return reply.redirect(`${filePath(fileId)}?fait=${outcome.changed ? 'etape' : 'inchange'}`, 303);
  });

  app.post(`${fileUrl}/interactions`, async (request, reply) => {
    const { actor, fileId } = await change(request);
    const outcome = await addInteraction(ctx.db, actor, fileId, body(request), { ip: request.ip });
    if (!outcome.ok) {
      await readAgain(actor, fileId, request);
      return renderFilePage(ctx, reply, actor, fileId, { interaction: outcome }, 400);
    }
    return reply.redirect(`${filePath(fileId)}?fait=echange`, 303);
  });

  app.post(`${fileUrl}/taches`, async (request, reply) => {
    const { actor, fileId } = await change(request);
    const outcome = await addTask(ctx.db, actor, fileId, body(request), { ip: request.ip });
    if (!outcome.ok) {
      await readAgain(actor, fileId, request);
      return renderFilePage(ctx, reply, actor, fileId, { task: outcome }, 400);
    }
    return reply.redirect(`${filePath(fileId)}?fait=tache`, 303);
  });

  app.post(`${fileUrl}/taches/:taskId/fait`, async (request, reply) => {
    const { actor, fileId } = await change(request);
    await completeTask(ctx.db, actor, fileId, params(request).taskId ?? '', request.ip);
    return reply.redirect(`${filePath(fileId)}?fait=tache-faite`, 303);
  });

  app.post(`${fileUrl}/fusionner`, async (request, reply) => {
    const { actor, fileId } = await change(request);
    const otherId = body(request).otherId;
    // The other file goes through the same scope check: out of scope, merged or unknown is the same 404.
    const other = await openFile(ctx.db, actor, typeof otherId === 'string' ? otherId.trim() : '', {
      journal: false,
    });
    if (other === fileId) {
      await readAgain(actor, fileId, request);
      const warning = 'Un dossier ne peut pas être fusionné avec lui-même : choisissez un autre dossier.';
      return renderFilePage(ctx, reply, actor, fileId, { warning }, 400);
    }
    const merged = await mergeFiles(ctx.db, actor, fileId, other, request.ip);
    return reply.redirect(`${filePath(fileId)}?fait=fusion&ref=${encodeURIComponent(merged.reference)}`, 303);
  });
}
