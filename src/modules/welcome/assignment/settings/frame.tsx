/** Pieces shared by the journey's settings pages (/admin/accueil…): frame, guard, journal. */
import type { FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { type Actor, journalActor } from '../../../../core/auth/index.js';
import type { Db } from '../../../../core/db/index.js';
import { forbidden } from '../../../../core/http/index.js';
import { record } from '../../../../core/journal/index.js';
import { Breadcrumbs } from '../../../../core/views/index.js';
import { welcomePolicy } from '../../access.js';
import { settingsBase } from '../../paths.js';

export const rulesPath = `${settingsBase}/regles`;
export const teamPath = `${settingsBase}/equipe`;
export const partnersPath = `${settingsBase}/partenaires`;

export function SettingsFrame({
  title,
  trail = [],
  home,
  children,
}: {
  title: string;
  trail?: { href: string; label: string }[];
  home?: boolean;
  children: ComponentChildren;
}) {
  return (
    <div class="container admin welcome-settings">
      <Breadcrumbs
        items={[
          { href: '/admin', label: 'Tableau de bord' },
          ...(home ? [] : [{ href: settingsBase, label: 'Accueil : réglages' }]),
          ...trail,
          { label: title },
        ]}
      />
      <h1>{title}</h1>
      {children}
    </div>
  );
}

/** Administrators configure the journey; anyone else gets the 403 page. */
export function assertConfigure(request: FastifyRequest): Actor {
  const actor = request.actor;
  if (!actor || !welcomePolicy(actor, 'configure')) throw forbidden();
  return actor;
}

/** Every settings change is journaled under one target type, so the journal page filters them together. */
export async function recordSettings(
  db: Db,
  actor: Actor,
  action: string,
  id: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  ip: string | null,
): Promise<void> {
  await record(db, {
    actor: journalActor(actor),
    action,
    target: { type: 'welcome-settings', id },
    before,
    after,
    ip,
  });
}

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
