import type { AppContext } from '../../core/context.js';
import type { JobDefinition } from '../../core/jobs/index.js';

// STUB: expiry and warning jobs (publishing part).
export function expiryJobs(_ctx: AppContext): JobDefinition[] {
  return [];
}
