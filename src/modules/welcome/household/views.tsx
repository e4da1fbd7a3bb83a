import type { ComponentChildren } from 'preact';
import type { FieldErrors } from '../../../core/http/index.js';
import {
  Breadcrumbs,
  CsrfField,
  ErrorSummary,
  Field,
  formatDateTime,
  TextInput,
} from '../../../core/views/index.js';
import { spaceBase } from '../paths.js';
import type { ThreadMessage } from './messages.js';
import { messageMaxLength } from './messages.js';

export const spacePaths = {
  home: spaceBase,
  login: `${spaceBase}/connexion`,
  logout: `${spaceBase}/deconnexion`,
  messages: `${spaceBase}/messages`,
  kit: `${spaceBase}/kit`,
  proposals: `${spaceBase}/propositions`,
  data: `${spaceBase}/donnees`,
};

/** The frame of every page of the household's space: breadcrumbs, title, content. */
export function SpaceFrame(props: {
  title: string;
  trail?: { href: string; label: string }[];
  children: ComponentChildren;
}) {
  const home = props.title === 'Mon espace';
  return (
    <div class="container narrow space-page">
      <Breadcrumbs
        items={[
          { href: '/', label: 'Accueil' },
          ...(home ? [] : [{ href: spaceBase, label: 'Mon espace' }]),
          ...(props.trail ?? []),
          { label: props.title },
        ]}
      />
      <h1>{props.title}</h1>
      {props.children}
    </div>
  );
}

/** The email form that sends a login link (the login page, and pages of links that no longer work). */
export function LoginLinkForm(props: { values?: Record<string, string>; errors?: FieldErrors | null }) {
  return (
    <form method="post" action={spacePaths.login} novalidate class="stack-form space-login">
      <CsrfField />
      <TextInput
        name="email"
        label="Votre adresse e-mail"
        type="email"
        autocomplete="email"
        hint="L’adresse donnée dans votre projet d’installation. Par exemple : prenom.nom@exemple.fr"
        required
        value={props.values?.email}
        errors={props.errors}
      />
      <button class="button" type="submit">
        Recevoir un lien de connexion
      </button>
    </form>
  );
}

export function LoginPage(props: { values?: Record<string, string>; errors?: FieldErrors | null }) {
  return (
    <SpaceFrame title="Mon espace">
      <p class="lead">
        Suivez votre projet d’installation : où en est votre dossier, qui vous accompagne, vos échanges avec
        votre référent accueil.
      </p>
      <p>
        Pas de mot de passe : saisissez votre adresse e-mail, nous vous envoyons un lien de connexion valable
        48 heures, à usage unique.
      </p>
      <ErrorSummary errors={props.errors} />
      <LoginLinkForm values={props.values} errors={props.errors} />
      <p>
        Vous n’avez pas encore de dossier ? <a href="/mon-projet">Décrivez votre projet d’installation</a>.
      </p>
    </SpaceFrame>
  );
}

/** The conversation, oldest first; `viewer` decides who is « vous ». */
export function Thread(props: { messages: ThreadMessage[]; viewer: 'household' | 'staff' }) {
  if (props.messages.length === 0) return <p class="thread__empty">Aucun message pour l’instant.</p>;
  return (
    <ol class="thread">
      {props.messages.map((m) => {
        const mine = props.viewer === 'household' ? m.fromHousehold : !m.fromHousehold;
        const author = m.fromHousehold
          ? props.viewer === 'household'
            ? 'Vous'
            : 'Le foyer'
          : `${m.authorName ?? 'Votre référent accueil'}${m.authorOrganisation ? ` (${m.authorOrganisation})` : ''}`;
        return (
          <li key={m.id} class={mine ? 'thread__message thread__message--mine' : 'thread__message'}>
            <p class="thread__meta">
              <strong>{author}</strong>, le{' '}
              <time dateTime={new Date(m.createdAt).toISOString()}>{formatDateTime(m.createdAt)}</time>
              {props.viewer === 'staff' && m.fromHousehold && !m.readAt && (
                <span class="badge badge--warning thread__new">Nouveau</span>
              )}
            </p>
            <div class="thread__body">
              {m.body.split('\n').map((line, i) => (
                <p key={i}>{line}</p>
              ))}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/** The textarea and button to write a message (household or staff). */
export function MessageForm(props: {
  action: string;
  label: string;
  hint: string;
  button: string;
  values?: Record<string, string>;
  errors?: FieldErrors | null;
}) {
  return (
    <form method="post" action={props.action} novalidate class="stack-form message-form">
      <CsrfField />
      <Field name="body" label={props.label} hint={props.hint} errors={props.errors}>
        {(describedBy, invalid) => (
          <textarea
            id="body"
            name="body"
            rows={5}
            maxLength={messageMaxLength}
            required
            aria-describedby={describedBy}
            aria-invalid={invalid ? 'true' : undefined}
          >
            {props.values?.body ?? ''}
          </textarea>
        )}
      </Field>
      <button class="button" type="submit">
        {props.button}
      </button>
    </form>
  );
}
