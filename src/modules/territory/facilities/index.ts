import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import type { Db } from '../../../core/db/index.js';
import { facilityAdminRoutes } from './admin-routes.js';
import { seedFacilityData } from './seed.js';

export { canEditFacts } from './admin-routes.js';
/**
 * The commune life card's facts (issue 6): facility types as BPE codes, the BPE import, staff corrections and
 * broadband figures, each sourced and dated. The card itself renders on the commune page (views.tsx).
 */
export { BpeFileError, type BpeImportInput, type BpeImportResult, importBpe } from './bpe.js';
export { runBpeImport } from './bpe-run.js';
export { type LifeCard, lifeCard } from './life-card.js';
export { LifeCardView } from './life-card-view.js';

/** Staff pages of the facilities: BPE import, per-commune editing. */
export function facilityRoutes(app: FastifyInstance, ctx: AppContext): void {
  facilityAdminRoutes(app, ctx);
}

/** Facility types (BPE codes) and the shipped demo extract, idempotent. */
export async function seedFacilities(db: Db, log: (line: string) => void): Promise<void> {
  await seedFacilityData(db, log);
}
