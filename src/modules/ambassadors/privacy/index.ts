import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import type { JournalActor } from '../../../core/journal/index.js';
import { eraseAmbassadorData } from './erase.js';
import { exportAmbassadorData } from './export.js';
import { spacePrivacyRoutes } from './space-routes.js';
import { staffPrivacyRoutes } from './staff-routes.js';

export { staffErasePath, staffExportPath } from './staff-routes.js';

/** « Mes données » in the ambassador's space, and the staff's export and erasure of a record. */
export function privacyRoutes(app: FastifyInstance, ctx: AppContext): void {
  spacePrivacyRoutes(app, ctx);
  staffPrivacyRoutes(app, ctx);
}

/**
 * Erases an ambassador's personal data (contact, profile, portrait and its photo, mission reports, sessions):
 * the row stays as an anonymous count (code, chapter, commune, dates) so visits and attributions still add up.
 */
export async function eraseAmbassador(
  ctx: AppContext,
  ambassadorId: string,
  actor: JournalActor,
): Promise<void> {
  await eraseAmbassadorData(ctx, ambassadorId, actor);
}

/** Everything held about an ambassador, as one JSON-ready object (journaled by the caller's route). */
export async function exportAmbassador(
  ctx: AppContext,
  ambassadorId: string,
): Promise<Record<string, unknown>> {
  return exportAmbassadorData(ctx, ambassadorId);
}
