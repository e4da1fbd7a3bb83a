/** The frame of the files pages: breadcrumbs, title, and the switch between the list and the board. */
import type { ComponentChildren } from 'preact';
import { Breadcrumbs } from '../../../core/views/index.js';
import { boardPath, filesBase } from '../paths.js';

export function FilesFrame({
  title,
  current,
  query = '',
  actions,
  children,
}: {
  title: string;
  current: 'list' | 'board';
  /** The current filters as a query string, kept when switching views. */
  query?: string;
  actions?: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <div class="container admin welcome-files">
      <Breadcrumbs
        items={[
          { href: '/admin', label: 'Tableau de bord' },
          ...(current === 'board' ? [{ href: filesBase, label: 'Dossiers d’accueil' }] : []),
          { label: title },
        ]}
      />
      <div class="admin__head">
        <h1>{title}</h1>
        {actions && <div class="admin__actions">{actions}</div>}
      </div>
      <nav class="view-switch" aria-label="Affichage des dossiers">
        <ul>
          <li>
            <a href={`${filesBase}${query}`} aria-current={current === 'list' ? 'page' : undefined}>
              Liste
            </a>
          </li>
          <li>
            <a href={`${boardPath}${query}`} aria-current={current === 'board' ? 'page' : undefined}>
              Tableau par étape
            </a>
          </li>
        </ul>
      </nav>
      {children}
    </div>
  );
}

const dayFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeZone: 'Europe/Paris' });
export const formatDay = (d: Date) => dayFormat.format(d);

/** « aujourd’hui », « hier », « il y a 12 jours »: how stale a file is, at a glance. */
export function sinceLabel(d: Date, now = new Date()): string {
  const days = Math.floor((now.getTime() - d.getTime()) / 86_400_000);
  if (days <= 0) return 'aujourd’hui';
  if (days === 1) return 'hier';
  return `il y a ${days} jours`;
}

/** Places of a file in a few words: communes of interest, else EPCIs of interest, else the lead EPCI. */
export function placesLabel(r: {
  communeNames: string[];
  placeEpciNames: string[];
  placeUnknown: boolean;
  epciName: string | null;
}): string {
  const places = [...r.placeEpciNames, ...r.communeNames];
  if (places.length) return places.join(', ');
  if (r.placeUnknown) return 'Pas encore d’idée';
  return r.epciName ?? '—';
}
