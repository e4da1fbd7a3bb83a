import type { FieldErrors } from '../../../core/http/index.js';
import { CsrfField, formatDateTime, plural } from '../../../core/views/index.js';
import { housingKinds, opportunityPath, type PublicOpportunity } from '../../opportunities/index.js';
import { filePath } from '../paths.js';
import { formatDay } from './form.js';
import { type HousingRequestRow, nextStatuses, statusLabels } from './store.js';

/** The errors and typed values of one request's form, to show it again in place. */
export interface RequestFormState {
  requestId: string | null;
  form: 'create' | 'offer' | 'status';
  values: Record<string, string>;
  errors: FieldErrors;
}

function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p class="field__error" id={`${id}-error`}>
      <span class="visually-hidden">Erreur : </span>
      {message}
    </p>
  );
}

/** A text field whose id is made unique per form (several forms share one page). */
function Input(props: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  value: string;
  error?: string;
  inputMode?: 'numeric';
}) {
  const describedBy =
    [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p class="field__hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      <FieldError id={props.id} message={props.error} />
      <input
        type="text"
        id={props.id}
        name={props.name}
        value={props.value}
        inputMode={props.inputMode}
        aria-describedby={describedBy}
        aria-invalid={props.error ? 'true' : undefined}
      />
    </div>
  );
}

export function CreateRequestForm({ fileId, state }: { fileId: string; state?: RequestFormState }) {
  const mine = state?.form === 'create' ? state : undefined;
  const v = mine?.values ?? {};
  const e = mine?.errors ?? {};
  return (
    <form
      method="post"
      action={`${filePath(fileId, 'logement')}/demandes`}
      class="stack-form housing-create"
      novalidate
    >
      <CsrfField />
      <Input
        id="fromOn"
        name="fromOn"
        label="Arrivée souhaitée"
        hint="Par exemple 15/09/2026."
        value={v.fromOn ?? ''}
        error={e.fromOn}
      />
      <Input
        id="toOn"
        name="toOn"
        label="Départ prévu (facultatif)"
        hint="Par exemple 30/11/2026."
        value={v.toOn ?? ''}
        error={e.toOn}
      />
      <Input
        id="people"
        name="people"
        label="Nombre de personnes (facultatif)"
        value={v.people ?? ''}
        error={e.people}
        inputMode="numeric"
      />
      <button class="button" type="submit">
        Enregistrer la demande
      </button>
    </form>
  );
}

const housingLabel = (o: PublicOpportunity) => {
  const details = o.details as { housingKind?: string; capacity?: number; rentText?: string };
  const kind = details.housingKind ? (housingKinds as Record<string, string>)[details.housingKind] : null;
  return [
    o.title,
    o.communeName,
    kind,
    details.capacity ? plural(details.capacity, 'place') : null,
    details.rentText,
  ]
    .filter(Boolean)
    .join(' · ');
};

