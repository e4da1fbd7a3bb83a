import type { ComponentChildren } from 'preact';
import type { FieldErrors } from '../../../core/http/index.js';
import {
  Breadcrumbs,
  CsrfField,
  ErrorSummary,
  Notice,
  plural,
  TextInput,
} from '../../../core/views/index.js';
import { addressUse, alertPaths } from './mails.js';
import { confirmationLifetimeMs } from './store.js';

const lifetimeDays = Math.round(confirmationLifetimeMs / 86_400_000);

function Frame({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <div class="container narrow alert-page">
      <Breadcrumbs
        items={[
          { href: '/', label: 'Accueil' },
          { href: '/opportunites', label: 'Opportunités' },
          { label: title },
        ]}
      />
      <h1>{title}</h1>
      {children}
    </div>
  );
}

/** The search an alert follows, one line per filter. */
function SearchSummary({ parts, query }: { parts: string[]; query: string }) {
  return (
    <section class="alert-summary" aria-labelledby="alert-summary-title">
      <h2 id="alert-summary-title">Votre recherche</h2>
      <ul>
        {parts.map((part) => (
          <li key={part}>{part.charAt(0).toUpperCase() + part.slice(1)}</li>
        ))}
      </ul>
      <p>
        <a href={alertPaths.search(query)}>Modifier la recherche</a>
      </p>
    </section>
  );
}

/** The consent checkbox: ticked on purpose, saying what happens to the address. */
function ConsentField({ checked, errors }: { checked: boolean; errors?: FieldErrors | null }) {
  const error = errors?.consent;
  return (
    <div class={error ? 'field field--error alert-consent' : 'field alert-consent'}>
      {error && (
        <p class="field__error" id="consent-error">
          <span class="visually-hidden">Erreur : </span>
          {error}
        </p>
      )}
      <div class="alert-consent__choice">
        <input
          type="checkbox"
          id="consent"
          name="consent"
          value="oui"
          checked={checked}
          required
          aria-describedby={error ? 'consent-hint consent-error' : 'consent-hint'}
          aria-invalid={error ? 'true' : undefined}
        />
        <label for="consent">J’accepte de recevoir cette alerte par e-mail.</label>
      </div>
      <p class="field__hint" id="consent-hint">
        {addressUse} Nous vous demanderons d’abord de confirmer votre adresse : sans confirmation sous{' '}
        {lifetimeDays} jours, elle est effacée.
      </p>
    </div>
  );
}

