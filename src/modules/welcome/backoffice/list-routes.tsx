/** /admin/dossiers: the scoped table of files, with filters, sort, search and pagination. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../../core/auth/index.js';
import type { AppContext } from '../../../core/context.js';
import { notFound, pageCount } from '../../../core/http/index.js';
import { ErrorSummary, formatNumber, Notice, Pagination, plural } from '../../../core/views/index.js';
import { territoryWide, welcomePolicy } from '../access.js';
import { filesBase } from '../paths.js';
import { type Choices, loadChoices } from './choices.js';
import { exportCap } from './export-format.js';
import {
  filterParams,
  isFiltered,
  type ParsedFilters,
  parseFilters,
  queryString,
  sortParams,
} from './filters.js';
import { FilesFrame } from './frame.js';
import { FilesFilterForm, FilesTable } from './list-views.js';
import { countByStage, listFiles, totalOf } from './queries.js';

export const perPage = 50;

/** The actor, when they may use files; anyone else gets the same 404 as a page that does not exist. */
export function filesActor(request: FastifyRequest): Actor {
  const actor = request.actor;
  if (!actor || !welcomePolicy(actor, 'useFiles')) throw notFound();
  return actor;
}

/** Choices and filters of a request, for the list, the board and the exports alike. */
export async function readFilters(
  ctx: AppContext,
  request: FastifyRequest,
  actor: Actor,
): Promise<{ choices: Choices; parsed: ParsedFilters }> {
  const choices = await loadChoices(ctx.db, actor);
  return { choices, parsed: parseFilters(request.query, choices) };
}

export function listRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(filesBase, async (request, reply) => {
    const actor = filesActor(request);
    const { choices, parsed } = await readFilters(ctx, request, actor);
    const f = parsed.filters;
    const [items, counts] = await Promise.all([
      listFiles(ctx.db, actor, f, { limit: perPage, offset: (f.page - 1) * perPage }),
      countByStage(ctx.db, actor, f),
    ]);
    const total = totalOf(counts, f);
    const keep = { ...filterParams(f), ...sortParams(f) };
    const filtersOnly = queryString(filterParams(f));
    const profileNames = new Map(choices.profiles.map((p) => [p.slug, p.name]));
    return reply.page({
      title: 'Dossiers d’accueil',
      staff: true,
      status: parsed.errors ? 400 : 200,
      body: (
        <FilesFrame
          title="Dossiers d’accueil"
          current="list"
          query={filtersOnly}
          actions={
            <>
              <a class="button button--secondary" href={`${filesBase}/export.csv${queryString(keep)}`}>
                Exporter en CSV
              </a>
              <a class="button button--secondary" href={`${filesBase}/export.xlsx${queryString(keep)}`}>
                Exporter en Excel
              </a>
            </>
          }
        >
          <p class="lead">
            {territoryWide(actor)
              ? 'Tous les dossiers des foyers accompagnés sur le territoire.'
              : `Les dossiers confiés à ${actor.organisationName}.`}
          </p>
          {parsed.errors && (
            <>
              <ErrorSummary errors={parsed.errors} />
              <Notice kind="warning">
                Les critères en erreur ont été ignorés : la liste ci-dessous tient compte des autres.
              </Notice>
            </>
          )}
          <FilesFilterForm
            action={filesBase}
            choices={choices}
            values={parsed.values}
            errors={parsed.errors}
            counts={counts}
            withSort
          />
          <p class="result-count" role="status">
            {plural(total, 'dossier')}
          </p>
          {total > exportCap && (
            <Notice kind="warning">
              Les exports sont limités aux {formatNumber(exportCap)} premiers dossiers dans l’ordre choisi :
              affinez les filtres pour tout exporter.
            </Notice>
          )}
          {items.length === 0 ? (
            <p>
              {isFiltered(f)
                ? 'Aucun dossier ne correspond à ces critères.'
                : 'Aucun dossier pour le moment : les foyers qui déposent leur projet apparaîtront ici.'}
            </p>
          ) : (
            <FilesTable items={items} profileNames={profileNames} caption="Dossiers d’accueil" />
          )}
          <Pagination
            page={f.page}
            pageCount={pageCount(total, perPage)}
            href={(n) => `${filesBase}${queryString({ ...keep, page: n })}`}
          />
        </FilesFrame>
      ),
    });
  });
}
