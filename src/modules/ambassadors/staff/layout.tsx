/** Pieces shared by the staff pages of ambassadors: the frame, the status badge, query strings. */
import type { ComponentChildren } from 'preact';
import { Breadcrumbs } from '../../../core/views/index.js';
import { adminBase, adminPaths } from '../paths.js';
import type { AmbassadorStatus } from '../schema.js';
import { statusBadges, statusLabels } from './labels.js';

/** The staff sections of the network, each its own page. */
export const staffSections = [
  { href: adminPaths.directory, label: 'Répertoire' },
  { href: adminPaths.missions, label: 'Missions' },
  { href: adminPaths.events, label: 'Événements' },
  { href: adminPaths.impact, label: 'Impact' },
  { href: adminPaths.dormant, label: 'Ambassadeurs inactifs' },
  { href: adminPaths.newsletters, label: 'Lettres' },
  { href: adminPaths.map, label: 'Carte' },
] as const;

export function Frame({
  title,
  home,
  section,
  trail,
  actions,
  children,
}: {
  title: string;
  /** The directory itself: no link back to it in the breadcrumbs. */
  home?: boolean;
  /** The staff section the page belongs to (marked in the section menu). */
  section?: string;
  /** Breadcrumbs between « Ambassadeurs » and the page (e.g. the missions list above a mission). */
  trail?: { href: string; label: string }[];
  actions?: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <div class="container admin ambassadors-admin">
      <Breadcrumbs
        items={[
          { href: '/admin', label: 'Tableau de bord' },
          ...(home ? [] : [{ href: adminBase, label: 'Ambassadeurs' }]),
          ...(trail ?? []),
          { label: title },
        ]}
      />
      <nav aria-label="Animation du réseau" class="ambassadors-admin__sections">
        <ul>
          {staffSections.map((s) => (
            <li key={s.href}>
              <a
                href={s.href}
                aria-current={s.href === (section ?? (home ? adminBase : '')) ? 'page' : undefined}
              >
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="admin__head">
        <h1>{title}</h1>
        {actions && <div class="admin__actions">{actions}</div>}
      </div>
      {children}
    </div>
  );
}

export function StatusBadge({ status }: { status: AmbassadorStatus }) {
  return (
    <span class={`badge badge--${statusBadges[status] ?? 'muted'}`}>{statusLabels[status] ?? status}</span>
  );
}

/** A query string from the non-empty values, for links that keep the current filters. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
