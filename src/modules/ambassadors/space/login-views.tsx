import type { FieldErrors } from '../../../core/http/index.js';
import { CsrfField, ErrorSummary, Notice, TextInput } from '../../../core/views/index.js';
import { signupPath, spacePaths } from '../paths.js';
import { AmbassadorFrame } from './frame.js';

/** The email form that sends a login link (also offered on a bad link's page). */
export function LoginLinkForm(props: { values?: Record<string, string>; errors?: FieldErrors | null }) {
  return (
    <>
      <ErrorSummary errors={props.errors} />
      <form method="post" action={spacePaths.login} novalidate class="stack-form">
        <CsrfField />
        <TextInput
          name="email"
          label="Votre adresse e-mail"
          type="email"
          autocomplete="email"
          required
          value={props.values?.email}
          errors={props.errors}
        />
        <button type="submit" class="button">
          Recevoir mon lien de connexion
        </button>
      </form>
    </>
  );
}

export function LoginPage(props: { values?: Record<string, string>; errors?: FieldErrors | null }) {
  return (
    <AmbassadorFrame title="Mon espace ambassadeur">
      <p class="lead">
        Pas de mot de passe à retenir : indiquez l’adresse e-mail de votre inscription, nous vous envoyons un
        lien de connexion.
      </p>
      <ul>
        <li>Le lien est valable 48 heures.</li>
        <li>Il ne sert qu’une fois : demandez-en un nouveau à chaque connexion depuis un autre appareil.</li>
        <li>Une fois connecté, vous le restez 30 jours sur cet appareil.</li>
      </ul>
      <LoginLinkForm values={props.values} errors={props.errors} />
      <p>
        Pas encore ambassadeur ? <a href={signupPath}>Rejoindre le réseau</a>.
      </p>
    </AmbassadorFrame>
  );
}

export function CheckInboxPage(props: { email: string }) {
  return (
    <AmbassadorFrame title="Vérifiez votre boîte de réception">
      <Notice kind="success">
        <p>
          Si cette adresse correspond à un ambassadeur du réseau, un message vient d’être envoyé à{' '}
          <strong>{props.email}</strong>. Le lien qu’il contient est valable 48 heures et ne sert qu’une fois.
        </p>
      </Notice>
      <p>
        Rien reçu d’ici quelques minutes ? Regardez dans les courriers indésirables, ou vérifiez l’adresse et{' '}
        <a href={spacePaths.login}>recommencez</a>.
      </p>
    </AmbassadorFrame>
  );
}

export function LinkPage(props: { token: string }) {
  return (
    <AmbassadorFrame title="Me connecter à mon espace">
      <p>Appuyez sur le bouton pour ouvrir votre espace ambassadeur sur cet appareil.</p>
      <form method="post" action={spacePaths.link(props.token)} class="inline-form">
        <CsrfField />
        <button class="button" type="submit">
          Me connecter
        </button>
      </form>
    </AmbassadorFrame>
  );
}

export function BadLinkPage(props: { used: boolean }) {
  const title = props.used ? 'Ce lien a expiré' : 'Ce lien n’est pas valide';
  return (
    <AmbassadorFrame title={title}>
      <Notice kind="warning">
        <p>
          {props.used
            ? 'Ce lien de connexion a déjà servi ou a dépassé sa durée de validité (48 heures). Pour votre sécurité, chaque lien ne fonctionne qu’une fois.'
            : 'Ce lien de connexion est incomplet ou inconnu. Vérifiez que vous avez copié toute l’adresse reçue par e-mail.'}
        </p>
      </Notice>
      <h2>Recevoir un nouveau lien</h2>
      <LoginLinkForm />
    </AmbassadorFrame>
  );
}
