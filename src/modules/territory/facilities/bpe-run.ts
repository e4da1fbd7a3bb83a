import type { Db } from '../../../core/db/index.js';
import { bumpDataVersion } from '../../../core/http/index.js';
import { record } from '../../../core/journal/index.js';
import { type BpeImportInput, type BpeImportResult, importBpe } from './bpe.js';

/**
 * A staff or operator import (the web form, `npm run cli -- import-bpe`): the import, its journal entry, and the
 * cached pages refreshed so the communes' cards show the new facilities at once.
 */
export async function runBpeImport(
  db: Db,
  input: BpeImportInput,
  actor: { id: string | null; label: string },
): Promise<BpeImportResult> {
  const result = await importBpe(db, {
    ...input,
    createdBy: input.createdBy ?? actor.id,
    onImported: (tx, done) =>
      record(tx, {
        actor,
        action: 'facility.import',
        target: { type: 'facility_import', id: done.id },
        after: {
          source: input.source,
          sourceDate: input.sourceDate,
          rows: done.rows,
          inserted: done.inserted,
          skipped: done.skipped,
        },
      }),
  });
  await bumpDataVersion(db);
  return result;
}
