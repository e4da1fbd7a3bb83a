import type { ComponentChildren } from 'preact';
import { Breadcrumbs } from '../../core/views/index.js';

/** The frame of a back-office page: breadcrumbs from the dashboard, the title, then the content. */
export function AdminFrame({
  title,
  trail = [],
  actions,
  children,
}: {
  title: string;
  trail?: { href: string; label: string }[];
  actions?: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <div class="container admin">
      <Breadcrumbs items={[{ href: '/admin', label: 'Tableau de bord' }, ...trail, { label: title }]} />
      <div class="admin__head">
        <h1>{title}</h1>
        {actions && <div class="admin__actions">{actions}</div>}
      </div>
      {children}
    </div>
  );
}

export function Badge({ kind, children }: { kind: string; children: ComponentChildren }) {
  return <span class={`badge badge--${kind}`}>{children}</span>;
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

const timeFormat = new Intl.DateTimeFormat('fr-FR', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Paris',
});

/** "dans 14 minutes (vers 15 h 32)": when a blocked visitor may try again. */
export function retryText(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  const at = timeFormat.format(new Date(Date.now() + seconds * 1000)).replace(':', ' h ');
  return `dans ${minutes} minute${minutes > 1 ? 's' : ''} (vers ${at})`;
}
