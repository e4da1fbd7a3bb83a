import { type SQL, sql } from 'drizzle-orm';
import { type Actor, definePolicy, hasRole } from '../../core/auth/index.js';
import { type Db, one } from '../../core/db/index.js';
import { notFound } from '../../core/http/index.js';
import { recordFile } from './journal.js';

/**
 * Who may see which newcomer file. Deny by default:
 * - administrators and the Département's welcome staff see every file (the Département coordinates the
 *   programme and is the controller named in the consent text);
 * - any other referent or adviser sees a file only while their organisation holds a live share of it, and a
 *   share exists only for an organisation the household consented to (assignment, co-assignment, hand-off).
 * Every query of files goes through `fileScope`, so a file out of scope is never listed, counted or exported,
 * and opening it answers 404 — the same as a file that does not exist.
 */
export const welcomePolicy = definePolicy({
  useFiles: (actor) => hasRole(actor, 'admin', 'referent', 'adviser'),
  /** Edit stages, rules, partners, kit content. */
  configure: (actor) => hasRole(actor, 'admin'),
  /** Reassign a file inside the team: team leads (and territory-wide staff). */
  reassign: (actor) => territoryWide(actor) || hasRole(actor, 'referent', 'adviser'),
});

/** Staff who see every file. */
export function territoryWide(actor: Actor): boolean {
  if (hasRole(actor, 'admin')) return true;
  return hasRole(actor, 'referent', 'adviser') && actor.organisationKind === 'departement';
}

/**
 * The SQL condition on a file aliased `f` that keeps it inside the actor's scope. Erased files and files merged
 * into another are out of every scope.
 */
export function fileScope(actor: Actor, alias = 'f'): SQL {
  if (!welcomePolicy(actor, 'useFiles')) return sql`false`;
  const live = sql.raw(`${alias}.status <> 'erased' and ${alias}.merged_into is null`);
  if (territoryWide(actor)) return live;
  return sql`${live} and exists (select 1 from file_shares s where s.file_id = ${sql.raw(alias)}.id and s.organisation_id = ${actor.organisationId} and s.revoked_at is null)`;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks that a submitted file id is in the actor's scope, and journals the read ('file.read'); throws the
 * French 404 otherwise. Every back-office route that touches a file starts here.
 */
export async function openFile(
  db: Db,
  actor: Actor | null,
  fileId: string,
  options: { journal?: boolean; ip?: string | null } = {},
): Promise<string> {
  if (!actor || !uuidPattern.test(fileId))
    throw notFound('Ce dossier n’existe pas ou vous n’y avez pas accès.');
  const found = await one<{ id: string }>(
    db,
    sql`select f.id from newcomer_files f where f.id = ${fileId} and f.status = 'open' and ${fileScope(actor)}`,
  );
  if (!found) throw notFound('Ce dossier n’existe pas ou vous n’y avez pas accès.');
  if (options.journal !== false) await recordFile(db, actor, fileId, 'file.read', null, null, options.ip);
  return found.id;
}
