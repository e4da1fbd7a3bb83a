/** Staff: one mission (details, participants and their reports), with its publish and close actions. */
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../../core/context.js';
import { one } from '../../../core/db/index.js';
import { parseForm } from '../../../core/http/index.js';
import { CsrfField, formatDateTime, Notice, plural } from '../../../core/views/index.js';
import { adminAmbassadorPath, adminPaths } from '../paths.js';
import { ambassadorsPolicy, assertCan } from '../policy.js';
import { Frame } from '../staff/layout.js';
import { participationLabels } from './labels.js';
import { closeMission, publishMission } from './service.js';
import { editMissionPath, loadMission } from './staff-form.js';
import { listParticipants, type Mission, type ParticipantRow } from './store.js';
import { MissionFacts, MissionStatusBadge, Paragraphs } from './views.js';

const PublishForm = Type.Object({ notify: Type.Optional(Type.String({ maxLength: 10 })) });

function noticeOf(query: Record<string, unknown>): string | undefined {
  const sent = Number(query.sent);
  switch (query.ok) {
    case 'created':
      return 'La mission est enregistrée comme brouillon : les ambassadeurs ne la voient pas encore.';
    case 'saved':
      return 'La mission est enregistrée.';
    case 'published':
      return Number.isInteger(sent) && sent > 0
        ? `La mission est publiée : ${plural(sent, 'ambassadeur a été prévenu', 'ambassadeurs ont été prévenus')} par e-mail.`
        : 'La mission est publiée : les ambassadeurs concernés la voient dans leur espace.';
    case 'closed':
      return 'La mission est clôturée : les ambassadeurs la voient encore dans leurs missions, sans action possible.';
    default:
      return undefined;
  }
}

export function missionPageRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(adminPaths.mission(':id'), async (request, reply) => {
    assertCan(request.actor, 'read');
    const mission = await loadMission(ctx, request);
    return render(ctx, request, reply, mission, noticeOf(request.query as Record<string, unknown>));
  });

  app.post(`${adminPaths.mission(':id')}/publier`, async (request, reply) => {
    const actor = request.actor;
    assertCan(actor, 'manage');
    const mission = await loadMission(ctx, request);
    const parsed = parseForm(PublishForm, request.body);
    const notify = parsed.ok && parsed.value.notify === 'oui';
    const sent = await publishMission(ctx, actor, mission, notify);
    if (sent === null)
      return render(ctx, request, reply, mission, undefined, 'La mission est déjà publiée.', 409);
    return reply.redirect(`${adminPaths.mission(mission.id)}?ok=published&sent=${sent}`, 303);
  });

  app.post(`${adminPaths.mission(':id')}/cloturer`, async (request, reply) => {
    const actor = request.actor;
    assertCan(actor, 'manage');
    const mission = await loadMission(ctx, request);
    if (!(await closeMission(ctx, actor, mission)))
      return render(
        ctx,
        request,
        reply,
        mission,
        undefined,
        'Seule une mission ouverte peut être clôturée.',
        409,
      );
    return reply.redirect(`${adminPaths.mission(mission.id)}?ok=closed`, 303);
  });
}

async function render(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  mission: Mission,
  notice?: string,
  error?: string,
  status = 200,
) {
  const [participants, chapter] = await Promise.all([
    listParticipants(ctx.db, mission.id),
    mission.chapterSlug
      ? one<{ name: string }>(
          ctx.db,
          sql`select name from ambassador_chapters where slug = ${mission.chapterSlug}`,
        )
      : undefined,
  ]);
  const manage = ambassadorsPolicy(request.actor, 'manage');
  const count = (s: ParticipantRow['status']) => participants.filter((p) => p.status === s).length;
  return reply.page({
    title: mission.title,
    staff: true,
    status,
    body: (
      <Frame
        title={mission.title}
        section={adminPaths.missions}
        trail={[{ href: adminPaths.missions, label: 'Missions' }]}
        actions={
          manage && (
            <a class="button button--secondary" href={editMissionPath(mission.id)}>
              Modifier
            </a>
          )
        }
      >
        {notice && <Notice kind="success">{notice}</Notice>}
        {error && (
          <div class="notice notice--warning" role="alert">
            {error}
          </div>
        )}
        <p>
          <MissionStatusBadge status={mission.status} />
        </p>
        <MissionFacts mission={mission} chapterName={chapter?.name ?? null} label="La mission" />
        <Paragraphs text={mission.description} />
        {manage && <Actions mission={mission} />}
        <section aria-labelledby="participants-title">
          <h2 id="participants-title">Participants</h2>
          <p role="status">
            {plural(count('accepted'), 'acceptation en cours', 'acceptations en cours')},{' '}
            {plural(count('done'), 'mission réalisée', 'missions réalisées')},{' '}
            {plural(count('withdrawn'), 'retrait')}.
          </p>
          {participants.length === 0 ? (
            <p>Aucun ambassadeur n’a encore accepté cette mission.</p>
          ) : (
            <ParticipantTable participants={participants} />
          )}
        </section>
      </Frame>
    ),
  });
}

function Actions({ mission }: { mission: Mission }) {
  if (mission.status === 'open')
    return (
      <form method="post" action={`${adminPaths.mission(mission.id)}/cloturer`} class="stack-form">
        <CsrfField />
        <button class="button button--secondary" type="submit">
          Clôturer la mission
        </button>
      </form>
    );
  return (
    <form method="post" action={`${adminPaths.mission(mission.id)}/publier`} class="stack-form">
      <CsrfField />
      <div class="field field--checkbox">
        <input type="checkbox" id="notify" name="notify" value="oui" />
        <label for="notify">Prévenir les ambassadeurs concernés par e-mail</label>
      </div>
      <button class="button" type="submit">
        {mission.status === 'closed' ? 'Rouvrir la mission' : 'Publier la mission'}
      </button>
    </form>
  );
}

function ParticipantTable({ participants }: { participants: ParticipantRow[] }) {
  return (
    <div class="table-wrap">
      <table class="admin-table">
        <caption class="visually-hidden">Participants à la mission</caption>
        <thead>
          <tr>
            <th scope="col">Ambassadeur</th>
            <th scope="col">Statut</th>
            <th scope="col">Acceptée le</th>
            <th scope="col">Réalisée le</th>
            <th scope="col">Compte rendu</th>
          </tr>
        </thead>
        <tbody>
          {participants.map((p) => (
            <tr key={p.ambassadorId}>
              <td>
                {p.erased ? 'Ambassadeur effacé' : <a href={adminAmbassadorPath(p.ambassadorId)}>{p.name}</a>}
              </td>
              <td>{participationLabels[p.status] ?? p.status}</td>
              <td class="nowrap">{formatDateTime(p.acceptedAt)}</td>
              <td class="nowrap">{p.doneAt ? formatDateTime(p.doneAt) : '—'}</td>
              <td class="mission-report">{p.report ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
