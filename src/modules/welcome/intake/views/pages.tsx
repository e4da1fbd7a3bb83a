import type { FieldErrors } from '../../../../core/http/index.js';
import { Breadcrumbs, CsrfField, ErrorSummary, Notice, TextInput } from '../../../../core/views/index.js';
import { intakeBase, spaceBase } from '../../paths.js';
import { type Contact, contactDelay } from '../mails.js';
import { intakeSteps, resumePath, stepPath } from '../steps.js';

const crumbs = (label?: string) => [
  { href: '/', label: 'Accueil' },
  ...(label
    ? [{ href: intakeBase, label: 'Mon projet d’installation' }, { label }]
    : [{ label: 'Mon projet d’installation' }]),
];

/** /mon-projet for a newcomer: what happens, what is asked, how long it takes, then « Commencer ». */
export function LandingPage({ startHref }: { startHref: string }) {
  return (
    <div class="container narrow intake-landing">
      <Breadcrumbs items={crumbs()} />
      <h1>Mon projet d’installation</h1>
      <p class="lead">
        Vous pensez venir vivre dans le Lot ? Décrivez votre projet en une dizaine de minutes : une personne
        du réseau d’accueil vous contactera pour vous accompagner, gratuitement, de la première visite jusqu’à
        votre installation.
      </p>
      <div class="card intake-cta">
        <h2>Ce que nous allons vous demander</h2>
        <ol class="intake-landing__steps">
          {intakeSteps.slice(0, -1).map((s) => (
            <li key={s.slug}>{s.title.replace(/ \?$/, '')}</li>
          ))}
        </ol>
        <p>
          Vos réponses sont enregistrées à chaque étape : un lien envoyé par e-mail vous permet de reprendre
          plus tard, sur n’importe quel appareil. Pas de compte, pas de mot de passe.
        </p>
        <p>
          <a class="button" href={startHref}>
            Commencer mon projet
          </a>
        </p>
      </div>
      <p>
        Vous avez déjà commencé ? <a href={resumePath}>Recevoir un lien pour reprendre mon projet</a>.
        <br />
        Votre projet est déjà envoyé ? <a href={spaceBase}>Accéder à mon espace</a>.
      </p>
    </div>
  );
}

/** /mon-projet/merci: who will contact them and when, the reference, their space. */
export function ThanksPage({ reference, contact }: { reference: string; contact: Contact }) {
  return (
    <div class="container narrow intake-thanks">
      <Breadcrumbs items={crumbs('Projet envoyé')} />
      <h1>Votre projet est bien envoyé</h1>
      <p class="lead">
        <strong>{contact.organisationName}</strong> vous contactera {contactDelay}.
        {contact.referentName && (
          <>
            {' '}
            <strong>{contact.referentName}</strong> suivra votre projet.
          </>
        )}
      </p>
      <dl class="intake-thanks__facts">
        <dt>Votre référence</dt>
        <dd class="intake-thanks__reference">{reference}</dd>
      </dl>
      <p>Rappelez-la si vous nous appelez. Nous vous avons aussi envoyé ces informations par e-mail.</p>
      <p>
        <a class="button" href={spaceBase}>
          Accéder à mon espace
        </a>
      </p>
      <p>
        Dans votre espace, vous suivez votre dossier, écrivez à votre référent, et pouvez télécharger ou
        supprimer vos données à tout moment.
      </p>
    </div>
  );
}

/** /mon-projet/reprendre: an address, and a fresh link to each unfinished project. */
export function ResumePage(props: { email?: string; errors?: FieldErrors | null; sent?: boolean }) {
  return (
    <div class="container narrow intake-resume">
      <Breadcrumbs items={crumbs('Reprendre mon projet')} />
      <h1>Reprendre mon projet</h1>
      {props.sent ? (
        <Notice kind="success">
          <p>
            Si un projet non envoyé est enregistré avec l’adresse <strong>{props.email}</strong>, vous allez
            recevoir un e-mail avec un lien pour le reprendre. Pensez à regarder dans les courriers
            indésirables.
          </p>
        </Notice>
      ) : (
        <p class="lead">
          Indiquez l’adresse e-mail donnée au début de votre projet : nous vous enverrons un lien pour le
          reprendre où vous en étiez.
        </p>
      )}
      <ErrorSummary errors={props.errors} />
      <form method="post" action={resumePath} novalidate class="intake-form">
        <CsrfField />
        <TextInput
          name="email"
          type="email"
          label="Votre adresse e-mail"
          hint="Par exemple : prenom.nom@exemple.fr"
          autocomplete="email"
          required
          value={props.email}
          errors={props.errors}
        />
        <button type="submit" class="button">
          {props.sent ? 'Renvoyer un lien' : 'Recevoir un lien'}
        </button>
      </form>
      <p>
        Votre projet est déjà envoyé ? <a href={spaceBase}>Accéder à mon espace</a>. Pas encore commencé ?{' '}
        <a href={stepPath('contact')}>Commencer mon projet</a>.
      </p>
    </div>
  );
}
