import { asc } from 'drizzle-orm';
import type { Db } from '../../core/db/index.js';
import { readSeed } from '../../core/seeds/index.js';
import { programmeActions, workstreams } from './schema.js';

export type Workstream = typeof workstreams.$inferSelect;
export type ProgrammeAction = typeof programmeActions.$inferSelect;

export const actionStatusLabels: Record<ProgrammeAction['status'], string> = {
  a_lancer: 'À lancer',
  en_cours: 'En cours',
  realisee: 'Réalisée',
  suspendue: 'Suspendue',
};

/** The programme as workstreams, each with its actions in order. */
export async function listProgramme(db: Db): Promise<(Workstream & { actions: ProgrammeAction[] })[]> {
  const streams = await db.select().from(workstreams).orderBy(asc(workstreams.position));
  const actions = await db.select().from(programmeActions).orderBy(asc(programmeActions.number));
  return streams.map((s) => ({ ...s, actions: actions.filter((a) => a.workstreamSlug === s.slug) }));
}

interface ProgrammeSeed {
  workstreams: (typeof workstreams.$inferInsert)[];
  actions: { number: number; workstream: string; title: string; description?: string }[];
}

export async function seedProgramme(db: Db, log: (line: string) => void): Promise<void> {
  const seed = readSeed<ProgrammeSeed>('programme.json');
  const streams = await db.insert(workstreams).values(seed.workstreams).onConflictDoNothing().returning();
  const actions = await db
    .insert(programmeActions)
    .values(
      seed.actions.map((a) => ({
        number: a.number,
        workstreamSlug: a.workstream,
        title: a.title,
        description: a.description ?? '',
      })),
    )
    .onConflictDoNothing()
    .returning();
  if (streams.length || actions.length)
    log(`seed: ${streams.length} workstreams, ${actions.length} programme actions added`);
}
