import { sql } from 'drizzle-orm';
import { type Actor, journalActor } from '../../core/auth/index.js';
import type { Db } from '../../core/db/index.js';
import { type JournalActor, record } from '../../core/journal/index.js';
import { bumpFilesVersion } from './files-version.js';

/**
 * Every journal entry about a file or anything inside it targets { type: 'file', id }: the file's timeline is
 * one query, and erasure scrubs every diff of the file with one update.
 */
export async function recordFile(
  db: Db,
  actor: Actor | JournalActor | null,
  fileId: string,
  action: string,
  before: Record<string, unknown> | null = null,
  after: Record<string, unknown> | null = null,
  ip: string | null = null,
): Promise<void> {
  const who = actor && 'role' in actor ? journalActor(actor) : (actor ?? journalActor(null));
  await record(db, { actor: who, action, target: { type: 'file', id: fileId }, before, after, ip });
  // Every change of a file is journaled here: the one place that tells derived counts to refresh.
  if (!readActions.has(action)) await bumpFilesVersion(db);
}

/** Journaled reads and downloads: they change nothing a count depends on. */
const readActions = new Set(['file.read', 'file.export', 'kit.download', 'message.read', 'household.login']);

/** Erasure: the journal keeps who did what and when about the file, never a personal value. */
export async function scrubFileJournal(db: Db, fileId: string): Promise<void> {
  await db.execute(sql`update journal set diff = null where target_type = 'file' and target_id = ${fileId}`);
}

/** The household, as the journal names it (no personal data). */
export const householdActor = (reference: string): JournalActor => ({
  id: null,
  label: `foyer ${reference}`,
});
