import { eq, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/index.js';
import { type Db, rows } from '../../../core/db/index.js';
import { fileScope } from '../access.js';
import { findFile, type NewcomerFile, touchFile } from '../files.js';
import { recordFile } from '../journal.js';
import { newcomerFiles } from '../schema.js';
import { phoneKey } from './summary-data.js';

export interface Duplicate {
  id: string;
  reference: string;
  contactName: string | null;
  email: string | null;
  phone: string | null;
  stageName: string | null;
  submittedAt: Date | null;
  sameEmail: boolean;
  samePhone: boolean;
}

const digits = sql.raw(`right(regexp_replace(coalesce(f.phone, ''), '[^0-9]', '', 'g'), 9)`);

/**
 * Other files in the actor's scope with the same email (any case) or the same phone line (digits only, the
 * last nine: "+33 6…" and "06…" match). Out-of-scope files are never hinted at.
 */
export async function findDuplicates(db: Db, actor: Actor, file: NewcomerFile): Promise<Duplicate[]> {
  const email = file.email?.trim().toLowerCase() || null;
  const phone = phoneKey(file.phone);
  const matches: SQL[] = [];
  if (email) matches.push(sql`lower(f.email) = ${email}`);
  if (phone) matches.push(sql`${digits} = ${phone}`);
  if (!matches.length) return [];
  return rows<Duplicate>(
    db,
    sql`select f.id, f.reference, f.contact_name as "contactName", f.email, f.phone, s.name as "stageName",
          f.submitted_at as "submittedAt",
          ${email ? sql`coalesce(lower(f.email) = ${email}, false)` : sql`false`} as "sameEmail",
          ${phone ? sql`(${digits} = ${phone})` : sql`false`} as "samePhone"
        from newcomer_files f left join file_stages s on s.id = f.stage_id
        where f.id <> ${file.id} and f.status = 'open' and ${fileScope(actor)}
          and (${sql.join(matches, sql` or `)})
        order by f.submitted_at desc nulls last limit 20`,
  );
}

/** Fields the kept file takes from the merged one when it has none. */
const fillable = [
  'contactName',
  'email',
  'phone',
  'businessSector',
  'projectNote',
  'housingTenure',
  'housingBudget',
  'timeline',
  'heardFrom',
  'heardDetail',
  'campaign',
  'ambassadorCode',
  'targetProfile',
] as const;

const empty = (value: unknown) => value === null || value === undefined || value === '';

/**
 * Merges `otherId` into `keptId` (both already checked in scope): the household's members (when the kept file
 * has none), interactions, tasks, messages, proposals, housing requests, consents and shares move to the kept
 * file; its empty fields are filled from the other; the other points to the kept file and leaves every list.
 * Consents: the union, the earliest grant kept; a withdrawal in either file stands (the household's explicit
 * choice is never undone by a merge), and a share moves only for a partner whose consent is live.
 */
export async function mergeFiles(
  db: Db,
  actor: Actor,
  keptId: string,
  otherId: string,
  ip: string | null = null,
): Promise<{ reference: string }> {
  return db.transaction(async (tx) => {
    const kept = await findFile(tx, keptId);
    const other = await findFile(tx, otherId);
    if (!kept || !other) throw new Error('merge: a file vanished after its scope check');

    const fill: Record<string, unknown> = {};
    for (const key of fillable) if (empty(kept[key]) && !empty(other[key])) fill[key] = other[key];
    if (!kept.projectKinds.length && other.projectKinds.length) fill.projectKinds = other.projectKinds;
    if (!kept.placeCommunes.length && !kept.placeEpcis.length && !kept.placeUnknown) {
      fill.placeCommunes = other.placeCommunes;
      fill.placeEpcis = other.placeEpcis;
      fill.placeUnknown = other.placeUnknown;
    }
    if (other.needsTemporaryHousing && !kept.needsTemporaryHousing) fill.needsTemporaryHousing = true;

    const keptMembers = await rows(tx, sql`select 1 from file_members where file_id = ${keptId} limit 1`);
    if (keptMembers.length === 0) {
      await tx.execute(sql`update file_members set file_id = ${keptId} where file_id = ${otherId}`);
    } else {
      // The other's members stay behind: a proposal made to one of them keeps the offer, not the person.
      await tx.execute(sql`update file_proposals set member_id = null where file_id = ${otherId}`);
    }
    for (const table of [
      'file_interactions',
      'file_tasks',
      'file_messages',
      'file_proposals',
      'file_housing_requests',
    ])
      await tx.execute(sql`update ${sql.raw(table)} set file_id = ${keptId} where file_id = ${otherId}`);

    await tx.execute(
      sql`update file_consents k set
            purpose = case when o.granted_at < k.granted_at then o.purpose else k.purpose end,
            text_version = case when o.granted_at < k.granted_at then o.text_version else k.text_version end,
            granted_at = least(k.granted_at, o.granted_at),
            withdrawn_at = greatest(k.withdrawn_at, o.withdrawn_at)
          from file_consents o
          where k.file_id = ${keptId} and o.file_id = ${otherId} and o.organisation_id = k.organisation_id`,
    );
    await tx.execute(
      sql`update file_consents set file_id = ${keptId} where file_id = ${otherId}
            and organisation_id not in (select organisation_id from file_consents where file_id = ${keptId})`,
    );
    await tx.execute(
      sql`update file_shares o set file_id = ${keptId}
          where o.file_id = ${otherId} and o.revoked_at is null
            and not exists (select 1 from file_shares k where k.file_id = ${keptId}
              and k.organisation_id = o.organisation_id and k.revoked_at is null)
            and exists (select 1 from file_consents c where c.file_id = ${keptId}
              and c.organisation_id = o.organisation_id and c.withdrawn_at is null)`,
    );

    if (Object.keys(fill).length)
      await tx
        .update(newcomerFiles)
        .set(fill as Partial<NewcomerFile>)
        .where(eq(newcomerFiles.id, keptId));
    await tx
      .update(newcomerFiles)
      .set({ mergedInto: keptId, updatedAt: sql`now()` })
      .where(eq(newcomerFiles.id, otherId));
    await recordFile(
      tx,
      actor,
      keptId,
      'file.merge',
      null,
      { mergedFrom: other.reference, filled: Object.keys(fill) },
      ip,
    );
    await recordFile(tx, actor, otherId, 'file.merge', null, { mergedInto: kept.reference }, ip);
    await touchFile(tx, keptId);
    return { reference: other.reference };
  });
}
