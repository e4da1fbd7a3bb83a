/** The rules list and the rule form. */
import type { FieldErrors } from '../../../../core/http/index.js';
import { CsrfField, ErrorSummary, Notice, Select, TextInput } from '../../../../core/views/index.js';
import { Checkbox, TextArea } from '../fields.js';
import { rulesPath } from './frame.js';
import { type RuleRow, ruleKindLabels, ruleKinds } from './rules-store.js';

const okMessages: Record<string, string> = {
  creee: 'La règle a été ajoutée.',
  modifiee: 'La règle a été enregistrée.',
  deplacee: 'L’ordre des règles a été modifié.',
  desactivee: 'La règle a été désactivée : elle ne s’applique plus aux nouveaux dossiers.',
  activee: 'La règle a été réactivée.',
};

function RowAction({ rule, path, label }: { rule: RuleRow; path: string; label: string }) {
  return (
    <form method="post" action={`${rulesPath}/${rule.id}/${path}`} class="inline-form">
      <CsrfField />
      <button class="button--link" type="submit">
        {label}
        <span class="visually-hidden"> la règle « {rule.label} »</span>
      </button>
    </form>
  );
}

export function RulesList({ rules, ok }: { rules: RuleRow[]; ok?: string }) {
  return (
    <>
      {ok && okMessages[ok] && <Notice kind="success">{okMessages[ok]}</Notice>}
      <p>
        Les règles actives s’appliquent dans l’ordre à chaque nouveau dossier, et seulement aux organisations
        auxquelles le foyer a donné son accord. La première règle de lieu désigne l’intercommunalité qui
        conduit le dossier ; les règles de projet et de métier ajoutent un partenaire ; la règle par défaut
        s’applique quand aucune autre n’a désigné d’organisation qui conduit.
      </p>
      <p>
        <a class="button" href={`${rulesPath}/nouvelle`}>
          Ajouter une règle
        </a>
      </p>
      <div class="table-wrap">
        <table class="admin-table">
          <caption class="visually-hidden">Règles d’affectation, dans l’ordre où elles s’appliquent</caption>
          <thead>
            <tr>
              <th scope="col" class="num">
                Ordre
              </th>
              <th scope="col">Règle</th>
              <th scope="col">Type</th>
              <th scope="col">Critère</th>
              <th scope="col">Organisation</th>
              <th scope="col">État</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r, i) => (
              <tr key={r.id}>
                <td class="num">{i + 1}</td>
                <th scope="row">
                  <a href={`${rulesPath}/${r.id}`}>{r.label}</a>
                </th>
                <td>{ruleKindLabels[r.kind] ?? r.kind}</td>
                <td class="welcome-settings__match">{r.match || '—'}</td>
                <td>
                  {r.kind === 'place' ? 'L’intercommunalité choisie' : (r.organisationName ?? '—')}
                  {r.coAssign ? ' (co-affectation)' : ''}
                  {r.userName ? `, ${r.userName}` : ''}
                </td>
                <td>{r.active ? 'Active' : 'Inactive'}</td>
                <td class="welcome-settings__actions">
                  {i > 0 && <RowAction rule={r} path="monter" label="Monter" />}
                  {i < rules.length - 1 && <RowAction rule={r} path="descendre" label="Descendre" />}
                  <RowAction rule={r} path="activer" label={r.active ? 'Désactiver' : 'Réactiver'} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function RuleForm({
  action,
  values,
  errors,
  organisations,
  people,
  submit,
}: {
  action: string;
  values: Record<string, string | undefined>;
  errors?: FieldErrors | null;
  organisations: { id: string; name: string }[];
  people: { id: string; name: string; organisationName: string }[];
  submit: string;
}) {
  return (
    <>
      <ErrorSummary errors={errors} />
      <form method="post" action={action} novalidate class="stack-form">
        <CsrfField />
        <Select
          name="kind"
          label="Type de règle"
          options={[
            { value: '', label: 'Choisir…' },
            ...ruleKinds.map((k) => ({ value: k, label: ruleKindLabels[k] })),
          ]}
          value={values.kind}
          errors={errors}
        />
        <TextInput
          name="label"
          label="Libellé"
          hint="Ce que les référents lisent dans l’onglet Affectation d’un dossier."
          value={values.label}
          errors={errors}
          required
        />
        <TextArea
          name="match"
          label="Critère"
          hint="Projet : projet:secteur séparés par des virgules (projets : salaried, creation, takeover, remote, retirement, studies ; secteurs : commerce, artisanat, agriculture, industrie, services, liberal ; * pour tous), par exemple takeover:artisanat,creation:*. Métier : mots-clés séparés par des virgules, sans tenir compte des accents ni des majuscules. Lieu et par défaut : laissez vide."
          value={values.match}
          errors={errors}
          rows={3}
        />
        <Select
          name="organisationId"
          label="Organisation"
          hint="Pour une règle de lieu, l’organisation est celle de l’intercommunalité choisie par le foyer : laissez vide."
          options={[
            { value: '', label: 'Aucune' },
            ...organisations.map((o) => ({ value: o.id, label: o.name })),
          ]}
          value={values.organisationId}
          errors={errors}
        />
        <Select
          name="userId"
          label="Personne désignée (facultatif)"
          hint="Par exemple le référent santé ; sinon, l’équipe de l’organisation à tour de rôle."
          options={[
            { value: '', label: 'Personne : tour de rôle dans l’équipe' },
            ...people.map((p) => ({ value: p.id, label: `${p.name} (${p.organisationName})` })),
          ]}
          value={values.userId}
          errors={errors}
        />
        <Checkbox
          name="coAssign"
          label="Co-affectation"
          hint="L’organisation reçoit le dossier en plus de celle qui le conduit, sans en prendre la conduite."
          checked={values.coAssign === '1'}
          errors={errors}
        />
        <button class="button" type="submit">
          {submit}
        </button>
        <a class="button button--secondary" href={rulesPath}>
          Annuler
        </a>
      </form>
    </>
  );
}
