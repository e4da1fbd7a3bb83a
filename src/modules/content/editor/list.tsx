/** « Contenus »: every content of every kind, filtered, paged, with a « Nouveau contenu » link per kind. */
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { one, rows } from '../../../core/db/index.js';
import { forbidden, pageCount, pageNumber } from '../../../core/http/index.js';
import {
  FilterActions,
  formatDateTime,
  Notice,
  Pagination,
  plural,
  Select,
  TextInput,
} from '../../../core/views/index.js';
import { adminPaths } from '../paths.js';
import { contentPolicy } from '../policy.js';
import { type ContentKind, type ContentStatus, contentKinds } from '../schema.js';
import { kindLabels, statusLabels } from '../themes.js';
import { Frame, StatusBadge } from './layout.js';

const perPage = 25;
const statusFilters = ['draft', 'review', 'published', 'scheduled'] as const;
type StatusFilter = (typeof statusFilters)[number];

interface Filters {
  type?: ContentKind;
  statut?: StatusFilter;
  q?: string;
}

interface Row {
  id: string;
  kind: ContentKind;
  title: string;
  status: ContentStatus;
  publishAt: Date | null;
  updatedAt: Date;
  authorName: string | null;
}

/** Only known values filter; anything else from the query string is ignored, never sent to SQL as is. */
function readFilters(query: Record<string, unknown>): Filters {
  const pick = <T extends string>(v: unknown, allowed: readonly T[]) =>
    typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
  const q = typeof query.q === 'string' ? query.q.trim().slice(0, 200) : '';
  return {
    type: pick(query.type, contentKinds),
    statut: pick(query.statut, statusFilters),
    q: q || undefined,
  };
}

function where(f: Filters): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.type) parts.push(sql`c.kind = ${f.type}`);
  if (f.statut === 'scheduled') parts.push(sql`c.status = 'published' and c.publish_at > now()`);
  else if (f.statut === 'published') parts.push(sql`c.status = 'published' and c.publish_at <= now()`);
  else if (f.statut) parts.push(sql`c.status = ${f.statut}`);
  if (f.q) parts.push(sql`c.title ilike ${`%${f.q.replace(/[\\%_]/g, '\\$&')}%`}`);
  return sql.join(parts, sql` and `);
}

const query = (f: Filters, page?: number) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) params.set(k, v);
  if (page && page > 1) params.set('page', String(page));
  const text = params.toString();
  return `${adminPaths.list}${text ? `?${text}` : ''}`;
};

export function listRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(adminPaths.list, async (request, reply) => {
    if (!contentPolicy(request.actor, 'read')) throw forbidden();
    const q = request.query as Record<string, unknown>;
    const filters = readFilters(q);
    const total =
      (
        await one<{ n: number }>(
          ctx.db,
          sql`select count(*)::int as n from contents c where ${where(filters)}`,
        )
      )?.n ?? 0;
    const pages = pageCount(total, perPage);
    const page = Math.min(pageNumber(typeof q.page === 'string' ? q.page : undefined), pages);
    const items = await rows<Row>(
      ctx.db,
      sql`select c.id, c.kind, c.title, c.status, c.publish_at as "publishAt", c.updated_at as "updatedAt",
            u.name as "authorName"
          from contents c left join users u on u.id = c.author_id
          where ${where(filters)} order by c.updated_at desc, c.id
          limit ${perPage} offset ${(page - 1) * perPage}`,
    );
    return reply.page({
      title: 'Contenus',
      staff: true,
      body: (
        <ListPage
          filters={filters}
          items={items}
          total={total}
          page={page}
          pages={pages}
          deleted={q.supprime !== undefined}
        />
      ),
    });
  });
}

function ListPage(props: {
  filters: Filters;
  items: Row[];
  total: number;
  page: number;
  pages: number;
  deleted: boolean;
}) {
  const { filters } = props;
  return (
    <Frame title="Contenus">
      {props.deleted && <Notice kind="success">Le contenu est supprimé.</Notice>}
      <section aria-labelledby="new-content" class="content-editor__new">
        <h2 id="new-content">Nouveau contenu</h2>
        <ul class="content-editor__kinds">
          {contentKinds.map((kind) => (
            <li key={kind}>
              <a class="button button--secondary" href={`${adminPaths.create}?type=${kind}`}>
                {kindLabels[kind].one}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <form method="get" action={adminPaths.list} class="filters" aria-label="Filtrer les contenus">
        <Select
          name="type"
          label="Type"
          options={[
            { value: '', label: 'Tous' },
            ...contentKinds.map((k) => ({ value: k, label: kindLabels[k].one })),
          ]}
          value={filters.type}
        />
        <Select
          name="statut"
          label="Statut"
          options={[
            { value: '', label: 'Tous' },
            ...statusFilters.map((s) => ({
              value: s,
              label: s === 'scheduled' ? 'Programmé' : statusLabels[s],
            })),
          ]}
          value={filters.statut}
        />
        <TextInput name="q" label="Titre contenant" type="search" value={filters.q} />
        <FilterActions resetHref={adminPaths.list} />
      </form>
      <p>{plural(props.total, 'contenu')}</p>
      {props.items.length > 0 && (
        <div class="table-wrap">
          <table class="admin-table">
            <caption class="visually-hidden">Contenus</caption>
            <thead>
              <tr>
                <th scope="col">Titre</th>
                <th scope="col">Type</th>
                <th scope="col">Statut</th>
                <th scope="col">Dernière modification</th>
                <th scope="col">Auteur</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <a href={adminPaths.edit(c.id)}>{c.title}</a>
                  </td>
                  <td>{kindLabels[c.kind].one}</td>
                  <td>
                    <StatusBadge content={c} />
                  </td>
                  <td class="nowrap">{formatDateTime(c.updatedAt)}</td>
                  <td>{c.authorName ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={props.page} pageCount={props.pages} href={(p) => query(filters, p)} />
    </Frame>
  );
}
