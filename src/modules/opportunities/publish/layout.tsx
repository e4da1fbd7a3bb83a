/** Pieces shared by the back-office pages of opportunities: the frame, status badges, links. */
import type { ComponentChildren } from 'preact';
import { Breadcrumbs } from '../../../core/views/index.js';
import { statusLabels } from '../kinds.js';
import type { OpportunityStatus } from '../schema.js';

export const adminBase = '/admin/opportunites';
export const adminPath = (o: { id: string }) => `${adminBase}/${o.id}`;
export const editPath = (o: { id: string }) => `${adminBase}/${o.id}/modifier`;

export function Frame({
  title,
  trail = [],
  home,
  actions,
  children,
}: {
  title: string;
  trail?: { href: string; label: string }[];
  /** The list itself: no link back to it in the breadcrumbs. */
  home?: boolean;
  actions?: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <div class="container admin opportunities-admin">
      <Breadcrumbs
        items={[
          { href: '/admin', label: 'Tableau de bord' },
          ...(home ? [] : [{ href: adminBase, label: 'Opportunités' }]),
          ...trail,
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

const badgeKinds: Record<OpportunityStatus, string> = {
  draft: 'muted',
  pending: 'warning',
  published: 'success',
  rejected: 'danger',
  expired: 'muted',
  withdrawn: 'muted',
};

export function StatusBadge({ status }: { status: OpportunityStatus }) {
  return <span class={`badge badge--${badgeKinds[status]}`}>{statusLabels[status]}</span>;
}

/** A query string from the non-empty values, for links that keep the current filters. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
