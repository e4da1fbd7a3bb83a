/** The board's cards and the move of a card: scoped like the list, journaled like any change to a file. */
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/index.js';
import { type Db, one, rows } from '../../../core/db/index.js';
import { touchFile } from '../files.js';
import { recordFile } from '../journal.js';
import { boardPath } from '../paths.js';
import { fileStages, newcomerFiles } from '../schema.js';
import type { FileFilters } from './filters.js';
import { filesWhere } from './queries.js';

/** Where a card's form posts. */
export const movePath = `${boardPath}/deplacer`;

/**
 * Cards per column; the rest is one link away, in the list filtered on that stage. Each card carries its own
 * move form (about 1.8 kB): 25 cards by 7 columns keep the page near 300 kB.
 */
export const columnCap = 25;

export interface Card {
  id: string;
  stageId: string;
  reference: string;
  contactName: string | null;
  epciName: string | null;
  communeNames: string[];
  placeEpciNames: string[];
  placeUnknown: boolean;
  referentName: string | null;
  lastActivityAt: Date;
}

/** The most recently active files of each active stage (a bounded query per stage, not the whole scope). */
export async function boardCards(db: Db, actor: Actor, f: FileFilters): Promise<Card[]> {
  const found = await rows<Card>(
    db,
    sql`select c.* from file_stages st cross join lateral (
          select f.id, f.stage_id as "stageId", f.reference, f.contact_name as "contactName",
            e.name as "epciName",
            (select coalesce(array_agg(cm.name order by cm.name), '{}') from communes cm
              where cm.code = any(f.place_communes)) as "communeNames",
            (select coalesce(array_agg(pe.name order by pe.name), '{}') from epcis pe
              where pe.code = any(f.place_epcis)) as "placeEpciNames",
            f.place_unknown as "placeUnknown", u.name as "referentName", f.last_activity_at as "lastActivityAt"
          from (select f.* from newcomer_files f
                where f.stage_id = st.id and ${filesWhere(actor, f, { withoutStage: true })}
                order by f.last_activity_at desc, f.id desc limit ${columnCap}) f
          left join epcis e on e.code = f.epci_code
          left join users u on u.id = f.referent_id
        ) c
        where st.active
        order by st.position, c."lastActivityAt" desc, c.id desc`,
  );
  return found.map((c) => ({
    ...c,
    lastActivityAt: new Date(c.lastActivityAt),
    communeNames: c.communeNames ?? [],
    placeEpciNames: c.placeEpciNames ?? [],
  }));
}

export interface StageRow {
  id: string;
  name: string;
  kind: 'open' | 'settled' | 'closed';
  active: boolean;
}

export async function findStage(db: Db, id: string): Promise<StageRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db
    .select({ id: fileStages.id, name: fileStages.name, kind: fileStages.kind, active: fileStages.active })
    .from(fileStages)
    .where(eq(fileStages.id, id));
  return row;
}

/** The file's current stage (after `openFile` has checked the scope). */
export async function currentStage(db: Db, fileId: string) {
  return one<{
    reference: string;
    stageId: string | null;
    name: string | null;
    kind: StageRow['kind'] | null;
  }>(
    db,
    sql`select f.reference, f.stage_id as "stageId", s.name, s.kind from newcomer_files f
        left join file_stages s on s.id = f.stage_id where f.id = ${fileId}`,
  );
}

/** Moves a file between two open stages: the stage, the journal ('file.stage' with before/after), activity. */
export async function moveFile(
  db: Db,
  actor: Actor,
  fileId: string,
  from: { id: string | null; name: string | null },
  to: StageRow,
  ip: string | null,
): Promise<void> {
  await db
    .update(newcomerFiles)
    .set({ stageId: to.id, updatedAt: sql`now()` })
    .where(eq(newcomerFiles.id, fileId));
  await recordFile(
    db,
    actor,
    fileId,
    'file.stage',
    { stageId: from.id, stage: from.name },
    { stageId: to.id, stage: to.name },
    ip,
  );
  await touchFile(db, fileId);
}
