/**
 * The editable stages of a file: add, rename, reorder, deactivate (never delete: files and the journal keep
 * pointing to them). Each change is journaled under target type 'welcome-settings'. A stage's kind is fixed
 * at creation: turning a stage with files into 'settled' would start or stop check-ins behind everyone's back.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { type Actor, journalActor } from '../../../core/auth/index.js';
import { type Db, rows } from '../../../core/db/index.js';
import { record } from '../../../core/journal/index.js';
import { plural } from '../../../core/views/index.js';
import { slugify } from '../../territory/index.js';
import { fileStages } from '../schema.js';
import type { StageKind } from './choices.js';

export type Stage = typeof fileStages.$inferSelect;
export type StageOutcome = { ok: true; stage: Stage } | { ok: false; message: string };

export const stageKinds: StageKind[] = ['open', 'settled', 'closed'];

export async function listStages(db: Db): Promise<(Stage & { files: number })[]> {
  const [stages, counts] = await Promise.all([
    db.select().from(fileStages).orderBy(asc(fileStages.position), asc(fileStages.name)),
    filesPerStage(db),
  ]);
  return stages.map((s) => ({ ...s, files: counts.get(s.id) ?? 0 }));
}

/** Live files (submitted, not erased, not merged) per stage: what deactivating a stage would strand. */
async function filesPerStage(db: Db): Promise<Map<string, number>> {
  const found = await rows<{ stageId: string; n: number }>(
    db,
    sql`select stage_id as "stageId", count(*)::int as n from newcomer_files
        where status = 'open' and merged_into is null and stage_id is not null group by stage_id`,
  );
  return new Map(found.map((r) => [r.stageId, Number(r.n)]));
}

const journalStage = (
  db: Db,
  actor: Actor,
  action: string,
  id: string,
  before: object | null,
  after: object | null,
) =>
  record(db, {
    actor: journalActor(actor),
    action,
    target: { type: 'welcome-settings', id },
    before: before as Record<string, unknown> | null,
    after: after as Record<string, unknown> | null,
  });

async function nameTaken(db: Db, name: string, except?: string): Promise<boolean> {
  const found = await rows<{ id: string }>(
    db,
    sql`select id from file_stages where lower(name) = lower(${name})`,
  );
  return found.some((r) => r.id !== except);
}

const takenMessage = 'Une étape porte déjà ce nom : choisissez-en un autre.';

export async function addStage(db: Db, actor: Actor, name: string, kind: StageKind): Promise<StageOutcome> {
  if (await nameTaken(db, name)) return { ok: false, message: takenMessage };
  const existing = await db.select({ slug: fileStages.slug, position: fileStages.position }).from(fileStages);
  const base = slugify(name) || 'etape';
  let slug = base;
  for (let i = 2; existing.some((s) => s.slug === slug); i++) slug = `${base}-${i}`;
  const position = Math.max(0, ...existing.map((s) => s.position)) + 10;
  const [stage] = await db.insert(fileStages).values({ slug, name, kind, position }).returning();
  await journalStage(db, actor, 'welcome.stage.create', stage.id, null, { name, kind, position });
  return { ok: true, stage };
}

async function findStage(db: Db, id: string): Promise<Stage | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [stage] = await db.select().from(fileStages).where(eq(fileStages.id, id));
  return stage;
}

export async function renameStage(
  db: Db,
  actor: Actor,
  id: string,
  name: string,
): Promise<StageOutcome | null> {
  const stage = await findStage(db, id);
  if (!stage) return null;
  if (stage.name === name) return { ok: true, stage };
  if (await nameTaken(db, name, id)) return { ok: false, message: takenMessage };
  const [updated] = await db.update(fileStages).set({ name }).where(eq(fileStages.id, id)).returning();
  await journalStage(db, actor, 'welcome.stage.rename', id, { name: stage.name }, { name });
  return { ok: true, stage: updated };
}

/** One step up or down in the order; positions are renumbered by tens so they never collide. */
export async function moveStage(
  db: Db,
  actor: Actor,
  id: string,
  step: -1 | 1,
): Promise<StageOutcome | null> {
  const stages = await db.select().from(fileStages).orderBy(asc(fileStages.position), asc(fileStages.name));
  const index = stages.findIndex((s) => s.id === id);
  if (index < 0) return null;
  const target = index + step;
  if (target < 0 || target >= stages.length) return { ok: true, stage: stages[index] };
  const order = [...stages];
  [order[index], order[target]] = [order[target], order[index]];
  for (const [i, s] of order.entries()) {
    const position = (i + 1) * 10;
    if (s.position !== position) await db.update(fileStages).set({ position }).where(eq(fileStages.id, s.id));
  }
  await journalStage(db, actor, 'welcome.stage.move', id, { rank: index + 1 }, { rank: target + 1 });
  return { ok: true, stage: stages[index] };
}

export async function setStageActive(
  db: Db,
  actor: Actor,
  id: string,
  active: boolean,
): Promise<StageOutcome | null> {
  const stage = await findStage(db, id);
  if (!stage) return null;
  if (stage.active === active) return { ok: true, stage };
  if (!active) {
    const files = (await filesPerStage(db)).get(id) ?? 0;
    if (files > 0)
      return {
        ok: false,
        message: `L’étape « ${stage.name} » ne peut pas être désactivée : ${plural(files, 'dossier y est', 'dossiers y sont')} encore. Déplacez-les d’abord vers une autre étape.`,
      };
    if (stage.kind === 'open') {
      const others = await rows<{ id: string }>(
        db,
        sql`select id from file_stages where kind = 'open' and active and id <> ${id}`,
      );
      if (others.length === 0)
        return {
          ok: false,
          message: `L’étape « ${stage.name} » est la dernière étape en cours : les nouveaux dossiers n’auraient plus où arriver.`,
        };
    }
  }
  const [updated] = await db.update(fileStages).set({ active }).where(eq(fileStages.id, id)).returning();
  await journalStage(
    db,
    actor,
    active ? 'welcome.stage.activate' : 'welcome.stage.deactivate',
    id,
    { active: stage.active },
    { active },
  );
  return { ok: true, stage: updated };
}
