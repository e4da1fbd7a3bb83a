import { type Actor, journalActor } from '../../core/auth/index.js';
import type { Db } from '../../core/db/index.js';
import { type JournalActor, record } from '../../core/journal/index.js';

/** Every journal entry about an ambassador targets { type: 'ambassador', id }: one query for its history. */
export async function recordAmbassador(
  db: Db,
  actor: Actor | JournalActor | null,
  ambassadorId: string,
  action: string,
  before: Record<string, unknown> | null = null,
  after: Record<string, unknown> | null = null,
): Promise<void> {
  const who = actor && 'role' in actor ? journalActor(actor) : (actor ?? journalActor(null));
  await record(db, { actor: who, action, target: { type: 'ambassador', id: ambassadorId }, before, after });
}

/** The ambassador, as the journal names them (no personal data: their code). */
export const ambassadorActor = (code: string): JournalActor => ({ id: null, label: `ambassadeur ${code}` });