export function RequestCard({
  fileId,
  request: r,
  inventory,
  state,
}: {
  fileId: string;
  request: HousingRequestRow;
  inventory: PublicOpportunity[];
  state?: RequestFormState;
}) {
  const base = `${filePath(fileId, 'logement')}/demandes/${r.id}`;
  const mine = state?.requestId === r.id ? state : undefined;
  const errors = mine?.errors ?? {};
  const values = mine?.values ?? {};
  const id = (field: string) => `${field}-${r.id}`;
  const canOffer = r.status === 'requested' || r.status === 'declined';
  const next = nextStatuses[r.status];
  return (
    <article class="housing-request" aria-labelledby={id('titre')}>
      <h3 id={id('titre')}>
        {r.toOn ? `Du ${formatDay(r.fromOn)} au ${formatDay(r.toOn)}` : `À partir du ${formatDay(r.fromOn)}`}
        {r.people ? `, ${plural(r.people, 'personne')}` : ''}
      </h3>
      <dl class="housing-request__facts">
        <div>
          <dt>Statut</dt>
          <dd>{statusLabels[r.status]}</dd>
        </div>
        <div>
          <dt>Logement</dt>
          <dd>
            {r.opportunityId ? (
              r.online ? (
                <a href={opportunityPath({ id: r.opportunityId })}>{r.opportunityTitle}</a>
              ) : (
                `${r.opportunityTitle ?? 'Annonce supprimée'} (plus en ligne)`
              )
            ) : (
              'Aucun pour l’instant'
            )}
          </dd>
        </div>
        {r.outcome && (
          <div>
            <dt>Issue</dt>
            <dd>{r.outcome}</dd>
          </div>
        )}
        <div>
          <dt>Mise à jour</dt>
          <dd>{formatDateTime(r.updatedAt)}</dd>
        </div>
      </dl>
      {canOffer &&
        (inventory.length ? (
          <form method="post" action={`${base}/proposer`} class="housing-request__offer">
            <CsrfField />
            <div class={errors.opportunityId ? 'field field--error' : 'field'}>
              <label for={id('opportunityId')}>Logement de l’inventaire</label>
              <FieldError
                id={id('opportunityId')}
                message={mine?.form === 'offer' ? errors.opportunityId : undefined}
              />
              <select
                id={id('opportunityId')}
                name="opportunityId"
                aria-describedby={errors.opportunityId ? `${id('opportunityId')}-error` : undefined}
              >
                {inventory.map((o) => (
                  <option key={o.id} value={o.id} selected={values.opportunityId === o.id}>
                    {housingLabel(o)}
                  </option>
                ))}
              </select>
            </div>
            <button class="button" type="submit">
              Proposer ce logement
            </button>
          </form>
        ) : (
          <p>Aucun logement temporaire publié ne correspond aux lieux du foyer.</p>
        ))}
      {next.length > 0 && (
        <form method="post" action={`${base}/statut`} class="stack-form housing-request__status" novalidate>
          <CsrfField />
          <div class={errors.status ? 'field field--error' : 'field'}>
            <label for={id('status')}>Nouveau statut</label>
            <FieldError id={id('status')} message={mine?.form === 'status' ? errors.status : undefined} />
            <select id={id('status')} name="status">
              {next.map((s) => (
                <option key={s} value={s} selected={values.status === s}>
                  {statusLabels[s]}
                </option>
              ))}
            </select>
          </div>
          <div class={errors.outcome ? 'field field--error' : 'field'}>
            <label for={id('outcome')}>Issue (visible par le foyer)</label>
            <FieldError id={id('outcome')} message={mine?.form === 'status' ? errors.outcome : undefined} />
            <textarea id={id('outcome')} name="outcome" rows={2}>
              {values.outcome ?? r.outcome ?? ''}
            </textarea>
          </div>
          <button class="button button--secondary" type="submit">
            Mettre à jour
          </button>
        </form>
      )}
    </article>
  );
}

export function InventoryList({
  items,
  everywhere,
  widenHref,
}: {
  items: PublicOpportunity[];
  everywhere: boolean;
  widenHref: string | null;
}) {
  return (
    <section class="housing-inventory" aria-labelledby="inventaire-titre">
      <h2 id="inventaire-titre">Logements temporaires disponibles</h2>
      <p>
        {everywhere ? 'Dans tout le territoire' : 'Dans les intercommunalités du foyer'} :{' '}
        {plural(items.length, 'logement publié', 'logements publiés')}
        {widenHref && (
          <>
            {' '}
            · <a href={widenHref}>chercher dans tout le territoire</a>
          </>
        )}
      </p>
      {items.length > 0 && (
        <ul class="housing-inventory__list">
          {items.map((o) => (
            <li key={o.id}>
              <a href={opportunityPath(o)}>{o.title}</a>{' '}
              <span class="housing-inventory__meta">{housingLabel(o).slice(o.title.length + 3)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
