/**
 * Imports of opportunities: France Travail's job offers (API) and CSV files of takeovers, premises and
 * housing. Every import upserts by (source, source id), resumes an unfinished run from its cursor, and keeps
 * a report of the rows it rejected.
 */
import type { Config } from '../../../config.js';
import type { Database } from '../../../core/db/index.js';
import { invalid } from '../../../core/http/index.js';
import type { JournalActor } from '../../../core/journal/index.js';
import { FranceTravailClient } from './france-travail/client.js';
import { importFranceTravail } from './france-travail/run.js';
import type { ProgressListener } from './runs.js';

export { type CsvKind, csvKindSlugs, csvKinds } from './csv/columns.js';
export { CsvFileError, csvSource, importCsv } from './csv/run.js';
export { FranceTravailClient, FranceTravailError } from './france-travail/client.js';
export { franceTravailSource } from './france-travail/mapping.js';
export { importFranceTravail } from './france-travail/run.js';
export type { ImportProgress, ImportRun, ProgressListener } from './runs.js';

export const franceTravailConfigured = (config: Config) =>
  Boolean(config.FRANCE_TRAVAIL_CLIENT_ID && config.FRANCE_TRAVAIL_CLIENT_SECRET);

export function franceTravailClient(config: Config): FranceTravailClient {
  if (!franceTravailConfigured(config))
    throw invalid(
      'Identifiants France Travail absents : définissez FRANCE_TRAVAIL_CLIENT_ID et FRANCE_TRAVAIL_CLIENT_SECRET (application déclarée sur francetravail.io, API « Offres d’emploi v2 »).',
    );
  return new FranceTravailClient({
    clientId: config.FRANCE_TRAVAIL_CLIENT_ID,
    clientSecret: config.FRANCE_TRAVAIL_CLIENT_SECRET,
    tokenUrl: config.FRANCE_TRAVAIL_TOKEN_URL,
    apiUrl: config.FRANCE_TRAVAIL_API_URL,
  });
}

/** The configured import, as the CLI and the daily job run it. */
export function runFranceTravailImport(
  database: Database,
  config: Config,
  actor: JournalActor,
  onProgress?: ProgressListener,
) {
  return importFranceTravail(database, {
    client: franceTravailClient(config),
    departement: config.FRANCE_TRAVAIL_DEPARTEMENT,
    actor,
    onProgress,
  });
}
