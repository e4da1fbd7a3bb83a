/** The « Affectation » tab: who leads the file, who sees it, what the household agreed to, and the actions. */
import type { FieldErrors } from '../../../core/http/index.js';
import { CsrfField, ErrorSummary, formatDateTime, Notice } from '../../../core/views/index.js';
import { FileFrame } from '../file/frame.js';
import type { FileHeader } from '../file/header.js';
import { filePath } from '../paths.js';
import { Checkbox } from './fields.js';
import { teamPath } from './settings/frame.js';
import { type HistoryRow, reasonLabels, type TabData } from './tab-data.js';

const actionLabels: Record<string, string> = {
  'file.assign': 'Affectation automatique',
  'file.reassign': 'Changement de référent',
  'file.handoff': 'Transmission à un partenaire',
};

const okMessages: Record<string, string> = {
  referent: 'Le référent a été changé ; il a été prévenu par e-mail.',
  transmis: 'Le dossier a été transmis ; le partenaire a été prévenu par e-mail.',
};

const fieldLabels: Record<string, string> = {
  leadOrganisation: 'Organisation qui conduit',
  referent: 'Référent',
  shares: 'Accès',
};

const show = (value: unknown) =>
  value === null || value === undefined || (Array.isArray(value) && value.length === 0)
    ? 'aucun'
    : Array.isArray(value)
      ? value.join(', ')
      : String(value);

/** The rules that applied, from the latest automatic assignment. */
export function appliedRules(history: HistoryRow[]): string[] {
  const after = history.find((h) => h.action === 'file.assign')?.diff?.rules?.after;
  return Array.isArray(after) ? after.map(String) : [];
}

