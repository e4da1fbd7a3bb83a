import type { ComponentChildren } from 'preact';
import type { FieldErrors } from '../../../core/http/index.js';
import {
  Breadcrumbs,
  CsrfField,
  ErrorSummary,
  Field,
  formatDateTime,
  formatNumber,
  Select,
} from '../../../core/views/index.js';
import { kindPluralLabels } from '../kinds.js';
import { type CsvKind, csvKindSlugs, csvKinds } from './csv/columns.js';
import { franceTravailSource } from './france-travail/mapping.js';
import type { ImportRun } from './runs.js';

export const importsPath = '/admin/opportunites/imports';
export const guidePath = `${importsPath}/guide-des-colonnes`;
export const templatePath = (kind: CsvKind) => `${importsPath}/modele-${csvKindSlugs[kind]}.csv`;
export const maxUploadBytes = 5 * 1024 * 1024;

export function Frame({
  title,
  trail,
  children,
}: {
  title: string;
  trail?: boolean;
  children: ComponentChildren;
}) {
  const items: { href?: string; label: string }[] = [{ href: '/admin', label: 'Tableau de bord' }];
  if (trail) items.push({ href: importsPath, label: 'Imports' });
  return (
    <div class="container admin">
      <Breadcrumbs items={[...items, { label: title }]} />
      {children}
    </div>
  );
}

/** "France Travail — offres d’emploi", "Fichier CSV — Entreprises à reprendre — CCI du Lot". */
export function sourceLabel(source: string, organisations: Map<string, string>): string {
  if (source === franceTravailSource) return 'France Travail — offres d’emploi';
  const match = source.match(/^csv:(.+):([a-z]+)$/);
  const kind = match && csvKinds.find((k) => csvKindSlugs[k] === match[2]);
  if (match && kind)
    return `Fichier CSV — ${kindPluralLabels[kind]} — ${organisations.get(match[1]) ?? match[1]}`;
  return source;
}

const statusBadge: Record<ImportRun['status'], [string, string]> = {
  running: ['En cours', 'badge badge--warning'],
  done: ['Terminé', 'badge badge--success'],
  failed: ['Interrompu', 'badge badge--danger'],
};

export function RunStatus({ run }: { run: ImportRun }) {
  const [label, className] = statusBadge[run.status];
  return <span class={className}>{label}</span>;
}

