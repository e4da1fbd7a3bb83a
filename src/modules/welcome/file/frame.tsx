import type { ComponentChildren } from 'preact';
import { Breadcrumbs } from '../../../core/views/index.js';
import { filePath, filesBase } from '../paths.js';
import type { FileHeader } from './header.js';

/** The tabs of a file page; each is its own page (works without JavaScript, one concern per route). */
export const fileTabs = [
  { tab: '', label: 'Dossier' },
  { tab: 'messages', label: 'Messages' },
  { tab: 'affectation', label: 'Affectation' },
  { tab: 'emploi', label: 'Emploi' },
  { tab: 'logement', label: 'Logement temporaire' },
  { tab: 'kit', label: 'Kit d’accueil' },
  { tab: 'suivi', label: 'Suivi' },
  // Served by the ambassadors' module (buddy suggestions and pairing, the file's ambassador).
  { tab: 'parrainage', label: 'Parrainage' },
  { tab: 'donnees', label: 'Données personnelles' },
] as const;
export type FileTab = (typeof fileTabs)[number]['tab'];

/** Title of a file's page: the reference, never the household's name (page titles end up in histories). */
export const fileTitle = (header: FileHeader, tab: FileTab) => {
  const label = fileTabs.find((t) => t.tab === tab)?.label ?? 'Dossier';
  return `${label} — dossier ${header.reference}`;
};

/** Header and tabs around every tab of a file page. */
export function FileFrame(props: { header: FileHeader; current: FileTab; children: ComponentChildren }) {
  const { header, current } = props;
  return (
    <div class="file-page">
      <Breadcrumbs
        items={[{ href: filesBase, label: 'Dossiers d’accueil' }, { label: `Dossier ${header.reference}` }]}
      />
      <header class="file-page__header">
        <h1>
          {header.contactName || 'Foyer sans nom'}{' '}
          <span class="file-page__reference">{header.reference}</span>
        </h1>
        <dl class="file-page__facts">
          <div>
            <dt>Étape</dt>
            <dd>{header.stageName ?? 'Non classé'}</dd>
          </div>
          <div>
            <dt>Territoire</dt>
            <dd>{header.epciName ?? 'File du Département'}</dd>
          </div>
          <div>
            <dt>Référent</dt>
            <dd>
              {header.referentName ?? 'Non attribué'}
              {header.leadOrganisationName ? ` (${header.leadOrganisationName})` : ''}
            </dd>
          </div>
        </dl>
      </header>
      <nav aria-label="Sections du dossier" class="file-tabs">
        <ul>
          {fileTabs.map((t) => (
            <li key={t.tab}>
              <a href={filePath(header.id, t.tab)} aria-current={t.tab === current ? 'page' : undefined}>
                {t.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="file-page__body">{props.children}</div>
    </div>
  );
}
