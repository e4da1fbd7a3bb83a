import type { Db } from './core/db/index.js';
import { bumpDataVersion } from './core/http/index.js';
import { modules } from './modules.js';

/** Runs every module's seed in order. Idempotent: a second run inserts nothing and changes nothing. */
export async function seedAll(db: Db, log: (line: string) => void = () => {}): Promise<void> {
  for (const module of modules) {
    if (module.seed) await module.seed(db, log);
  }
  // Seeds may have added public data: processes rebuild their cached pages.
  await bumpDataVersion(db);
}
