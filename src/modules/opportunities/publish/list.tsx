/** The back-office lists: an actor's opportunities with filters, and the moderation queue. */
import type { FieldErrors } from '../../../core/http/index.js';
import { FilterActions, formatDateTime, Select, TextInput } from '../../../core/views/index.js';
import { kindLabels, statusLabels } from '../kinds.js';
import { opportunityKinds, opportunityStatuses } from '../schema.js';
import { formatDay } from './forms/dates.js';
import { adminBase, adminPath, StatusBadge } from './layout.js';
import type { AdminRow } from './queries.js';

const sourceLabels: Record<string, string> = {
  'france-travail': 'France Travail',
  csv: 'Import CSV',
  demo: 'Démonstration',
};

export function OpportunityTable({
  items,
  caption,
  showOrganisation,
  showSubmitted,
}: {
  items: AdminRow[];
  caption: string;
  showOrganisation: boolean;
  showSubmitted?: boolean;
}) {
  return (
    <div class="table-wrap">
      <table class="admin-table">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Titre</th>
            <th scope="col">Type</th>
            <th scope="col">Commune</th>
            {showOrganisation && <th scope="col">Organisation</th>}
            <th scope="col">Statut</th>
            {showSubmitted ? <th scope="col">Soumise le</th> : <th scope="col">Modifiée le</th>}
            <th scope="col">Expire le</th>
          </tr>
        </thead>
        <tbody>
          {items.map((o) => (
            <tr key={o.id}>
              <td>
                <a href={adminPath(o)}>{o.title}</a>
                {o.source !== 'choisir' && <span class="muted"> · {sourceLabels[o.source] ?? o.source}</span>}
              </td>
              <td>{kindLabels[o.kind]}</td>
              <td>{o.communeName ?? '—'}</td>
              {showOrganisation && <td>{o.organisationName ?? '—'}</td>}
              <td>
                <StatusBadge status={o.status} />
              </td>
              <td class="nowrap">
                {showSubmitted
                  ? o.submittedAt
                    ? formatDateTime(o.submittedAt)
                    : '—'
                  : formatDateTime(o.updatedAt)}
              </td>
              <td class="nowrap">{o.expiresAt ? formatDay(o.expiresAt) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ListFilters({
  values,
  errors,
}: {
  values: Record<string, string | undefined>;
  errors?: FieldErrors | null;
}) {
  return (
    <form method="get" action={adminBase} class="filters" aria-label="Filtrer les opportunités">
      <TextInput name="q" label="Titre ou employeur" type="search" value={values.q} errors={errors} />
      <Select
        name="statut"
        label="Statut"
        options={[
          { value: '', label: 'Tous' },
          ...opportunityStatuses.map((s) => ({ value: s, label: statusLabels[s] })),
        ]}
        value={values.statut}
        errors={errors}
      />
      <Select
        name="type"
        label="Type"
        options={[
          { value: '', label: 'Tous' },
          ...opportunityKinds.map((k) => ({ value: k, label: kindLabels[k] })),
        ]}
        value={values.type}
        errors={errors}
      />
      <FilterActions resetHref={adminBase} />
    </form>
  );
}

/** The first step of a new opportunity: which kind. */
export function KindChoice() {
  return (
    <>
      <p class="lead">Que souhaitez-vous publier ?</p>
      <ul class="tool-list">
        {opportunityKinds.map((k) => (
          <li key={k}>
            <a href={`${adminBase}/nouvelle?type=${k}`}>{kindLabels[k]}</a>
          </li>
        ))}
      </ul>
    </>
  );
}
