/** Routes of the « Affectation » tab. Each starts with openFile: out of scope answers the same 404 as missing. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../core/auth/index.js';
import type { AppContext } from '../../../core/context.js';
import type { FieldErrors } from '../../../core/http/index.js';
import { openFile } from '../access.js';
import { fileTitle } from '../file/frame.js';
import { loadFileHeader } from '../file/header.js';
import { filePath, filesBase } from '../paths.js';
import { submittedText } from './fields.js';
import { type ActionResult, handOff, reassignReferent } from './handoff.js';
import { loadAssignmentFile, loadTab } from './tab-data.js';
import { AssignmentTab } from './tab-view.js';

const idOf = (request: FastifyRequest) => String((request.params as { id?: string }).id ?? '');

export function assignmentTabRoutes(app: FastifyInstance, ctx: AppContext): void {
  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    fileId: string,
    options: { status?: number; errors?: FieldErrors; values?: Record<string, string>; ok?: string } = {},
  ) => {
    const actor = request.actor as Actor;
    const [header, data] = await Promise.all([
      loadFileHeader(ctx.db, fileId),
      loadTab(ctx.db, actor, fileId),
    ]);
    return reply.page({
      title: fileTitle(header, 'affectation'),
      staff: true,
      status: options.status,
      body: (
        <div class="container admin">
          <AssignmentTab
            header={header}
            data={data}
            ok={options.ok}
            errors={options.errors}
            values={options.values}
          />
        </div>
      ),
    });
  };

  app.get(`${filesBase}/:id/affectation`, async (request, reply) => {
    const fileId = await openFile(ctx.db, request.actor, idOf(request), { ip: request.ip });
    const ok = (request.query as Record<string, unknown>).ok;
    return render(request, reply, fileId, { ok: typeof ok === 'string' ? ok : undefined });
  });

  const action =
    (run: typeof reassignReferent, done: string) => async (request: FastifyRequest, reply: FastifyReply) => {
      const fileId = await openFile(ctx.db, request.actor, idOf(request), { journal: false });
      const actor = request.actor as Actor;
      const file = await loadAssignmentFile(ctx.db, fileId);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const result: ActionResult = await run(ctx, actor, file, body, request.ip);
      if (!result.ok)
        return render(request, reply, fileId, {
          status: 400,
          errors: result.errors,
          values: submittedText(body),
        });
      // Having given our access away, the file page would now answer 404: back to the list.
      if (result.lostAccess) return reply.redirect(`${filesBase}?ok=transmis`, 303);
      return reply.redirect(`${filePath(fileId, 'affectation')}?ok=${done}`, 303);
    };
  app.post(`${filesBase}/:id/affectation/referent`, action(reassignReferent, 'referent'));
  app.post(`${filesBase}/:id/affectation/transmettre`, action(handOff, 'transmis'));
}
