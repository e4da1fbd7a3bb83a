/**
 * Staff: where the network lives. The Lot's communes shaded by their number of active ambassadors (each
 * commune named with its count, and a link to the directory narrowed to it), the same figures as a table,
 * then the diaspora by chapter and by city. Colour is never the only cue: the table says it all.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { type Db, rows } from '../../../core/db/index.js';
import { ErrorSummary, FilterActions, plural, Select } from '../../../core/views/index.js';
import { CommunesMap, listCommuneShapes } from '../../territory/index.js';
import { adminPaths } from '../paths.js';
import { assertCan } from '../policy.js';
import { Frame, queryString } from '../staff/layout.js';
import { directoryChoices } from '../staff/queries.js';

/** Count classes, lightest to darkest (white borders stay visible on each). */
export const mapClasses = [
  { min: 0, max: 0, fill: '#f3efe7', label: 'Aucun ambassadeur' },
  { min: 1, max: 1, fill: '#c9dfcf', label: '1 ambassadeur' },
  { min: 2, max: 4, fill: '#8fbf9f', label: '2 à 4 ambassadeurs' },
  { min: 5, max: 9, fill: '#4f9b8f', label: '5 à 9 ambassadeurs' },
  { min: 10, max: Infinity, fill: '#2c6b62', label: '10 ambassadeurs ou plus' },
];
const fillFor = (n: number) => (mapClasses.find((c) => n >= c.min && n <= c.max) ?? mapClasses[0]).fill;
const ambassadorsLabel = (n: number) => plural(n, 'ambassadeur actif', 'ambassadeurs actifs');

const active = (chapter?: string): SQL =>
  sql.join(
    [
      sql`a.status = 'active'`,
      sql`a.erased_at is null`,
      ...(chapter ? [sql`a.chapter_slug = ${chapter}`] : []),
    ],
    sql` and `,
  );

interface CommuneCount {
  code: string;
  name: string;
  epciName: string | null;
  n: number;
}

function communeCounts(db: Db, chapter?: string) {
  return rows<CommuneCount>(
    db,
    sql`select c.code, c.name, e.name as "epciName", count(*)::int as n
      from ambassadors a join communes c on c.code = a.commune_code left join epcis e on e.code = c.epci_code
      where ${active(chapter)}
      group by c.code, c.name, e.name order by n desc, c.name`,
  );
}

function diasporaChapters(db: Db, chapter?: string) {
  return rows<{ slug: string; name: string; n: number }>(
    db,
    sql`select ch.slug, ch.name, count(a.id)::int as n
      from ambassador_chapters ch left join ambassadors a on a.chapter_slug = ch.slug and ${active()}
      where ch.kind = 'diaspora' ${chapter ? sql`and ch.slug = ${chapter}` : sql``}
      group by ch.slug, ch.name, ch.position order by ch.position, ch.name`,
  );
}

function diasporaCities(db: Db, chapter?: string) {
  return rows<{ city: string | null; country: string | null; n: number }>(
    db,
    sql`select a.city, a.country, count(*)::int as n from ambassadors a
      where ${active(chapter)} and a.commune_code is null and (a.city is not null or a.country is not null)
      group by a.city, a.country order by n desc, a.country nulls first, a.city`,
  );
}

