import type { Db } from '../../../core/db/index.js';

// STUB: the deterministic demo generator.
export async function loadDemoIfEmpty(_db: Db, _log: (line: string) => void): Promise<void> {}
