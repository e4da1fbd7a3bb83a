/** The ambassador's side of a mission: accept, withdraw, report done — journaled on them, counted as activity. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../core/db/index.js';
import { ambassadorActor, recordAmbassador } from '../journal.js';
import { missionParticipations } from '../schema.js';
import { markActive } from '../session.js';
import { findParticipation, type Mission } from './store.js';

interface Who {
  id: string;
  code: string;
}

async function journal(
  db: Db,
  who: Who,
  action: string,
  mission: Mission,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
) {
  await recordAmbassador(
    db,
    ambassadorActor(who.code),
    who.id,
    action,
    // Only in `after`: the journal keeps what changed, and the mission must show in every entry.
    before,
    { missionId: mission.id, title: mission.title, ...after },
  );
  await markActive(db, who.id);
}

/** Accepting again after a withdrawal starts over; an accepted or done mission stays as it is. */
export async function acceptMission(db: Db, who: Who, mission: Mission): Promise<void> {
  const current = await findParticipation(db, mission.id, who.id);
  if (current && current.status !== 'withdrawn') return;
  if (current)
    await db
      .update(missionParticipations)
      .set({ status: 'accepted', acceptedAt: new Date(), doneAt: null, report: null })
      .where(eq(missionParticipations.id, current.id));
  else
    await db
      .insert(missionParticipations)
      .values({ missionId: mission.id, ambassadorId: who.id, status: 'accepted' })
      .onConflictDoNothing();
  await journal(
    db,
    who,
    'mission.accept',
    mission,
    { status: current?.status ?? null },
    { status: 'accepted' },
  );
}

/** Only an accepted mission can be withdrawn from: a done one stays done. */
export async function withdrawMission(db: Db, who: Who, mission: Mission): Promise<boolean> {
  const current = await findParticipation(db, mission.id, who.id);
  if (current?.status !== 'accepted') return false;
  await db
    .update(missionParticipations)
    .set({ status: 'withdrawn' })
    .where(eq(missionParticipations.id, current.id));
  await journal(db, who, 'mission.withdraw', mission, { status: 'accepted' }, { status: 'withdrawn' });
  return true;
}

/** Reporting done (accepted or not beforehand); reporting again updates the report. */
export async function reportMissionDone(
  db: Db,
  who: Who,
  mission: Mission,
  report: string | null,
): Promise<void> {
  const current = await findParticipation(db, mission.id, who.id);
  const now = new Date();
  if (current)
    await db
      .update(missionParticipations)
      .set({ status: 'done', report, doneAt: now })
      .where(eq(missionParticipations.id, current.id));
  else
    await db
      .insert(missionParticipations)
      .values({ missionId: mission.id, ambassadorId: who.id, status: 'done', report, doneAt: now })
      .onConflictDoNothing();
  await journal(
    db,
    who,
    'mission.done',
    mission,
    { status: current?.status ?? null },
    // The report itself stays out of the journal: erasure clears it from the participation only.
    { status: 'done', withReport: Boolean(report) },
  );
}
