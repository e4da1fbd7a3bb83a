import type { AppContext } from '../../../core/context.js';
import type { JobDefinition } from '../../../core/jobs/index.js';

// STUB: scheduled imports.
export function importJobs(_ctx: AppContext): JobDefinition[] {
  return [];
}
