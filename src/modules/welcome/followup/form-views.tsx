import type { FieldErrors } from '../../../core/http/index.js';
import { CsrfField, ErrorSummary } from '../../../core/views/index.js';
import { leftReasons, satisfactionLabels } from './answers.js';

type Values = Record<string, string>;

function FieldError({ name, errors }: { name: string; errors?: FieldErrors | null }) {
  const error = errors?.[name];
  if (!error) return null;
  return (
    <p class="field__error" id={`${name}-error`}>
      <span class="visually-hidden">Erreur : </span>
      {error}
    </p>
  );
}

/** One question answered by one choice; the error summary links to the first option. */
function RadioGroup(props: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  values: Values;
  errors?: FieldErrors | null;
}) {
  const { name, errors } = props;
  const error = errors?.[name];
  return (
    <fieldset
      class={error ? 'field field--error checkin-choices' : 'field checkin-choices'}
      aria-describedby={error ? `${name}-error` : undefined}
    >
      <legend>{props.legend}</legend>
      <FieldError name={name} errors={errors} />
      {props.options.map((o, i) => {
        const id = i === 0 ? name : `${name}-${o.value}`;
        return (
          <div class="checkin-choice" key={o.value}>
            <input
              id={id}
              type="radio"
              name={name}
              value={o.value}
              checked={props.values[name] === o.value}
            />
            <label for={id}>{o.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

/** The four questions, one column, usable without JavaScript (every question is always shown). */
export function CheckinFormPage(props: { months: number; values?: Values; errors?: FieldErrors | null }) {
  const values = props.values ?? {};
  const errors = props.errors;
  const err = (name: string) => (errors?.[name] ? `${name}-error` : undefined);
  return (
    <div class="checkin">
      <h1>Comment se passe votre installation ?</h1>
      <p>
        Quatre questions pour nous dire comment les choses se passent, {props.months} mois après votre
        installation. Vos réponses sont lues par l’équipe qui vous a accompagnés.
      </p>
      <ErrorSummary errors={errors} />
      <form method="post" class="checkin-form">
        <CsrfField />
        <RadioGroup
          name="stillHere"
          legend="Vivez-vous toujours dans le Lot ?"
          options={[
            { value: 'oui', label: 'Oui' },
            { value: 'non', label: 'Non' },
          ]}
          values={values}
          errors={errors}
        />
        <RadioGroup
          name="satisfaction"
          legend="Êtes-vous satisfait de votre installation ?"
          options={[1, 2, 3, 4, 5].map((n) => ({
            value: String(n),
            label: `${n} — ${satisfactionLabels[n]}`,
          }))}
          values={values}
          errors={errors}
        />
        <div class={errors?.missing ? 'field field--error' : 'field'}>
          <label for="missing">Qu’est-ce qui vous manque ?</label>
          <p class="field__hint" id="missing-hint">
            Facultatif. Un service, un commerce, des liens, un transport…
          </p>
          <FieldError name="missing" errors={errors} />
          <textarea
            id="missing"
            name="missing"
            rows={4}
            maxLength={2000}
            aria-describedby={['missing-hint', err('missing')].filter(Boolean).join(' ')}
            aria-invalid={errors?.missing ? 'true' : undefined}
          >
            {values.missing ?? ''}
          </textarea>
        </div>
        <fieldset class="field checkin-left" aria-describedby="left-hint">
          <legend>Pourquoi êtes-vous parti ?</legend>
          <p class="field__hint" id="left-hint">
            Seulement si vous avez quitté le Lot : sinon, laissez cette question vide.
          </p>
          <div class={errors?.leftReason ? 'field field--error' : 'field'}>
            <label for="leftReason">Raison principale</label>
            <FieldError name="leftReason" errors={errors} />
            <select
              id="leftReason"
              name="leftReason"
              aria-describedby={err('leftReason')}
              aria-invalid={errors?.leftReason ? 'true' : undefined}
            >
              <option value="">Choisir une raison</option>
              {leftReasons.map((r) => (
                <option key={r.value} value={r.value} selected={values.leftReason === r.value}>
                  {r.label}
                </option>
              ))}
            </select>
          </div>
          <div class={errors?.leftDetail ? 'field field--error' : 'field'}>
            <label for="leftDetail">Précisez si vous le souhaitez</label>
            <p class="field__hint" id="leftDetail-hint">
              Obligatoire si vous avez choisi « Une autre raison ».
            </p>
            <FieldError name="leftDetail" errors={errors} />
            <input
              id="leftDetail"
              name="leftDetail"
              type="text"
              maxLength={500}
              value={values.leftDetail ?? ''}
              aria-describedby={['leftDetail-hint', err('leftDetail')].filter(Boolean).join(' ')}
              aria-invalid={errors?.leftDetail ? 'true' : undefined}
            />
          </div>
        </fieldset>
        <button class="button" type="submit">
          Envoyer mes réponses
        </button>
      </form>
    </div>
  );
}

export function ThanksPage() {
  return (
    <div class="checkin">
      <h1>Merci pour vos réponses</h1>
      <p>
        Elles ont bien été transmises à l’équipe qui vous a accompagnés. Elles nous aident à mieux accueillir
        celles et ceux qui s’installent dans le Lot.
      </p>
      <p>
        <a href="/">Retour à l’accueil</a>
      </p>
    </div>
  );
}

export function AlreadyAnsweredPage() {
  return (
    <div class="checkin">
      <h1>Vous avez déjà répondu</h1>
      <p>
        Vos réponses à ce questionnaire ont déjà été enregistrées : il n’est pas possible de les envoyer une
        seconde fois. Merci de votre participation.
      </p>
      <p>
        <a href="/">Retour à l’accueil</a>
      </p>
    </div>
  );
}

export function UnknownCheckinPage(props: { closed?: boolean }) {
  return (
    <div class="checkin">
      <h1>{props.closed ? 'Ce questionnaire n’est plus disponible' : 'Lien inconnu ou expiré'}</h1>
      <p>
        {props.closed
          ? 'Ce questionnaire a été clôturé : il n’est plus possible d’y répondre.'
          : 'Ce lien de questionnaire n’est pas valable. Vérifiez qu’il est complet, ou utilisez le lien du message le plus récent que vous avez reçu : un nouvel envoi remplace le lien précédent.'}
      </p>
      <p>
        <a href="/">Retour à l’accueil</a>
      </p>
    </div>
  );
}