export function mapRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(adminPaths.map, async (request, reply) => {
    assertCan(request.actor, 'read');
    const { chapters } = await directoryChoices(ctx.db);
    const asked = (request.query as Record<string, unknown>).chapitre;
    const chapterAsked = typeof asked === 'string' && asked !== '' ? asked : undefined;
    const chapter = chapters.find((c) => c.slug === chapterAsked)?.slug;
    const errors = chapterAsked && !chapter ? { chapitre: 'Choisissez un chapitre dans la liste.' } : null;
    const [shapes, counts, diaspora, cities] = await Promise.all([
      listCommuneShapes(ctx.db),
      communeCounts(ctx.db, chapter),
      diasporaChapters(ctx.db, chapter),
      diasporaCities(ctx.db, chapter),
    ]);
    const byCode = new Map(counts.map((c) => [c.code, c.n]));
    const total = counts.reduce((sum, c) => sum + c.n, 0);
    const directoryHref = (code: string) =>
      `${adminPaths.directory}${queryString({ statut: 'active', commune: code, chapitre: chapter })}`;
    return reply.page({
      title: 'Carte des ambassadeurs',
      staff: true,
      status: errors ? 400 : 200,
      body: (
        <Frame title="Carte des ambassadeurs" section={adminPaths.map}>
          {errors && <ErrorSummary errors={errors} />}
          <form
            method="get"
            action={adminPaths.map}
            class="filters"
            aria-label="Filtrer la carte par chapitre"
          >
            <Select
              name="chapitre"
              label="Chapitre"
              options={[
                { value: '', label: 'Tous' },
                ...chapters.map((c) => ({ value: c.slug, label: c.name })),
              ]}
              value={chapterAsked}
              errors={errors}
            />
            <FilterActions resetHref={adminPaths.map} />
          </form>
          <p class="result-count" role="status">
            {ambassadorsLabel(total)} dans {plural(counts.length, 'commune')} du Lot
          </p>
          <div class="ambassadors-map">
            <CommunesMap
              id="carte-ambassadeurs"
              title="Ambassadeurs actifs par commune du Lot"
              shapes={shapes}
              width={560}
              tolerance={1}
              fill={(s) => fillFor(byCode.get(s.code) ?? 0)}
              href={(s) => directoryHref(s.code)}
              label={(s) => `${s.name} : ${ambassadorsLabel(byCode.get(s.code) ?? 0)}`}
            />
            <div class="ambassadors-map__legend">
              <h2 class="ambassadors-map__title">Légende</h2>
              <ul>
                {mapClasses.map((c) => (
                  <li key={c.fill}>
                    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
                      <rect x="0.5" y="0.5" width="17" height="17" fill={c.fill} stroke="#6b6459" />
                    </svg>{' '}
                    {c.label}
                  </li>
                ))}
              </ul>
            </div>
          </div>
          <h2>Par commune</h2>
          {counts.length === 0 ? (
            <p>Aucun ambassadeur actif n’habite le Lot{chapter ? ' dans ce chapitre' : ''}.</p>
          ) : (
            <div class="table-wrap">
              <table class="admin-table">
                <caption class="visually-hidden">Ambassadeurs actifs par commune du Lot</caption>
                <thead>
                  <tr>
                    <th scope="col">Commune</th>
                    <th scope="col">Intercommunalité</th>
                    <th scope="col">Ambassadeurs actifs</th>
                  </tr>
                </thead>
                <tbody>
                  {counts.map((c) => (
                    <tr key={c.code}>
                      <th scope="row">
                        <a href={directoryHref(c.code)}>{c.name}</a>
                      </th>
                      <td>{c.epciName ?? '—'}</td>
                      <td>{c.n}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h2>La diaspora</h2>
          {diaspora.length > 0 && (
            <div class="table-wrap">
              <table class="admin-table">
                <caption>Par chapitre de la diaspora</caption>
                <thead>
                  <tr>
                    <th scope="col">Chapitre</th>
                    <th scope="col">Ambassadeurs actifs</th>
                  </tr>
                </thead>
                <tbody>
                  {diaspora.map((d) => (
                    <tr key={d.slug}>
                      <th scope="row">{d.name}</th>
                      <td>{d.n}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {cities.length === 0 ? (
            <p>Aucun ambassadeur actif ne vit hors du Lot{chapter ? ' dans ce chapitre' : ''}.</p>
          ) : (
            <div class="table-wrap">
              <table class="admin-table">
                <caption>Par ville, hors du Lot</caption>
                <thead>
                  <tr>
                    <th scope="col">Ville</th>
                    <th scope="col">Pays</th>
                    <th scope="col">Ambassadeurs actifs</th>
                  </tr>
                </thead>
                <tbody>
                  {cities.map((c) => (
                    <tr key={`${c.city}|${c.country}`}>
                      <th scope="row">{c.city ?? '—'}</th>
                      <td>{c.country ?? '—'}</td>
                      <td>{c.n}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Frame>
      ),
    });
  });
}
