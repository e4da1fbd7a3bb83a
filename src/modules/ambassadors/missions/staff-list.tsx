/** Staff: the missions, filtered by status, kind and chapter, with how many accepted and did each one. */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../../core/context.js';
import { parseForm } from '../../../core/http/index.js';
import { ErrorSummary, FilterActions, plural, Select } from '../../../core/views/index.js';
import { adminPaths } from '../paths.js';
import { assertCan } from '../policy.js';
import { Frame } from '../staff/layout.js';
import { kindLabels, missionKinds, missionStatuses, missionStatusLabels, periodLabel } from './labels.js';
import { type Chapter, listChapters, listMissions, type MissionFilters, type MissionRow } from './store.js';
import { MissionStatusBadge } from './views.js';

const FilterQuery = Type.Object({
  statut: Type.Optional(Type.Union(missionStatuses.map((s) => Type.Literal(s)))),
  type: Type.Optional(Type.Union(missionKinds.map((k) => Type.Literal(k)))),
  chapitre: Type.Optional(Type.String({ maxLength: 100 })),
});
const filterMessages = {
  statut: 'Choisissez un statut dans la liste.',
  type: 'Choisissez un type de mission dans la liste.',
  chapitre: 'Choisissez un chapitre dans la liste.',
};

export const newMissionPath = `${adminPaths.missions}/nouvelle`;

export function missionListRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(adminPaths.missions, async (request, reply) => {
    assertCan(request.actor, 'read');
    const chapters = await listChapters(ctx.db);
    const parsed = parseForm(FilterQuery, request.query, filterMessages);
    const errors = parsed.ok ? {} : { ...parsed.errors };
    const chapter = parsed.ok ? parsed.value.chapitre : undefined;
    if (chapter && chapter !== 'reseau' && !chapters.some((c) => c.slug === chapter))
      errors.chapitre = filterMessages.chapitre;
    const ok = parsed.ok && Object.keys(errors).length === 0;
    const filters: MissionFilters = ok
      ? { status: parsed.value.statut, kind: parsed.value.type, chapter: parsed.value.chapitre }
      : {};
    const items = await listMissions(ctx.db, filters);
    const values = (parsed.ok ? request.query : parsed.values) as Record<string, string | undefined>;
    return reply.page({
      title: 'Missions',
      staff: true,
      status: ok ? 200 : 400,
      body: (
        <Frame
          title="Missions"
          section={adminPaths.missions}
          actions={
            <a class="button" href={newMissionPath}>
              Nouvelle mission
            </a>
          }
        >
          {!ok && <ErrorSummary errors={errors} />}
          <Filters values={values} errors={ok ? null : errors} chapters={chapters} />
          <p class="result-count" role="status">
            {plural(items.length, 'mission')}
          </p>
          {items.length === 0 ? (
            <p>Aucune mission ne correspond à ces critères.</p>
          ) : (
            <MissionTable items={items} />
          )}
        </Frame>
      ),
    });
  });
}

function Filters({
  values,
  errors,
  chapters,
}: {
  values: Record<string, string | undefined>;
  errors: Record<string, string> | null;
  chapters: Chapter[];
}) {
  return (
    <form method="get" action={adminPaths.missions} class="filters" aria-label="Filtrer les missions">
      <Select
        name="statut"
        label="Statut"
        options={[
          { value: '', label: 'Tous' },
          ...missionStatuses.map((s) => ({ value: s, label: missionStatusLabels[s] })),
        ]}
        value={values.statut}
        errors={errors}
      />
      <Select
        name="type"
        label="Type"
        options={[
          { value: '', label: 'Tous' },
          ...missionKinds.map((k) => ({ value: k, label: kindLabels[k] })),
        ]}
        value={values.type}
        errors={errors}
      />
      <Select
        name="chapitre"
        label="Pour"
        options={[
          { value: '', label: 'Toutes' },
          { value: 'reseau', label: 'Tout le réseau' },
          ...chapters.map((c) => ({ value: c.slug, label: c.name })),
        ]}
        value={values.chapitre}
        errors={errors}
      />
      <FilterActions resetHref={adminPaths.missions} />
    </form>
  );
}

function MissionTable({ items }: { items: MissionRow[] }) {
  return (
    <div class="table-wrap">
      <table class="admin-table">
        <caption class="visually-hidden">Missions</caption>
        <thead>
          <tr>
            <th scope="col">Mission</th>
            <th scope="col">Type</th>
            <th scope="col">Dates</th>
            <th scope="col">Pour</th>
            <th scope="col">Statut</th>
            <th scope="col">Acceptée par</th>
            <th scope="col">Réalisée par</th>
          </tr>
        </thead>
        <tbody>
          {items.map((m) => (
            <tr key={m.id}>
              <td>
                <a href={adminPaths.mission(m.id)}>{m.title}</a>
              </td>
              <td>{kindLabels[m.kind] ?? m.kind}</td>
              <td>{periodLabel(m.startsOn, m.endsOn) ?? '—'}</td>
              <td>{m.chapterName ?? 'Tout le réseau'}</td>
              <td>
                <MissionStatusBadge status={m.status} />
              </td>
              <td class="mission-count">{m.accepted}</td>
              <td class="mission-count">{m.done}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
