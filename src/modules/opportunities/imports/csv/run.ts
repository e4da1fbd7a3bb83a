import crypto from 'node:crypto';
import type { Database, Db } from '../../../../core/db/index.js';
import { AppError, bumpDataVersion } from '../../../../core/http/index.js';
import { type JournalActor, record } from '../../../../core/journal/index.js';
import { findUserByEmail } from '../../../accounts/index.js';
import { listProfiles } from '../../../content/index.js';
import type { Organisation } from '../../../partners/index.js';
import { loadCommuneIndex } from '../communes.js';
import {
  emptyCounts,
  failRun,
  finishRun,
  type ImportCounts,
  type ImportRun,
  openRun,
  type ProgressListener,
  progressLine,
  type RejectedRow,
  saveProgress,
  withImportLock,
} from '../runs.js';
import { RowRejected, upsertImported } from '../upsert.js';
import { type CsvKind, csvKindSlugs } from './columns.js';
import { type CsvRow, readCsv } from './parse.js';
import { validateRow } from './validate.js';

/** Opportunities of an organisation's files share one source: a reference is unique per organisation. */
export const csvSource = (organisation: Pick<Organisation, 'slug'>) => `csv:${organisation.slug}`;
/** A run is per organisation and kind: resuming needs the same file of the same kind. */
export const csvRunSource = (organisation: Pick<Organisation, 'slug'>, kind: CsvKind) =>
  `${csvSource(organisation)}:${csvKindSlugs[kind]}`;

/** A file refused as a whole (encoding, headers, structure): nothing was imported. */
export class CsvFileError extends AppError {
  constructor(readonly problems: string[]) {
    super(400, 'invalid_file', `Fichier refusé, rien n’a été importé :\n  ${problems.join('\n  ')}`);
  }
}

export interface CsvImportOptions {
  kind: CsvKind;
  content: Buffer | string;
  organisation: Organisation;
  actor: JournalActor;
  onProgress?: ProgressListener;
  batchSize?: number;
}

/**
 * Imports a CSV file of takeovers, premises or housing for an organisation. The file is checked as a whole
 * first (a CsvFileError when it cannot be read); then rows are validated and upserted by their reference in
 * batches, each batch and the cursor (the last line done) in one transaction. The same file imported again
 * after a crash resumes after the last batch saved; imported again after success, it changes nothing.
 */
export async function importCsv(database: Database, options: CsvImportOptions): Promise<ImportRun> {
  const file = readCsv(options.kind, options.content);
  if (!file.ok) throw new CsvFileError(file.problems);
  const { rows, columns } = file;
  const db = database.db;
  const { kind, organisation, actor } = options;
  const source = csvSource(organisation);
  const runSource = csvRunSource(organisation, kind);
  const fingerprint = crypto.createHash('sha256').update(options.content).digest('hex');
  const batchSize = options.batchSize ?? 50;
  return withImportLock(database, runSource, async () => {
    const { run, resumed } = await openRun(db, runSource, { startedBy: actor.label, fingerprint });
    const done = resumed && typeof run.cursor.line === 'number' ? run.cursor.line : 0;
    const counts: ImportCounts = resumed
      ? { created: run.created, updated: run.updated, unchanged: run.unchanged, rejected: run.rejected }
      : emptyCounts();
    const ctx = {
      communes: await loadCommuneIndex(db),
      profiles: await listProfiles(db),
      today: new Date().toISOString().slice(0, 10),
    };
    // A reference belongs to its first line: later lines with it are rejected, the same way on a resume.
    const firstLine = new Map<string, number>();
    for (const row of rows) {
      const ref = row.cells.reference;
      if (ref && !firstLine.has(ref)) firstLine.set(ref, row.line);
    }
    const advisers = new Map<string, string | null>();
    // Inside a batch every query goes through its transaction: PGlite's one connection would wait forever.
    const adviserId = async (tx: Db, email: string) => {
      if (!advisers.has(email)) {
        const user = await findUserByEmail(tx, email);
        advisers.set(email, user && user.status !== 'disabled' ? user.id : null);
      }
      return advisers.get(email) ?? null;
    };
    const processRow = async (tx: Db, row: CsvRow): Promise<RejectedRow[]> => {
      const checked = validateRow(kind, row, columns, ctx);
      if (!checked.ok) return checked.errors;
      const { reference, input, seller, adviserEmail } = checked.value;
      const reject = (field: string, reason: string) => [{ line: row.line, field, reason }];
      const first = firstLine.get(reference) ?? row.line;
      if (first < row.line)
        return reject('reference', `Référence déjà utilisée à la ligne ${first} de ce fichier.`);
      const adviser = adviserEmail ? await adviserId(tx, adviserEmail) : null;
      if (adviserEmail && !adviser)
        return reject('email_conseiller', `Aucun compte actif n’a l’adresse ${adviserEmail}.`);
      try {
        const outcome = await upsertImported(
          tx,
          actor,
          { ...input, source, sourceId: reference, organisationId: organisation.id, adviserId: adviser },
          seller,
        );
        counts[outcome]++;
        return [];
      } catch (error) {
        if (error instanceof RowRejected) return reject(error.field, error.reason);
        throw error;
      }
    };
    const todo = rows.filter((r) => r.line > done);
    try {
      for (let i = 0; i < todo.length; i += batchSize) {
        const batch = todo.slice(i, i + batchSize);
        const rejected: RejectedRow[] = [];
        await db.transaction(async (tx) => {
          for (const row of batch) {
            const errors = await processRow(tx, row);
            if (errors.length) {
              counts.rejected++;
              rejected.push(...errors);
            }
          }
          await saveProgress(tx, run, {
            cursor: { fingerprint, line: batch[batch.length - 1].line },
            counts,
            total: rows.length,
            rejected,
          });
        });
        const progress = {
          runId: run.id,
          processed: rows.length - todo.length + i + batch.length,
          total: rows.length,
          ...counts,
        };
        options.onProgress?.(progress, progressLine(`CSV ${csvKindSlugs[kind]}`, progress));
      }
      await bumpDataVersion(db);
      await record(db, {
        actor,
        action: 'opportunity.import',
        target: { type: 'import_run', id: run.id },
        after: { source: runSource, ...counts },
      });
      return finishRun(db, run.id, { fingerprint, line: rows[rows.length - 1].line });
    } catch (error) {
      await failRun(db, run.id, (error as Error).message);
      throw error;
    }
  });
}
