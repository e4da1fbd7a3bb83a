/** The filter form (shared by the list and the board) and the table of files. */
import type { FieldErrors } from '../../../core/http/index.js';
import { FilterActions, formatNumber, Select, TextInput } from '../../../core/views/index.js';
import { projectKindLabels } from '../files.js';
import { filePath } from '../paths.js';
import { projectKinds } from '../schema.js';
import type { Choices } from './choices.js';
import { noEpci, progressLabels, sortLabels } from './filters.js';
import { formatDay, placesLabel, sinceLabel } from './frame.js';
import type { FileRow } from './queries.js';

const all = { value: '', label: 'Tous' };

export function FilesFilterForm({
  action,
  choices,
  values,
  errors,
  counts,
  withSort,
}: {
  action: string;
  choices: Choices;
  values: Record<string, string>;
  errors: FieldErrors | null;
  /** Files per stage, shown in the stage list (the list only). */
  counts?: Map<string | null, number>;
  withSort: boolean;
}) {
  const stageOption = (s: Choices['stages'][number]) => ({
    value: s.id,
    label: counts ? `${s.name} (${formatNumber(counts.get(s.id) ?? 0)})` : s.name,
  });
  return (
    <form method="get" action={action} class="filters" aria-label="Filtrer les dossiers">
      <TextInput
        name="q"
        label="Rechercher"
        hint="Référence, nom, e-mail ou téléphone"
        type="search"
        value={values.q}
        errors={errors}
      />
      {withSort && (
        <Select
          name="etape"
          label="Étape"
          options={[
            { value: '', label: 'Toutes' },
            ...choices.stages.filter((s) => s.active || s.id === values.etape).map(stageOption),
          ]}
          value={values.etape}
          errors={errors}
        />
      )}
      <Select
        name="avancement"
        label="Avancement"
        options={[all, ...Object.entries(progressLabels).map(([value, label]) => ({ value, label }))]}
        value={values.avancement}
        errors={errors}
      />
      <Select
        name="epci"
        label="Intercommunalité"
        options={[
          { value: '', label: 'Toutes' },
          ...choices.epcis.map((e) => ({ value: e.code, label: e.name })),
          { value: noEpci, label: 'File du Département (aucune)' },
        ]}
        value={values.epci}
        errors={errors}
      />
      <Select
        name="referent"
        label="Référent"
        options={[
          all,
          { value: 'moi', label: 'Moi' },
          { value: 'aucun', label: 'Non attribué' },
          ...choices.referents.map((r) => ({ value: r.id, label: r.name })),
        ]}
        value={values.referent}
        errors={errors}
      />
      <Select
        name="projet"
        label="Projet"
        options={[all, ...projectKinds.map((k) => ({ value: k, label: projectKindLabels[k] }))]}
        value={values.projet}
        errors={errors}
      />
      <Select
        name="profil"
        label="Profil"
        options={[all, ...choices.profiles.map((p) => ({ value: p.slug, label: p.name }))]}
        value={values.profil}
        errors={errors}
      />
      {withSort && (
        <>
          <Select
            name="tri"
            label="Trier par"
            options={Object.entries(sortLabels).map(([value, label]) => ({ value, label }))}
            value={values.tri ?? 'activite'}
            errors={errors}
          />
          <Select
            name="ordre"
            label="Ordre"
            options={[
              { value: '', label: 'Par défaut' },
              { value: 'asc', label: 'Croissant (A → Z, ancien → récent)' },
              { value: 'desc', label: 'Décroissant (Z → A, récent → ancien)' },
            ]}
            value={values.ordre}
            errors={errors}
          />
        </>
      )}
      <FilterActions resetHref={action} />
    </form>
  );
}

export function FilesTable({
  items,
  profileNames,
  caption,
}: {
  items: FileRow[];
  profileNames: Map<string, string>;
  caption: string;
}) {
  const now = new Date();
  return (
    <div class="table-wrap">
      <table class="admin-table files-table">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Référence</th>
            <th scope="col">Foyer</th>
            <th scope="col">Étape</th>
            <th scope="col">Lieux</th>
            <th scope="col">Projet</th>
            <th scope="col">Référent</th>
            <th scope="col">Déposé le</th>
            <th scope="col">Dernière activité</th>
            <th scope="col">Tâches ouvertes</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <td class="nowrap">
                <a href={filePath(r.id)}>{r.reference}</a>
              </td>
              <td>
                {r.contactName || <span class="muted">Sans nom</span>}
                {r.targetProfile && (
                  <span class="muted files-table__profile">
                    {profileNames.get(r.targetProfile) ?? r.targetProfile}
                  </span>
                )}
              </td>
              <td>
                {r.stageName ? (
                  <span class={`badge badge--${stageBadge(r.stageKind)}`}>{r.stageName}</span>
                ) : (
                  <span class="muted">Non classé</span>
                )}
              </td>
              <td>{placesLabel(r)}</td>
              <td>{r.projectKinds.map((k) => projectKindLabels[k] ?? k).join(', ') || '—'}</td>
              <td>{r.referentName ?? <span class="muted">Non attribué</span>}</td>
              <td class="nowrap">{r.submittedAt ? formatDay(r.submittedAt) : '—'}</td>
              <td class="nowrap">
                <time dateTime={r.lastActivityAt.toISOString()}>{sinceLabel(r.lastActivityAt, now)}</time>
              </td>
              <td class="files-table__number">{r.openTasks}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export const stageBadge = (kind: FileRow['stageKind']) =>
  kind === 'settled' ? 'success' : kind === 'closed' ? 'muted' : 'warning';
