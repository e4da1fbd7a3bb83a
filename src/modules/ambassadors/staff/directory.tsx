/** The directory of ambassadors: filters in the query string (a GET form), the table, pagination, CSV export. */
import type { FastifyInstance } from 'fastify';
import { journalActor } from '../../../core/auth/index.js';
import type { AppContext } from '../../../core/context.js';
import { pageCount, pageNumber } from '../../../core/http/index.js';
import { record } from '../../../core/journal/index.js';
import {
  ErrorSummary,
  FilterActions,
  formatDateTime,
  Pagination,
  plural,
  Select,
  TextInput,
} from '../../../core/views/index.js';
import { adminAmbassadorPath, adminBase } from '../paths.js';
import { assertCan } from '../policy.js';
import { ambassadorStatuses, ambassadorWillings } from '../schema.js';
import { directoryCsv } from './csv.js';
import { kindLabel, statusLabels, tieLabel, willingLabel, willingLabels } from './labels.js';
import { Frame, queryString, StatusBadge } from './layout.js';
import {
  type Choices,
  countSubmitted,
  type DirectoryRow,
  directoryChoices,
  filterParams,
  listDirectory,
  parseDirectoryQuery,
  whereLabel,
} from './queries.js';

const perPage = 50;
/** At most this many rows per export: beyond, the list is better narrowed with the filters. */
const exportCap = 10_000;

export function directoryRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(adminBase, async (request, reply) => {
    assertCan(request.actor, 'read');
    const choices = await directoryChoices(ctx.db);
    const parsed = parseDirectoryQuery(request.query, choices);
    const filters = parsed.ok ? parsed.filters : {};
    const page = pageNumber(parsed.ok ? parsed.page : 1);
    const [result, submitted] = await Promise.all([
      listDirectory(ctx.db, filters, { limit: perPage, offset: (page - 1) * perPage }),
      countSubmitted(ctx.db),
    ]);
    const values = parsed.ok ? (request.query as Record<string, string>) : parsed.values;
    const keep = filterParams(filters);
    return reply.page({
      title: 'Ambassadeurs',
      staff: true,
      status: parsed.ok ? 200 : 400,
      body: (
        <Frame
          title="Ambassadeurs"
          home
          actions={
            <>
              <a
                class="button button--secondary"
                href={`${adminBase}${queryString({ statut: 'submitted' })}`}
              >
                À valider ({submitted})
              </a>
              <a class="button button--secondary" href={`${adminBase}/export.csv${queryString(keep)}`}>
                Exporter en CSV
              </a>
            </>
          }
        >
          {!parsed.ok && <ErrorSummary errors={parsed.errors} />}
          <Filters values={values} errors={parsed.ok ? null : parsed.errors} choices={choices} />
          <p class="result-count" role="status">
            {plural(result.total, 'ambassadeur')}
          </p>
          {result.items.length === 0 ? (
            <p>Aucun ambassadeur ne correspond à ces critères.</p>
          ) : (
            <DirectoryTable items={result.items} />
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

  app.get(`${adminBase}/export.csv`, async (request, reply) => {
    const actor = request.actor;
    assertCan(actor, 'read');
    const choices = await directoryChoices(ctx.db);
    const parsed = parseDirectoryQuery(request.query, choices);
    if (!parsed.ok) {
      return reply
        .code(400)
        .type('text/plain; charset=utf-8')
        .send(`Les filtres de l’export ne sont pas valides : ${Object.values(parsed.errors).join(' ')}`);
    }
    const { items } = await listDirectory(ctx.db, parsed.filters, { limit: exportCap, offset: 0 });
    // Who took which slice of the directory away: the filters and the row count, no personal data.
    await record(ctx.db, {
      actor: journalActor(actor),
      action: 'ambassador.export-list',
      target: { type: 'ambassador-list' },
      after: { ...filterParams(parsed.filters), rows: items.length },
    });
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="ambassadeurs.csv"')
      .header('cache-control', 'no-store')
      .send(directoryCsv(items, ctx.config.PUBLIC_URL));
  });
}

function Filters({
  values,
  errors,
  choices,
}: {
  values: Record<string, string | undefined>;
  errors: Record<string, string> | null;
  choices: Choices;
}) {
  const all = { value: '', label: 'Tous' };
  return (
    <form method="get" action={adminBase} class="filters" aria-label="Filtrer les ambassadeurs">
      <TextInput
        name="q"
        label="Nom, organisation, métier ou compétence"
        type="search"
        value={values.q}
        errors={errors}
      />
      <Select
        name="statut"
        label="Statut"
        options={[
          { value: '', label: 'Tous (sauf e-mail non confirmé)' },
          ...ambassadorStatuses.map((s) => ({ value: s, label: statusLabels[s] })),
        ]}
        value={values.statut}
        errors={errors}
      />
      <Select
        name="chapitre"
        label="Chapitre"
        options={[all, ...choices.chapters.map((c) => ({ value: c.slug, label: c.name }))]}
        value={values.chapitre}
        errors={errors}
      />
      <Select
        name="commune"
        label="Commune"
        options={[
          { value: '', label: 'Toutes' },
          ...choices.communes.map((c) => ({ value: c.code, label: c.name })),
        ]}
        value={values.commune}
        errors={errors}
      />
      <Select
        name="volontaire"
        label="Volontaire pour"
        options={[
          { value: '', label: 'Tout' },
          ...ambassadorWillings.map((w) => ({ value: w, label: willingLabels[w] })),
        ]}
        value={values.volontaire}
        errors={errors}
      />
      <FilterActions resetHref={adminBase} />
    </form>
  );
}

function DirectoryTable({ items }: { items: DirectoryRow[] }) {
  return (
    <div class="table-wrap">
      <table class="admin-table">
        <caption class="visually-hidden">Ambassadeurs</caption>
        <thead>
          <tr>
            <th scope="col">Nom</th>
            <th scope="col">Type</th>
            <th scope="col">Lien au Lot</th>
            <th scope="col">Lieu</th>
            <th scope="col">Chapitre</th>
            <th scope="col">Volontaire pour</th>
            <th scope="col">Statut</th>
            <th scope="col">Dernière activité</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id}>
              <td>
                <a href={adminAmbassadorPath(a.id)}>{a.name}</a>
                {a.organisationName && <span class="muted"> · {a.organisationName}</span>}
              </td>
              <td>{kindLabel(a.kind)}</td>
              <td>{tieLabel(a.tie)}</td>
              <td>{whereLabel(a)}</td>
              <td>{a.chapterName ?? '—'}</td>
              <td>{a.willing.length ? a.willing.map(willingLabel).join(', ') : '—'}</td>
              <td>
                <StatusBadge status={a.status} />
              </td>
              <td class="nowrap">{formatDateTime(a.lastActivityAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