export function AlertFormPage(props: {
  parts: string[];
  query: string;
  ignored: string[];
  values?: Record<string, string>;
  errors?: FieldErrors | null;
}) {
  const { parts, query, ignored, values, errors } = props;
  return (
    <Frame title="Recevoir une alerte par e-mail">
      <p class="lead">
        Chaque matin, recevez par e-mail les nouvelles opportunités qui correspondent à votre recherche. Pas
        de compte à créer.
      </p>
      <SearchSummary parts={parts} query={query} />
      {ignored.length > 0 && (
        <Notice kind="warning">
          <p>Une partie de l’adresse de la recherche n’a pas été comprise et ne sera pas suivie :</p>
          <ul>
            {ignored.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </Notice>
      )}
      <ErrorSummary errors={errors} />
      <form method="post" action={alertPaths.form} novalidate class="stack-form alert-form">
        <CsrfField />
        <input type="hidden" name="query" value={query} />
        <TextInput
          name="email"
          label="Votre adresse e-mail"
          type="email"
          autocomplete="email"
          hint="Par exemple : prenom.nom@exemple.fr"
          required
          value={values?.email}
          errors={errors}
        />
        <ConsentField checked={values?.consent === 'oui'} errors={errors} />
        <button class="button" type="submit">
          Créer mon alerte
        </button>
      </form>
    </Frame>
  );
}

export function CheckInboxPage({ email }: { email: string }) {
  return (
    <Frame title="Vérifiez votre boîte de réception">
      <Notice kind="success">
        <p>
          Un message vient d’être envoyé à <strong>{email}</strong>. Ouvrez-le et suivez le lien pour
          confirmer votre alerte.
        </p>
      </Notice>
      <p>
        Sans confirmation, vous ne recevrez rien et votre adresse sera effacée dans {lifetimeDays} jours. Rien
        reçu d’ici quelques minutes ? Regardez dans le dossier des courriers indésirables, ou vérifiez
        l’adresse et recommencez.
      </p>
      <p>
        <a href="/opportunites">Retour aux opportunités</a>
      </p>
    </Frame>
  );
}

/** One button that posts to the page's own address: links in emails are opened by scanners, not clicked. */
function ActionForm({ label, danger, csrf }: { label: string; danger?: boolean; csrf: boolean }) {
  return (
    <form method="post" class="alert-action">
      {csrf && <CsrfField />}
      <button class={danger ? 'button button--danger' : 'button'} type="submit">
        {label}
      </button>
    </form>
  );
}

export function ConfirmPage({ label }: { label: string }) {
  return (
    <Frame title="Confirmer votre alerte">
      <p class="lead">Vous allez recevoir chaque matin les nouvelles opportunités de cette recherche :</p>
      <p class="alert-label">{label}</p>
      <ActionForm label="Confirmer mon alerte" csrf />
    </Frame>
  );
}

export function ConfirmedPage({ label, query, manage }: { label: string; query: string; manage: string }) {
  return (
    <Frame title="Alerte activée">
      <Notice kind="success">
        <p>
          Votre alerte est active : {label}. Vous recevrez un e-mail le matin des jours où de nouvelles
          opportunités correspondent à votre recherche.
        </p>
      </Notice>
      <p>Chaque message contient un lien pour vous désabonner en un clic.</p>
      <ul class="alert-links">
        <li>
          <a href={alertPaths.search(query)}>Voir les opportunités de cette recherche</a>
        </li>
        <li>
          <a href={alertPaths.unsubscribe(manage)}>Ne plus recevoir cette alerte</a>
        </li>
      </ul>
    </Frame>
  );
}

export function UnsubscribePage({ label, manage }: { label: string; manage: string }) {
  return (
    <Frame title="Vous désabonner">
      <p class="lead">Vous ne recevrez plus d’e-mail pour cette alerte :</p>
      <p class="alert-label">{label}</p>
      <ActionForm label="Me désabonner" csrf={false} />
      <p>
        <a href={alertPaths.deleteAll(manage)}>Supprimer toutes les alertes de mon adresse</a>
      </p>
    </Frame>
  );
}

export function UnsubscribedPage({ label, manage }: { label: string; manage: string }) {
  return (
    <Frame title="Vous êtes désabonné">
      <Notice kind="success">
        <p>Vous ne recevrez plus d’e-mail pour cette alerte : {label}.</p>
      </Notice>
      <p>
        Vos autres alertes éventuelles continuent. Pour les arrêter toutes et effacer votre adresse :{' '}
        <a href={alertPaths.deleteAll(manage)}>supprimer toutes les alertes de mon adresse</a>.
      </p>
      <p>
        <a href="/opportunites">Retour aux opportunités</a>
      </p>
    </Frame>
  );
}

export function DeleteAllPage({ email, count }: { email: string; count: number }) {
  return (
    <Frame title="Supprimer toutes vos alertes">
      <p class="lead">
        Nous gardons {plural(count, 'alerte')} pour l’adresse <strong>{email}</strong>
        {count > 1
          ? ' (actives, en attente de confirmation ou arrêtées récemment).'
          : ' (active, en attente de confirmation ou arrêtée récemment).'}
      </p>
      <p>Supprimer efface ces alertes et votre adresse. Vous pourrez en créer de nouvelles à tout moment.</p>
      <ActionForm label={count > 1 ? `Supprimer mes ${count} alertes` : 'Supprimer mon alerte'} danger csrf />
    </Frame>
  );
}

export function DeletedPage({ count }: { count: number }) {
  return (
    <Frame title="Alertes supprimées">
      <Notice kind="success">
        <p>
          {count > 1 ? `Vos ${count} alertes ont été supprimées` : 'Votre alerte a été supprimée'}, ainsi que
          votre adresse. Vous ne recevrez plus aucun e-mail d’alerte.
        </p>
      </Notice>
      <p>
        <a href="/opportunites">Retour aux opportunités</a>
      </p>
    </Frame>
  );
}

export function UnknownLinkPage() {
  return (
    <Frame title="Lien inconnu ou expiré">
      <p class="lead">Ce lien ne correspond à aucune alerte en cours.</p>
      <ul>
        <li>Une alerte non confirmée sous {lifetimeDays} jours est effacée, avec son lien.</li>
        <li>
          Une alerte supprimée, ou redemandée depuis (un nouveau lien a alors été envoyé), ne répond plus.
        </li>
        <li>
          Le lien a peut-être été coupé par votre messagerie : copiez-le en entier dans la barre d’adresse.
        </li>
      </ul>
      <p>
        Vous pouvez créer une nouvelle alerte depuis la <a href="/opportunites">recherche d’opportunités</a>.
      </p>
    </Frame>
  );
}
