import type { ComponentChildren } from 'preact';
import { formatDateTime } from '../../../core/views/index.js';
import type { ConsentRow } from './consent.js';

/** What is stored about a file and why: the same words for the household and for staff. */
export const storedData: { what: string; why: string }[] = [
  {
    what: 'Vos coordonnées (nom, e-mail, téléphone)',
    why: 'pour que votre référent vous contacte et pour vous envoyer vos liens de connexion',
  },
  {
    what: 'Votre foyer (prénoms et métiers des adultes, recherche d’emploi, âge des enfants)',
    why: 'pour préparer votre accueil : emploi du conjoint, écoles, services',
  },
  {
    what: 'Votre projet (type de projet, lieux, logement, calendrier, comment vous nous avez connus)',
    why: 'pour confier votre dossier à la bonne équipe et vous proposer des offres adaptées',
  },
  {
    what: 'Vos accords par partenaire, avec la version du texte et la date',
    why: 'pour prouver votre choix et le respecter',
  },
  {
    what: 'Les messages, échanges, tâches et propositions de vos référents',
    why: 'pour que chaque partenaire reprenne votre dossier là où il en est',
  },
  {
    what: 'Le journal des consultations et des modifications',
    why: 'pour savoir qui a lu ou modifié votre dossier, et quand',
  },
];

export function StoredDataList() {
  return (
    <ul class="privacy-stored">
      {storedData.map((d) => (
        <li key={d.what}>
          <strong>{d.what}</strong> : {d.why}.
        </li>
      ))}
    </ul>
  );
}

/** The table of consents; `action` renders the last column (a button for the household, nothing for staff). */
export function ConsentTable(props: {
  consents: ConsentRow[];
  caption: string;
  action?: (c: ConsentRow) => ComponentChildren;
}) {
  if (props.consents.length === 0) return <p>Aucun accord enregistré.</p>;
  return (
    <table class="privacy-consents">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Partenaire</th>
          <th scope="col">Pour</th>
          <th scope="col">Accord</th>
          {props.action && <th scope="col">Action</th>}
        </tr>
      </thead>
      <tbody>
        {props.consents.map((c) => (
          <tr key={c.organisationId}>
            <th scope="row">{c.organisationName}</th>
            <td>{c.purpose}</td>
            <td>
              Donné le {formatDateTime(c.grantedAt)} (texte {c.textVersion})
              {c.withdrawnAt && (
                <>
                  <br />
                  <strong>Retiré le {formatDateTime(c.withdrawnAt)}</strong>
                </>
              )}
            </td>
            {props.action && <td>{props.action(c)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
