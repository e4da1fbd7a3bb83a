/**
 * /admin/dossiers/export.csv and .xlsx: the list with the same filters and sort, only the files of the
 * actor's scope, capped. One journal entry per export (what was exported, how many), not one per file.
 */
import type { FastifyInstance } from 'fastify';
import { journalActor } from '../../../core/auth/index.js';
import type { AppContext } from '../../../core/context.js';
import { invalid } from '../../../core/http/index.js';
import { record } from '../../../core/journal/index.js';
import { filesBase } from '../paths.js';
import { exportCap, filesCsv, filesXlsx } from './export-format.js';
import { filterParams, sortParams } from './filters.js';
import { filesActor, readFilters } from './list-routes.js';
import { listFiles } from './queries.js';

const stamp = () => new Date().toISOString().slice(0, 10);

export function exportRoutes(app: FastifyInstance, ctx: AppContext): void {
  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`${filesBase}/export.${format}`, async (request, reply) => {
      const actor = filesActor(request);
      const { choices, parsed } = await readFilters(ctx, request, actor);
      // An export must hold what the person asked for: a dropped filter would export more than they think.
      if (parsed.errors)
        throw invalid(
          `Export impossible : ${Object.values(parsed.errors).join(' ')} Revenez à la liste et corrigez les filtres.`,
        );
      const f = parsed.filters;
      const items = await listFiles(ctx.db, actor, f, { limit: exportCap + 1, offset: 0 });
      const truncated = items.length > exportCap;
      if (truncated) items.length = exportCap;
      const params = Object.fromEntries(
        Object.entries({ ...filterParams(f), ...sortParams(f) }).filter(([, v]) => v),
      );
      await record(ctx.db, {
        actor: journalActor(actor),
        action: 'file.export-list',
        target: { type: 'file-list' },
        after: { format, count: items.length, truncated, filters: params },
        ip: request.ip,
      });
      const context = {
        publicUrl: ctx.config.PUBLIC_URL,
        profileNames: new Map(choices.profiles.map((p) => [p.slug, p.name])),
      };
      const name = `dossiers-accueil-${stamp()}.${format}`;
      reply
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="${name}"`);
      if (truncated) reply.header('x-export-truncated', String(exportCap));
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(filesCsv(items, context));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(await filesXlsx(items, context));
    });
  }
}
