import type { AppContext } from '../../../core/context.js';
import type { JobDefinition } from '../../../core/jobs/index.js';

// STUB: the daily digest of saved searches.
export function alertJobs(_ctx: AppContext): JobDefinition[] {
  return [];
}
