import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { adminBase } from '../paths.js';
import { ambassadorsPolicy } from '../policy.js';
import { directoryRoutes } from './directory.js';
import { recordRoutes } from './record.js';

/** Staff: the validation queue and the directory of ambassadors. */
export function staffRoutes(app: FastifyInstance, ctx: AppContext): void {
  ctx.staffNavigation.add({
    href: adminBase,
    label: 'Ambassadeurs',
    // Right after « Dossiers d’accueil » (90): the network feeds the welcome journey.
    order: 95,
    visible: (actor) => ambassadorsPolicy(actor, 'read'),
  });
  // The directory first: its static « export.csv » must not be read as an ambassador's id.
  directoryRoutes(app, ctx);
  recordRoutes(app, ctx);
}
