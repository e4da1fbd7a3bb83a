/** Staff changes to a mission (create, edit, publish, close): journaled on the mission, emails on request. */
import { and, eq, sql } from 'drizzle-orm';
import { type Actor, journalActor } from '../../../core/auth/index.js';
import type { AppContext } from '../../../core/context.js';
import { record } from '../../../core/journal/index.js';
import { spacePaths } from '../paths.js';
import { missions } from '../schema.js';
import type { MissionInput } from './form.js';
import { kindLabel, periodLabel } from './labels.js';
import { type Mission, missionRecipients } from './store.js';

/** What the journal keeps of a mission: its fields, no personal data. */
const snapshot = (m: Mission) => ({
  kind: m.kind,
  title: m.title,
  description: m.description,
  url: m.url,
  startsOn: m.startsOn,
  endsOn: m.endsOn,
  chapterSlug: m.chapterSlug,
  status: m.status,
});

async function journalMission(
  ctx: AppContext,
  actor: Actor,
  id: string,
  action: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
) {
  await record(ctx.db, {
    actor: journalActor(actor),
    action,
    target: { type: 'ambassador-mission', id },
    before,
    after,
  });
}

const fields = (input: MissionInput) => ({
  kind: input.kind,
  title: input.title,
  description: input.description,
  url: input.url,
  startsOn: input.startsOn,
  endsOn: input.endsOn,
  chapterSlug: input.chapterSlug,
});

export async function createMission(ctx: AppContext, actor: Actor, input: MissionInput): Promise<Mission> {
  const [row] = await ctx.db
    .insert(missions)
    .values({ ...fields(input), status: 'draft', createdBy: actor.userId })
    .returning();
  await journalMission(ctx, actor, row.id, 'mission.create', null, snapshot(row));
  return row;
}

export async function updateMission(
  ctx: AppContext,
  actor: Actor,
  mission: Mission,
  input: MissionInput,
): Promise<Mission> {
  const [row] = await ctx.db
    .update(missions)
    .set({ ...fields(input), updatedAt: new Date() })
    .where(eq(missions.id, mission.id))
    .returning();
  await journalMission(ctx, actor, row.id, 'mission.update', snapshot(mission), snapshot(row));
  return row;
}

/**
 * Opens a draft or closed mission; with `notify`, one email to each active ambassador it concerns. Returns how
 * many were sent, or null when the mission was already open (a double click sends nothing twice).
 */
export async function publishMission(
  ctx: AppContext,
  actor: Actor,
  mission: Mission,
  notify: boolean,
): Promise<number | null> {
  const [row] = await ctx.db
    .update(missions)
    .set({ status: 'open', updatedAt: new Date() })
    .where(and(eq(missions.id, mission.id), sql`${missions.status} <> 'open'`))
    .returning();
  if (!row) return null;
  const sent = notify ? await notifyAmbassadors(ctx, row) : 0;
  await journalMission(
    ctx,
    actor,
    row.id,
    'mission.publish',
    { status: mission.status },
    { status: 'open', notified: sent },
  );
  return sent;
}

export async function closeMission(ctx: AppContext, actor: Actor, mission: Mission): Promise<boolean> {
  const [row] = await ctx.db
    .update(missions)
    .set({ status: 'closed', updatedAt: new Date() })
    .where(and(eq(missions.id, mission.id), eq(missions.status, 'open')))
    .returning({ id: missions.id });
  if (!row) return false;
  await journalMission(
    ctx,
    actor,
    mission.id,
    'mission.close',
    { status: mission.status },
    { status: 'closed' },
  );
  return true;
}

async function notifyAmbassadors(ctx: AppContext, mission: Mission): Promise<number> {
  const recipients = await missionRecipients(ctx.db, mission.chapterSlug);
  const link = `${ctx.config.PUBLIC_URL}${spacePaths.mission(mission.id)}`;
  const period = periodLabel(mission.startsOn, mission.endsOn);
  for (const a of recipients) {
    await ctx.mailer.send({
      to: a.email,
      subject: `Nouvelle mission pour les ambassadeurs : ${mission.title}`,
      kind: 'ambassador.mission',
      text: [
        `Bonjour ${a.name},`,
        '',
        `Une nouvelle mission vous attend dans votre espace ambassadeur : « ${mission.title} » (${kindLabel(mission.kind)}${period ? `, ${period}` : ''}).`,
        '',
        mission.description,
        '',
        `Pour l’accepter ou en savoir plus : ${link}`,
        '',
        'Merci de faire vivre le Lot,',
        'L’équipe d’attractivité du Lot',
      ].join('\n'),
    });
  }
  return recipients.length;
}
