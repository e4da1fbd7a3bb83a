/** The ambassador's missions: what is open for them, what they took on, and one mission with its actions. */
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../../core/context.js';
import { one } from '../../../core/db/index.js';
import { type FieldErrors, notFound, parseForm } from '../../../core/http/index.js';
import { spacePaths } from '../paths.js';
import { type Ambassador, ambassadorRoute, currentAmbassador } from '../session.js';
import { parisToday } from './labels.js';
import { acceptMission, reportMissionDone, withdrawMission } from './participation.js';
import { MissionPage, MissionsPage } from './space-views.js';
import {
  findMission,
  findParticipation,
  type Mission,
  myMissions,
  openMissionsFor,
  visibleTo,
} from './store.js';

const DoneForm = Type.Object({ report: Type.Optional(Type.String({ maxLength: 1000 })) });
const doneMessages = { report: 'Le compte rendu ne doit pas dépasser 1 000 caractères.' };

const notices: Record<string, string> = {
  accepted: 'Merci ! La mission est dans « Mes missions ».',
  withdrawn: 'Vous vous êtes retiré de cette mission.',
  done: 'Merci d’avoir réalisé cette mission : l’équipe d’animation en est informée.',
};

type Guarded = { ambassador: Ambassador } | { redirected: FastifyReply };

async function signedIn(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): Promise<Guarded> {
  const ambassador = await currentAmbassador(ctx, request);
  return ambassador ? { ambassador } : { redirected: reply.redirect(spacePaths.login, 303) };
}

/** The mission as this ambassador may see it: a draft or another chapter's is the same 404 as a missing one. */
async function visibleMission(
  ctx: AppContext,
  request: FastifyRequest,
  ambassador: Ambassador,
): Promise<Mission> {
  const mission = await findMission(ctx.db, (request.params as { id: string }).id);
  if (!mission || !visibleTo(mission, ambassador.chapterSlug))
    throw notFound('Cette mission n’existe pas ou ne vous est pas proposée.');
  return mission;
}

export function spaceMissionRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(spacePaths.missions, ambassadorRoute, async (request, reply) => {
    const guard = await signedIn(ctx, request, reply);
    if ('redirected' in guard) return guard.redirected;
    const { ambassador } = guard;
    const [open, mine] = await Promise.all([
      openMissionsFor(ctx.db, ambassador, parisToday()),
      myMissions(ctx.db, ambassador.id),
    ]);
    return reply.page({ title: 'Missions', form: true, body: <MissionsPage open={open} mine={mine} /> });
  });

  app.get(spacePaths.mission(':id'), ambassadorRoute, async (request, reply) => {
    const guard = await signedIn(ctx, request, reply);
    if ('redirected' in guard) return guard.redirected;
    const mission = await visibleMission(ctx, request, guard.ambassador);
    const ok = (request.query as Record<string, unknown>).ok;
    return render(ctx, reply, guard.ambassador, mission, {
      notice: typeof ok === 'string' ? notices[ok] : undefined,
    });
  });

  const action = (
    name: string,
    handle: (
      ambassador: Ambassador,
      mission: Mission,
      request: FastifyRequest,
      reply: FastifyReply,
    ) => unknown,
  ) =>
    app.post(`${spacePaths.mission(':id')}/${name}`, ambassadorRoute, async (request, reply) => {
      const guard = await signedIn(ctx, request, reply);
      if ('redirected' in guard) return guard.redirected;
      const mission = await visibleMission(ctx, request, guard.ambassador);
      if (!actionable(mission))
        return render(ctx, reply, guard.ambassador, mission, {
          status: 409,
          error: 'Cette mission est clôturée : elle n’accepte plus de participation.',
        });
      return handle(guard.ambassador, mission, request, reply);
    });

  action('accepter', async (ambassador, mission, _request, reply) => {
    if (mission.endsOn && mission.endsOn < parisToday())
      return render(ctx, reply, ambassador, mission, {
        status: 409,
        error: 'Cette mission est terminée : elle ne peut plus être acceptée.',
      });
    await acceptMission(ctx.db, ambassador, mission);
    return reply.redirect(`${spacePaths.mission(mission.id)}?ok=accepted`, 303);
  });

  action('retirer', async (ambassador, mission, _request, reply) => {
    if (!(await withdrawMission(ctx.db, ambassador, mission)))
      return render(ctx, reply, ambassador, mission, {
        status: 409,
        error: 'Vous ne pouvez vous retirer que d’une mission acceptée et pas encore réalisée.',
      });
    return reply.redirect(`${spacePaths.mission(mission.id)}?ok=withdrawn`, 303);
  });

  action('realiser', async (ambassador, mission, request, reply) => {
    const parsed = parseForm(DoneForm, request.body, doneMessages);
    if (!parsed.ok)
      return render(ctx, reply, ambassador, mission, {
        status: 400,
        errors: parsed.errors,
        report: parsed.values.report,
      });
    await reportMissionDone(ctx.db, ambassador, mission, parsed.value.report ?? null);
    return reply.redirect(`${spacePaths.mission(mission.id)}?ok=done`, 303);
  });
}

/** Only an open mission takes actions; a closed one is still shown to those who took part. */
const actionable = (mission: Mission) => mission.status === 'open';

async function render(
  ctx: AppContext,
  reply: FastifyReply,
  ambassador: Ambassador,
  mission: Mission,
  options: { status?: number; notice?: string; error?: string; errors?: FieldErrors; report?: string },
) {
  const [participation, chapter] = await Promise.all([
    findParticipation(ctx.db, mission.id, ambassador.id),
    mission.chapterSlug
      ? one<{ name: string }>(
          ctx.db,
          sql`select name from ambassador_chapters where slug = ${mission.chapterSlug}`,
        )
      : undefined,
  ]);
  const today = parisToday();
  return reply.page({
    title: mission.title,
    form: true,
    status: options.status ?? 200,
    body: (
      <MissionPage
        mission={mission}
        chapterName={chapter?.name ?? null}
        participation={participation ?? null}
        actionable={actionable(mission)}
        ended={Boolean(mission.endsOn && mission.endsOn < today)}
        {...options}
      />
    ),
  });
}
