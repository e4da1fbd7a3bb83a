/** Pieces shared by the editorial back office pages: the frame and the status badge. */
import type { ComponentChildren } from 'preact';
import { Breadcrumbs, formatDateTime } from '../../../core/views/index.js';
import { adminPaths } from '../paths.js';
import { statusLabels } from '../themes.js';
import { type Content, statusKey } from './store.js';

export function Frame({
  title,
  trail,
  actions,
  children,
}: {
  title: string;
  /** Breadcrumbs between « Contenus » and the page; absent on the list itself. */
  trail?: { href: string; label: string }[];
  actions?: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <div class="container admin content-editor">
      <Breadcrumbs
        items={[
          { href: '/admin', label: 'Tableau de bord' },
          ...(trail ? [{ href: adminPaths.list, label: 'Contenus' }, ...trail] : []),
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

const badges = { draft: 'muted', review: 'warning', published: 'success', scheduled: 'info' } as const;

/** « Brouillon », « À relire », « Publié » or « Programmé le … ». */
export function statusText(c: Pick<Content, 'status' | 'publishAt'>): string {
  const key = statusKey(c);
  return key === 'scheduled' && c.publishAt
    ? `Programmé le ${formatDateTime(c.publishAt)}`
    : statusLabels[c.status];
}

export function StatusBadge({ content }: { content: Pick<Content, 'status' | 'publishAt'> }) {
  return <span class={`badge badge--${badges[statusKey(content)]}`}>{statusText(content)}</span>;
}
