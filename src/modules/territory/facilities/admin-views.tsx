import type { ComponentChildren } from 'preact';
import type { FieldErrors } from '../../../core/http/index.js';
import {
  Breadcrumbs,
  CsrfField,
  ErrorSummary,
  Field,
  formatCalendarDay,
  formatDateTime,
  formatNumber,
  Select,
  TextInput,
} from '../../../core/views/index.js';
import type { FacilityType } from './catalogue.js';
import { factLabels } from './life-card.js';
import type { FacilityImport, StaffFacility, StaffFact } from './store.js';

export const facilitiesAdminPath = '/admin/territoire/equipements';
export const communeAdminPath = (code: string) => `${facilitiesAdminPath}/${code}`;
export const maxUploadBytes = 30 * 1024 * 1024;

type Values = Record<string, string | undefined>;

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
  if (trail) items.push({ href: facilitiesAdminPath, label: 'Équipements des communes' });
  return (
    <div class="container admin facilities-admin">
      <Breadcrumbs items={[...items, { label: title }]} />
      {children}
    </div>
  );
}

export function ImportForm({ values, errors }: { values: Values; errors?: FieldErrors | null }) {
  return (
    <>
      <ErrorSummary errors={errors} />
      {/* multipart: the CSRF token travels in the hidden field, read before the global check (see routes). */}
      <form
        method="post"
        action={facilitiesAdminPath}
        enctype="multipart/form-data"
        novalidate
        class="stack-form"
      >
        <CsrfField />
        <TextInput
          name="source"
          label="Source, telle qu’affichée sur les fiches"
          hint="Par exemple : INSEE, BPE 2023. Importer de nouveau la même source remplace ses équipements."
          value={values.source}
          errors={errors}
          required
        />
        <TextInput
          name="sourceDate"
          label="Date des données"
          type="date"
          hint="La date que décrivent les données, par exemple le 1er janvier 2023 pour la BPE 2023."
          value={values.sourceDate}
          errors={errors}
          required
        />
        <Field
          name="fichier"
          label="Fichier de la BPE (CSV)"
          hint="Fichier géolocalisé ou détaillé de l’INSEE, séparateur point-virgule ou virgule, UTF-8 ou Latin-1, 30 Mo au plus (un extrait du département). Seules les lignes des communes du territoire sont gardées."
          errors={errors}
        >
          {(describedBy, invalid) => (
            <input
              id="fichier"
              name="fichier"
              type="file"
              accept=".csv,text/csv"
              required
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

export function CommuneChooser({ communes }: { communes: { code: string; name: string }[] }) {
  return (
    <form method="get" action={`${facilitiesAdminPath}/commune`} class="stack-form">
      <Select
        name="commune"
        label="Commune"
        options={communes.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))}
      />
      <button class="button button--secondary" type="submit">
        Voir et modifier
      </button>
    </form>
  );
}

export function ImportsTable({ imports }: { imports: FacilityImport[] }) {
  if (imports.length === 0) return <p>Aucun import pour l’instant.</p>;
  return (
    <div class="table-wrap">
      <table class="admin-table">
        <caption>Derniers imports d’équipements</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Fichier et source</th>
            <th scope="col" class="num">
              Lignes lues
            </th>
            <th scope="col" class="num">
              Importées
            </th>
            <th scope="col" class="num">
              Ignorées
            </th>
            <th scope="col">Problèmes</th>
          </tr>
        </thead>
        <tbody>
          {imports.map((run) => (
            <tr key={run.id}>
              <td>{formatDateTime(run.createdAt)}</td>
              <td>
                {run.fileName}
                <br />
                <span class="life-card__note">
                  {run.source}, au {formatCalendarDay(String(run.sourceDate))}
                  {run.demo ? ' (démonstration)' : ''}
                </span>
              </td>
              <td class="num">{formatNumber(run.rows)}</td>
              <td class="num">{formatNumber(run.inserted)}</td>
              <td class="num">{formatNumber(run.skipped)}</td>
              <td>
                {run.problems.length === 0 ? (
                  'Aucun'
                ) : (
                  <details>
                    <summary>{run.problems.length} problème(s)</summary>
                    <ul class="facilities-problems">
                      {run.problems.map((p) => (
                        <li key={`${p.line}-${p.message}`}>
                          {p.line > 0 ? `Ligne ${p.line} : ` : ''}
                          {p.message}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function FacilitiesTable({ code, list }: { code: string; list: StaffFacility[] }) {
  if (list.length === 0) return <p>Aucun équipement enregistré pour cette commune.</p>;
  return (
    <div class="table-wrap">
      <table class="admin-table">
        <caption>Équipements enregistrés</caption>
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Nom</th>
            <th scope="col">Source</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {list.map((f) => (
            <tr key={f.id}>
              <td>
                {f.typeLabel} <span class="life-card__note">({f.typeCode})</span>
              </td>
              <td>
                {f.name ?? '—'}
                {!f.located && <span class="life-card__note"> (sans position)</span>}
              </td>
              <td>
                {f.source}, au {formatCalendarDay(f.sourceDate)}
                {f.demo ? ' (démonstration)' : ''}
              </td>
              <td>
                <form
                  method="post"
                  action={`${communeAdminPath(code)}/equipements/${f.id}/supprimer`}
                  class="inline-form"
                >
                  <CsrfField />
                  <button class="button button--danger" type="submit">
                    Supprimer<span class="visually-hidden"> {f.name ?? f.typeLabel}</span>
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AddFacilityForm({
  code,
  types,
  values,
  errors,
}: {
  code: string;
  types: FacilityType[];
  values: Values;
  errors?: FieldErrors | null;
}) {
  return (
    <form method="post" action={`${communeAdminPath(code)}/equipements`} novalidate class="stack-form">
      <CsrfField />
      <Select
        name="typeCode"
        label="Type d’équipement"
        options={[
          { value: '', label: 'Choisir…' },
          ...types.map((t) => ({ value: t.code, label: `${t.label} (${t.code})` })),
        ]}
        value={values.typeCode}
        errors={errors}
      />
      <TextInput name="name" label="Nom (facultatif)" value={values.name} errors={errors} />
      <TextInput
        name="source"
        label="Source"
        hint="Par exemple : Saisie : mairie de Gramat."
        value={values.source}
        errors={errors}
        required
      />
      <TextInput
        name="sourceDate"
        label="Date de l’information"
        type="date"
        value={values.sourceDate}
        errors={errors}
        required
      />
      <button class="button" type="submit">
        Ajouter l’équipement
      </button>
    </form>
  );
}

export function FactsForm({
  code,
  facts,
  values,
  errors,
}: {
  code: string;
  facts: StaffFact[];
  values: Values;
  errors?: FieldErrors | null;
}) {
  const current = (key: string) => facts.find((f) => f.key === key);
  const first = facts.find((f) => !f.demo) ?? facts[0];
  return (
    <form method="post" action={`${communeAdminPath(code)}/donnees`} novalidate class="stack-form">
      <CsrfField />
      <fieldset>
        <legend>Couverture internet et mobile, en %</legend>
        <TextInput
          name="fibre"
          label={`${factLabels.fibre} (%)`}
          hint="Laisser vide pour retirer le chiffre."
          value={values.fibre ?? current('fibre')?.value?.toString()}
          errors={errors}
        />
        <TextInput
          name="mobile4g"
          label={`${factLabels['mobile-4g']} (%)`}
          value={values.mobile4g ?? current('mobile-4g')?.value?.toString()}
          errors={errors}
        />
      </fieldset>
      <TextInput
        name="factSource"
        label="Source des chiffres"
        hint="Par exemple : Arcep, Ma connexion internet."
        value={values.factSource ?? (first && !first.demo ? first.source : '')}
        errors={errors}
        required
      />
      <TextInput
        name="factDate"
        label="Date des chiffres"
        type="date"
        value={values.factDate ?? (first && !first.demo ? first.sourceDate : '')}
        errors={errors}
        required
      />
      <button class="button" type="submit">
        Enregistrer les chiffres
      </button>
    </form>
  );
}