function History({ history }: { history: HistoryRow[] }) {
  if (history.length === 0) return <p>Aucun changement d’affectation enregistré.</p>;
  return (
    <ol class="assignment-history">
      {history.map((h, i) => (
        <li key={i}>
          <p>
            <strong>{actionLabels[h.action] ?? h.action}</strong> — {formatDateTime(h.at)}, par {h.actorLabel}
          </p>
          {h.diff && (
            <ul>
              {Object.entries(fieldLabels)
                .filter(([key]) => h.diff?.[key])
                .map(([key, label]) => (
                  <li key={key}>
                    {label} : {show(h.diff?.[key]?.before)} → {show(h.diff?.[key]?.after)}
                  </li>
                ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

export function AssignmentTab(props: {
  header: FileHeader;
  data: TabData;
  ok?: string;
  errors?: FieldErrors | null;
  values?: Record<string, string>;
}) {
  const { header, data, errors } = props;
  const values = props.values ?? {};
  const rules = appliedRules(data.history);
  const action = (path: string) => `${filePath(header.id, 'affectation')}/${path}`;
  return (
    <FileFrame header={header} current="affectation">
      <div class="assignment">
        {props.ok && okMessages[props.ok] && <Notice kind="success">{okMessages[props.ok]}</Notice>}
        <ErrorSummary errors={errors} />
        <h2>Conduite du dossier</h2>
        <dl class="assignment__facts">
          <div>
            <dt>Organisation</dt>
            <dd>{data.file.leadOrganisationName ?? 'Pas encore affecté'}</dd>
          </div>
          <div>
            <dt>Référent</dt>
            <dd>{data.file.referentName ?? 'Non attribué : un responsable d’équipe doit le confier'}</dd>
          </div>
        </dl>

        <h2>Organisations qui ont accès</h2>
        {data.shares.length === 0 ? (
          <p>Seules les équipes du Département voient ce dossier.</p>
        ) : (
          <div class="table-wrap">
            <table class="admin-table">
              <caption class="visually-hidden">Organisations qui ont accès au dossier</caption>
              <thead>
                <tr>
                  <th scope="col">Organisation</th>
                  <th scope="col">Motif</th>
                  <th scope="col">Depuis le</th>
                  <th scope="col">Par</th>
                </tr>
              </thead>
              <tbody>
                {data.shares.map((s) => (
                  <tr key={s.organisationId}>
                    <td>{s.organisationName}</td>
                    <td>{reasonLabels[s.reason] ?? s.reason}</td>
                    <td>{formatDateTime(s.createdAt)}</td>
                    <td>{s.createdByName ?? 'Règles d’affectation'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}

        <h2>Consentements du foyer</h2>
        {data.consents.length === 0 ? (
          <p>Le foyer n’a autorisé aucun partenaire à recevoir son dossier.</p>
        ) : (
          <ul class="assignment__consents">
            {data.consents.map((c) => (
              <li key={c.organisationId}>
                <strong>{c.organisationName}</strong> : {c.purpose}.{' '}
                {c.withdrawnAt
                  ? `Consentement retiré le ${formatDateTime(c.withdrawnAt)}.`
                  : `Accordé le ${formatDateTime(c.grantedAt)} (texte ${c.textVersion}).`}
              </li>
            ))}
          </ul>
        )}

        <h2>Règles appliquées</h2>
        {rules.length === 0 ? (
          <p>Aucune règle enregistrée pour ce dossier.</p>
        ) : (
          <ul>
            {rules.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        )}

        {data.canReassign && (
          <section aria-labelledby="reassign-title">
            <h2 id="reassign-title">Changer de référent</h2>
            {data.canManageTeam && (
              <p>
                <a href={teamPath}>Voir l’équipe, ses responsables et les absences</a>
              </p>
            )}
            {data.team.length === 0 ? (
              <p>L’équipe de {data.file.leadOrganisationName} n’a aucun référent actif.</p>
            ) : (
              <form method="post" action={action('referent')} novalidate class="stack-form">
                <CsrfField />
                <div class={errors?.referentId ? 'field field--error' : 'field'}>
                  <label for="referentId">Nouveau référent ({data.file.leadOrganisationName})</label>
                  {errors?.referentId && (
                    <p class="field__error" id="referentId-error">
                      <span class="visually-hidden">Erreur : </span>
                      {errors.referentId}
                    </p>
                  )}
                  <select
                    id="referentId"
                    name="referentId"
                    aria-describedby={errors?.referentId ? 'referentId-error' : undefined}
                    aria-invalid={errors?.referentId ? 'true' : undefined}
                  >
                    {data.team.map((m) => (
                      <option
                        key={m.id}
                        value={m.id}
                        selected={(values.referentId ?? data.file.referentId) === m.id}
                      >
                        {m.name}
                        {m.paused ? ' (en pause)' : ''}
                      </option>
                    ))}
                  </select>
                </div>
                <button class="button" type="submit">
                  Confier le dossier
                </button>
              </form>
            )}
          </section>
        )}

        <section aria-labelledby="handoff-title">
          <h2 id="handoff-title">Transmettre à un partenaire</h2>
          {data.targets.length === 0 ? (
            <p>Le foyer n’a autorisé aucun autre partenaire à recevoir son dossier.</p>
          ) : (
            <form method="post" action={action('transmettre')} novalidate class="stack-form">
              <CsrfField />
              <p>Seuls les partenaires auxquels le foyer a donné son accord sont proposés.</p>
              <div class={errors?.organisationId ? 'field field--error' : 'field'}>
                <label for="organisationId">Partenaire</label>
                {errors?.organisationId && (
                  <p class="field__error" id="organisationId-error">
                    <span class="visually-hidden">Erreur : </span>
                    {errors.organisationId}
                  </p>
                )}
                <select
                  id="organisationId"
                  name="organisationId"
                  aria-describedby={errors?.organisationId ? 'organisationId-error' : undefined}
                  aria-invalid={errors?.organisationId ? 'true' : undefined}
                >
                  <option value="">Choisir…</option>
                  {data.targets.map((t) => (
                    <option key={t.id} value={t.id} selected={values.organisationId === t.id}>
                      {t.name}
                    </option>
                  ))}
                </select>
              </div>
              {data.canTransferLead && (
                <Checkbox
                  name="conduite"
                  label="Transmettre la conduite du dossier"
                  hint="Le partenaire devient l’organisation qui conduit le dossier et un référent de son équipe lui est attribué."
                  checked={values.conduite === '1'}
                  errors={errors}
                />
              )}
              {data.canRevokeOwn && (
                <Checkbox
                  name="retirer"
                  label="Retirer notre accès"
                  hint="Votre organisation ne verra plus ce dossier."
                  checked={values.retirer === '1'}
                  errors={errors}
                />
              )}
              <button class="button" type="submit">
                Transmettre le dossier
              </button>
            </form>
          )}
        </section>

        <h2>Historique de l’affectation</h2>
        <History history={data.history} />
      </div>
    </FileFrame>
  );
}
