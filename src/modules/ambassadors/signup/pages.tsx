import type { ComponentChildren } from 'preact';
import { Breadcrumbs, CsrfField, formatNumber, Notice } from '../../../core/views/index.js';
import { portraitsPath, publicBase, signupPath } from '../paths.js';

function Frame({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <div class="container narrow amb-page">
      <Breadcrumbs
        items={[
          { href: '/', label: 'Accueil' },
          { href: publicBase, label: 'Ambassadeurs' },
          { label: title },
        ]}
      />
      <h1>{title}</h1>
      {children}
    </div>
  );
}

/** « Devenir ambassadeur »: what ambassadors do, how many they are, and the way to the form. */
export function LandingPage({ active, settled = 0 }: { active: number; settled?: number }) {
  return (
    <div class="container narrow amb-page amb-landing">
      <Breadcrumbs items={[{ href: '/', label: 'Accueil' }, { label: 'Ambassadeurs' }]} />
      <h1>Devenir ambassadeur du Lot</h1>
      <p class="lead">
        Vous aimez le Lot, vous y vivez, vous en venez ou vous y revenez ? Aidez d’autres personnes à choisir
        d’y vivre et d’y travailler.
      </p>
      <p class="amb-count">
        {active > 0 ? (
          <>
            <strong>{formatNumber(active)}</strong> {active > 1 ? 'ambassadeurs actifs' : 'ambassadeur actif'}{' '}
            dans le réseau aujourd’hui.
          </>
        ) : (
          'Le réseau s’ouvre : soyez parmi les premiers ambassadeurs.'
        )}
      </p>
      {settled > 0 && (
        <p class="amb-count">
          <strong>{formatNumber(settled)}</strong> {settled > 1 ? 'foyers installés' : 'foyer installé'} grâce
          aux ambassadeurs.
        </p>
      )}
      <p>
        <a href={portraitsPath}>Découvrir les portraits d’ambassadeurs</a>
      </p>
      <h2>Ce que font les ambassadeurs</h2>
      <ul class="amb-roles">
        <li>
          <strong>Partager</strong> les offres d’emploi, les logements et les histoires du Lot avec leur
          entourage et sur leurs réseaux.
        </li>
        <li>
          <strong>Accueillir</strong> un nouvel arrivant comme parrain ou marraine : lui faire découvrir sa
          commune, ses voisins, ses bonnes adresses.
        </li>
        <li>
          <strong>Témoigner</strong> lors de salons, de forums ou de rencontres, dans le Lot et ailleurs.
        </li>
        <li>
          <strong>Signaler</strong> à l’équipe les personnes qui pensent s’installer dans le Lot, avec leur
          accord.
        </li>
      </ul>
      <p>
        Chacun fait ce qu’il peut, quand il le peut. Entreprises et associations peuvent aussi rejoindre le
        réseau. L’inscription est gratuite ; l’équipe du Département la valide puis vous accompagne.
      </p>
      <p>
        <a class="button" href={signupPath}>
          Je deviens ambassadeur
        </a>
      </p>
    </div>
  );
}

export function CheckInboxPage() {
  return (
    <Frame title="Vérifiez votre boîte mail">
      <Notice kind="success">
        <p>
          Si l’adresse indiquée est valide, un message vient de vous être envoyé. Ouvrez-le et suivez le lien
          pour confirmer votre inscription.
        </p>
      </Notice>
      <p>
        Le lien est valable 7 jours. Rien reçu d’ici quelques minutes ? Regardez dans le dossier des courriers
        indésirables.
      </p>
      <p>
        <a href={publicBase}>Retour à la page des ambassadeurs</a>
      </p>
    </Frame>
  );
}

/** One button posting to the page's own address: mail scanners open links, they do not press buttons. */
export function ConfirmPage() {
  return (
    <Frame title="Confirmer votre inscription">
      <p class="lead">Pour confirmer votre adresse e-mail et envoyer votre inscription à l’équipe :</p>
      <form method="post" class="amb-action">
        <CsrfField />
        <button class="button" type="submit">
          Confirmer mon inscription
        </button>
      </form>
    </Frame>
  );
}

export function ThanksPage() {
  return (
    <Frame title="Merci, votre inscription sera validée par l’équipe">
      <Notice kind="success">
        <p>Votre adresse e-mail est confirmée.</p>
      </Notice>
      <p>
        L’équipe du réseau des ambassadeurs relit chaque inscription. Vous recevrez un e-mail dès qu’elle sera
        validée.
      </p>
      <p>
        <a href="/">Retour à l’accueil</a>
      </p>
    </Frame>
  );
}

export function BadLinkPage({ malformed }: { malformed: boolean }) {
  return (
    <Frame title={malformed ? 'Lien incorrect' : 'Lien expiré ou déjà utilisé'}>
      <p>
        {malformed
          ? 'Ce lien de confirmation est incomplet : copiez-le en entier depuis l’e-mail reçu.'
          : 'Ce lien de confirmation a déjà servi ou n’est plus valable (il dure 7 jours).'}
      </p>
      <p>
        Votre inscription est peut-être déjà confirmée. Sinon,{' '}
        <a href={signupPath}>inscrivez-vous à nouveau</a>.
      </p>
    </Frame>
  );
}

export function TooManyPage({ minutes }: { minutes: number }) {
  return (
    <Frame title="Trop d’inscriptions depuis votre connexion">
      <p>
        Trop d’inscriptions ont été envoyées depuis votre connexion en peu de temps. Réessayez dans{' '}
        {minutes > 1 ? `${minutes} minutes` : 'une minute'}.
      </p>
    </Frame>
  );
}
