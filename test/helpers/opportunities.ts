/** Opportunities for tests, through the module's own write path (journaled, derived location). */
import type { Db } from '../../src/core/db/index.js';
import { systemActor } from '../../src/core/journal/index.js';
import {
  createOpportunity,
  type OpportunityInput,
  type Seller,
} from '../../src/modules/opportunities/store.js';

/** A published job in Cahors unless told otherwise. */
export async function createTestOpportunity(
  db: Db,
  overrides: Partial<OpportunityInput> = {},
  seller?: Seller,
) {
  const kind = overrides.kind ?? 'job';
  return createOpportunity(
    db,
    systemActor,
    {
      kind,
      status: 'published',
      title: 'Offre de test',
      description: 'Une description assez longue pour être lue par une personne.',
      communeCode: '46042',
      ...(kind === 'job' ? { contractType: 'cdi', sector: 'sante', employerName: 'Employeur de test' } : {}),
      ...overrides,
    },
    seller,
  );
}