export function RunsTable({
  runs,
  organisations,
}: {
  runs: ImportRun[];
  organisations: Map<string, string>;
}) {
  if (runs.length === 0) return <p>Aucun import pour l’instant.</p>;
  return (
    <div class="table-wrap">
      <table class="admin-table">
        <caption class="visually-hidden">Derniers imports</caption>
        <thead>
          <tr>
            <th scope="col">Début</th>
            <th scope="col">Source</th>
            <th scope="col">État</th>
            <th scope="col" class="num">
              Créées
            </th>
            <th scope="col" class="num">
              Mises à jour
            </th>
            <th scope="col" class="num">
              Inchangées
            </th>
            <th scope="col" class="num">
              Rejetées
            </th>
            <th scope="col">Rapport</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <td class="nowrap">{formatDateTime(run.startedAt)}</td>
              <td>{sourceLabel(run.source, organisations)}</td>
              <td>
                <RunStatus run={run} />
              </td>
              <td class="num">{formatNumber(run.created)}</td>
              <td class="num">{formatNumber(run.updated)}</td>
              <td class="num">{formatNumber(run.unchanged)}</td>
              <td class="num">{formatNumber(run.rejected)}</td>
              <td>
                <a href={`${importsPath}/${run.id}`}>
                  Voir le rapport<span class="visually-hidden"> du {formatDateTime(run.startedAt)}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function UploadForm({
  organisations,
  values,
  errors,
}: {
  organisations: { id: string; name: string }[];
  values: Record<string, string | undefined>;
  errors?: FieldErrors | null;
}) {
  return (
    <>
      <ErrorSummary errors={errors} />
      {/* multipart: the CSRF token travels in the hidden field like in every other form (see routes.tsx). */}
      <form method="post" action={importsPath} enctype="multipart/form-data" novalidate class="stack-form">
        <CsrfField />
        <Select
          name="kind"
          label="Type d’opportunités"
          options={[
            { value: '', label: 'Choisir…' },
            ...csvKinds.map((k) => ({ value: csvKindSlugs[k], label: kindPluralLabels[k] })),
          ]}
          value={values.kind}
          errors={errors}
        />
        <Select
          name="organisation"
          label="Organisation qui publie"
          hint="Les références sont propres à chaque organisation : réimporter le même fichier pour la même organisation met à jour ses annonces."
          options={organisations.map((o) => ({ value: o.id, label: o.name }))}
          value={values.organisation}
          errors={errors}
        />
        <Field
          name="fichier"
          label="Fichier CSV"
          hint={`Encodage UTF-8, séparateur point-virgule ou virgule, 5 Mo au plus. La première ligne porte les noms des colonnes.`}
          errors={errors}
        >
          {(describedBy, invalid) => (
            <input
              id="fichier"
              name="fichier"
              type="file"
              accept=".csv,text/csv"
              aria-describedby={describedBy}
              aria-invalid={invalid ? 'true' : undefined}
            />
          )}
        </Field>
        <button class="button" type="submit">
          Importer
        </button>
      </form>
    </>
  );
}

/** The rejected rows: a table a person can go through with the file open beside it. */
export function RejectedTable({ run }: { run: ImportRun }) {
  const api = run.source === franceTravailSource;
  if (run.report.length === 0) return <p>Aucune ligne rejetée.</p>;
  return (
    <>
      {run.rejected > run.report.length && (
        <p>
          Seules les {formatNumber(run.report.length)} premières anomalies sont listées (
          {formatNumber(run.rejected)} lignes rejetées en tout).
        </p>
      )}
      <div class="table-wrap">
        <table class="admin-table">
          <caption class="visually-hidden">Lignes rejetées et motifs</caption>
          <thead>
            <tr>
              <th scope="col">{api ? 'Offre' : 'Ligne'}</th>
              <th scope="col">{api ? 'Champ' : 'Colonne'}</th>
              <th scope="col">Motif</th>
            </tr>
          </thead>
          <tbody>
            {run.report.map((r, i) => (
              <tr key={i}>
                <td class={api ? 'nowrap' : 'num'}>{r.line}</td>
                <td>
                  <code>{r.field}</code>
                </td>
                <td>{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function RunFacts({ run, organisations }: { run: ImportRun; organisations: Map<string, string> }) {
  const expired = typeof run.cursor.expired === 'number' ? run.cursor.expired : null;
  return (
    <dl class="facts">
      <dt>Source</dt>
      <dd>{sourceLabel(run.source, organisations)}</dd>
      <dt>État</dt>
      <dd>
        <RunStatus run={run} />
      </dd>
      <dt>Lancé par</dt>
      <dd>{run.startedBy ?? '—'}</dd>
      <dt>Début</dt>
      <dd>{formatDateTime(run.startedAt)}</dd>
      <dt>Fin</dt>
      <dd>{run.finishedAt ? formatDateTime(run.finishedAt) : '—'}</dd>
      <dt>{run.source === franceTravailSource ? 'Offres à lire' : 'Lignes du fichier'}</dt>
      <dd>{run.total === null ? '—' : formatNumber(run.total)}</dd>
      <dt>Créées</dt>
      <dd>{formatNumber(run.created)}</dd>
      <dt>Mises à jour</dt>
      <dd>{formatNumber(run.updated)}</dd>
      <dt>Inchangées</dt>
      <dd>{formatNumber(run.unchanged)}</dd>
      <dt>Rejetées</dt>
      <dd>{formatNumber(run.rejected)}</dd>
      {expired !== null && (
        <>
          <dt>Expirées (disparues de la source)</dt>
          <dd>{formatNumber(expired)}</dd>
        </>
      )}
    </dl>
  );
}
