/** Pieces shared by the staff pages of ambassadors: the frame, the status badge, query strings. */
import type { ComponentChildren } from 'preact';
import { Breadcrumbs } from '../../../core/views/index.js';
import { adminBase } from '../paths.js';
import type { AmbassadorStatus } from '../schema.js';
import { statusBadges, statusLabels } from './labels.js';

export function Frame({
  title,
  home,
  actions,
  children,
}: {
  title: string;
  /** The directory itself: no link back to it in the breadcrumbs. */
  home?: boolean;
  actions?: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <div class="container admin ambassadors-admin">
      <Breadcrumbs
        items={[
          { href: '/admin', label: 'Tableau de bord' },
          ...(home ? [] : [{ href: adminBase, label: 'Ambassadeurs' }]),
          { label: title },
        ]}
      />
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
