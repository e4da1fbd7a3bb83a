import { render } from 'preact-render-to-string';
import type { Mailer, Message } from '../../../core/mail/index.js';
import { kindLabels } from '../kinds.js';
import { opportunityPath } from '../public.js';
import type { SearchHit } from '../search/index.js';
import { manageToken, type SavedSearch } from './store.js';

/** What sending alert emails needs: the mailer, the base of absolute links, the site's name. */
export interface AlertMailDeps {
  mailer: Mailer;
  publicUrl: string;
  siteName: string;
}

export const alertPaths = {
  form: '/opportunites/alerte',
  confirm: (token: string) => `/opportunites/alerte/confirmer/${token}`,
  unsubscribe: (token: string) => `/opportunites/alerte/desabonner/${token}`,
  deleteAll: (token: string) => `/opportunites/alerte/supprimer/${token}`,
  search: (query: string) => `/opportunites${query ? `?${query}` : ''}`,
};

/** What we do with the address: said on the form, in the confirmation email and in every digest. */
export const addressUse =
  'Votre adresse sert uniquement à vous envoyer cette alerte, au plus un message par jour. Elle n’est ni transmise ni utilisée à d’autres fins, et vous pouvez vous désabonner en un clic depuis chaque message.';

const shortLabel = (label: string) => (label.length > 80 ? `${label.slice(0, 79)}…` : label);

/** The footer every alert email ends with: why this message, and the links that stop it. */
function footerLines(deps: AlertMailDeps, search: SavedSearch, unsubscribe: boolean): string[] {
  const token = manageToken(search);
  return [
    '—',
    ...(unsubscribe
      ? [`Ne plus recevoir cette alerte (un clic) : ${deps.publicUrl}${alertPaths.unsubscribe(token)}`]
      : []),
    `Supprimer toutes les alertes de cette adresse : ${deps.publicUrl}${alertPaths.deleteAll(token)}`,
    `L’équipe ${deps.siteName}`,
  ];
}

/** Double opt-in: nothing is sent to the address until its owner follows this link. */
export function confirmationMessage(deps: AlertMailDeps, search: SavedSearch, token: string): Message {
  return {
    to: search.email,
    subject: `Confirmez votre alerte ${deps.siteName}`,
    kind: 'alert-confirmation',
    text: [
      'Bonjour,',
      '',
      `Une alerte a été demandée sur ${deps.siteName} avec cette adresse, pour la recherche :`,
      search.label,
      '',
      'Pour recevoir chaque jour les nouvelles opportunités de cette recherche, confirmez en ouvrant ce lien puis en cliquant sur « Confirmer mon alerte » (lien valable 7 jours) :',
      `${deps.publicUrl}${alertPaths.confirm(token)}`,
      '',
      addressUse,
      '',
      'Si vous n’avez rien demandé, ignorez ce message : aucune alerte ne vous sera envoyée et votre adresse sera effacée dans 7 jours.',
      '',
      ...footerLines(deps, search, false),
    ].join('\n'),
  };
}

/** Asked again for an alert the address already receives: say so, create nothing. */
export function alreadyActiveMessage(deps: AlertMailDeps, search: SavedSearch): Message {
  return {
    to: search.email,
    subject: `Votre alerte ${deps.siteName} est déjà active`,
    kind: 'alert-already-active',
    text: [
      'Bonjour,',
      '',
      'Une nouvelle alerte a été demandée avec cette adresse pour une recherche dont vous recevez déjà les nouveautés :',
      search.label,
      '',
      'Rien ne change : vous continuerez à recevoir cette alerte.',
      '',
      'Si vous n’avez rien demandé, ignorez ce message.',
      '',
      ...footerLines(deps, search, true),
    ].join('\n'),
  };
}

/** The address has as many alerts as allowed: tell its owner, who alone may stop some. */
export function limitMessage(deps: AlertMailDeps, oldest: SavedSearch, max: number): Message {
  return {
    to: oldest.email,
    subject: `Nombre maximal d’alertes atteint sur ${deps.siteName}`,
    kind: 'alert-limit',
    text: [
      'Bonjour,',
      '',
      `Une nouvelle alerte a été demandée avec cette adresse, mais elle en a déjà ${max}, le maximum. Pour en créer une autre, désabonnez-vous d’abord d’une alerte avec le lien en bas de ses messages.`,
      '',
      'Si vous n’avez rien demandé, ignorez ce message.',
      '',
      ...footerLines(deps, oldest, false),
    ].join('\n'),
  };
}

/** Where an opportunity is, as the public sees it. */
const placeOf = (hit: SearchHit) => hit.communeName ?? hit.epciName ?? 'Lot';

export interface DigestContent {
  search: SavedSearch;
  items: SearchHit[];
  total: number;
  /** The canonical query of all the search's results, newest first. */
  allQuery: string;
}

/** The daily digest: the new matches with absolute links, the total, and one-click unsubscribe headers. */
export function digestMessage(deps: AlertMailDeps, content: DigestContent): Message {
  const { search, items, total } = content;
  const link = (hit: SearchHit) => `${deps.publicUrl}${opportunityPath(hit)}`;
  const all = `${deps.publicUrl}${alertPaths.search(content.allQuery)}`;
  const unsubscribe = `${deps.publicUrl}${alertPaths.unsubscribe(manageToken(search))}`;
  const heading =
    total > 1
      ? `${total} nouvelles opportunités pour votre alerte`
      : '1 nouvelle opportunité pour votre alerte';
  const more = total - items.length;
  const text = [
    'Bonjour,',
    '',
    `${heading} : ${search.label}.`,
    '',
    ...items.flatMap((hit) => [
      `- ${hit.title} — ${placeOf(hit)} (${kindLabels[hit.kind]})`,
      `  ${link(hit)}`,
    ]),
    '',
    ...(more > 0 ? [`Et ${more} ${more > 1 ? 'autres' : 'autre'}.`] : []),
    `Voir toutes les opportunités de cette recherche : ${all}`,
    '',
    `Vous recevez ce message car vous avez créé et confirmé cette alerte (${deps.siteName}).`,
    ...footerLines(deps, search, true),
  ].join('\n');
  const html = render(
    <html lang="fr">
      <body>
        <p>Bonjour,</p>
        <p>
          {heading} : {search.label}.
        </p>
        <ul>
          {items.map((hit) => (
            <li key={hit.id}>
              <a href={link(hit)}>{hit.title}</a> — {placeOf(hit)} ({kindLabels[hit.kind]})
            </li>
          ))}
        </ul>
        {more > 0 && (
          <p>
            Et {more} {more > 1 ? 'autres' : 'autre'}.
          </p>
        )}
        <p>
          <a href={all}>Voir toutes les opportunités de cette recherche</a>
        </p>
        <hr />
        <p>
          Vous recevez ce message car vous avez créé et confirmé cette alerte ({deps.siteName}). {addressUse}
        </p>
        <p>
          <a href={unsubscribe}>Ne plus recevoir cette alerte</a> ·{' '}
          <a href={`${deps.publicUrl}${alertPaths.deleteAll(manageToken(search))}`}>
            Supprimer toutes les alertes de cette adresse
          </a>
        </p>
      </body>
    </html>,
  );
  return {
    to: search.email,
    subject: `${total > 1 ? `${total} nouvelles opportunités` : '1 nouvelle opportunité'} : ${shortLabel(search.label)}`,
    kind: 'alert-digest',
    text,
    html: `<!doctype html>${html}`,
    headers: {
      'List-Unsubscribe': `<${unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
