/**
 * The file's ambassador (newcomer_files.ambassador_code): shown and changed from the buddy tab. The welcome
 * module owns the column; the change is journaled on the file and on both ambassadors.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/index.js';
import { type Db, one } from '../../../core/db/index.js';
import { normaliseAmbassadorCode, recordFile, touchFile } from '../../welcome/index.js';
import { recordAmbassador } from '../journal.js';
import { ambassadors } from '../schema.js';

export interface FileAmbassador {
  code: string;
  /** Null: the code names no ambassador (mistyped in the intake, or erased since). */
  id: string | null;
  name: string | null;
}

export async function fileAmbassador(db: Db, fileId: string): Promise<FileAmbassador | null> {
  const row = await one<{ code: string | null }>(
    db,
    sql`select ambassador_code as code from newcomer_files where id = ${fileId}`,
  );
  if (!row?.code) return null;
  const [a] = await db
    .select({ id: ambassadors.id, name: ambassadors.name })
    .from(ambassadors)
    .where(and(eq(ambassadors.code, row.code), isNull(ambassadors.erasedAt)));
  return { code: row.code, id: a?.id ?? null, name: a?.name ?? null };
}

const codePattern = /^[A-Z0-9-]{3,40}$/;

/** An active ambassador's id from a typed code, or null. */
export async function activeAmbassadorByCode(db: Db, raw: string) {
  const code = normaliseAmbassadorCode(raw);
  if (!codePattern.test(code)) return null;
  const [a] = await db
    .select({ id: ambassadors.id, code: ambassadors.code })
    .from(ambassadors)
    .where(and(eq(ambassadors.code, code), eq(ambassadors.status, 'active'), isNull(ambassadors.erasedAt)));
  return a ?? null;
}

/** Sets (or removes, with null) the file's ambassador; false when nothing changed. */
export async function changeAttribution(
  db: Db,
  actor: Actor,
  fileId: string,
  next: { id: string; code: string } | null,
): Promise<boolean> {
  const current = await fileAmbassador(db, fileId);
  const before = current?.code ?? null;
  const after = next?.code ?? null;
  if (before === after) return false;
  await db.execute(
    sql`update newcomer_files set ambassador_code = ${after}, updated_at = now() where id = ${fileId}`,
  );
  await recordFile(
    db,
    actor,
    fileId,
    'file.attribution',
    { ambassadorCode: before },
    { ambassadorCode: after },
  );
  if (current?.id)
    await recordAmbassador(db, actor, current.id, 'file.attribution', { fileId }, { fileId: null });
  if (next) await recordAmbassador(db, actor, next.id, 'file.attribution', { fileId: null }, { fileId });
  await touchFile(db, fileId);
  return true;
}
