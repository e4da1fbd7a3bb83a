/**
 * /admin/accueil/equipe: each organisation's welcome team, with its leads and who is paused (out of the
 * round-robin). Administrators see every team; a team lead sees and manages their own team only.
 */

import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Actor, type Role, roleLabels } from '../../../../core/auth/index.js';
import type { AppContext } from '../../../../core/context.js';
import { rows } from '../../../../core/db/index.js';
import { forbidden, notFound } from '../../../../core/http/index.js';
import { CsrfField, formatDateTime, Notice } from '../../../../core/views/index.js';
import { welcomePolicy } from '../../access.js';
import { isTeamLead, type TeamMember, teamOf } from '../team.js';
import { recordSettings, SettingsFrame, teamPath, uuidPattern } from './frame.js';

interface Team {
  id: string;
  name: string;
  members: TeamMember[];
}

/** The organisations whose team the actor manages: all for an administrator, their own for a team lead. */
async function managedOrganisations(
  ctx: AppContext,
  actor: Actor | null,
): Promise<{ id: string; name: string }[]> {
  if (!actor) throw forbidden();
  if (welcomePolicy(actor, 'configure'))
    return rows(
      ctx.db,
      sql`select o.id, o.name from organisations o
          where exists (select 1 from users u where u.organisation_id = o.id and u.status = 'active'
            and u.role in ('referent', 'adviser'))
          order by o.name`,
    );
  if (await isTeamLead(ctx.db, actor)) return [{ id: actor.organisationId, name: actor.organisationName }];
  throw forbidden('Seuls les administrateurs et les responsables d’équipe gèrent les équipes d’accueil.');
}

const okMessages: Record<string, string> = {
  lead: 'Les responsables d’équipe ont été mis à jour.',
  paused: 'La disponibilité a été mise à jour.',
};

function ToggleButton({
  member,
  field,
  label,
}: {
  member: TeamMember;
  field: 'lead' | 'paused';
  label: string;
}) {
  return (
    <form method="post" action={`${teamPath}/${member.id}`} class="inline-form">
      <CsrfField />
      <input type="hidden" name="field" value={field} />
      <button class="button--link" type="submit">
        {label}
        <span class="visually-hidden"> : {member.name}</span>
      </button>
    </form>
  );
}

function TeamTable({ team }: { team: Team }) {
  const headingId = `equipe-${team.id}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{team.name}</h2>
      <div class="table-wrap">
        <table class="admin-table">
          <caption class="visually-hidden">Équipe d’accueil : {team.name}</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Rôle</th>
              <th scope="col">Responsable d’équipe</th>
              <th scope="col">Disponibilité</th>
              <th scope="col">Dernier dossier attribué</th>
            </tr>
          </thead>
          <tbody>
            {team.members.map((m) => (
              <tr key={m.id}>
                <th scope="row">{m.name}</th>
                <td>{roleLabels[m.role as Role] ?? m.role}</td>
                <td>
                  {m.lead ? 'Oui' : 'Non'} —{' '}
                  <ToggleButton
                    member={m}
                    field="lead"
                    label={m.lead ? 'Retirer ce rôle' : 'Nommer responsable'}
                  />
                </td>
                <td>
                  {m.paused ? 'En pause (hors tour de rôle)' : 'Disponible'} —{' '}
                  <ToggleButton
                    member={m}
                    field="paused"
                    label={m.paused ? 'Reprendre' : 'Mettre en pause'}
                  />
                </td>
                <td>{m.lastAssignedAt ? formatDateTime(m.lastAssignedAt) : 'Jamais'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function teamRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(teamPath, async (request, reply) => {
    const orgs = await managedOrganisations(ctx, request.actor);
    const teams: Team[] = [];
    for (const o of orgs) teams.push({ ...o, members: await teamOf(ctx.db, o.id) });
    const ok = (request.query as Record<string, unknown>).ok;
    const admin = welcomePolicy(request.actor, 'configure');
    return reply.page({
      title: 'Équipes d’accueil',
      staff: true,
      body: (
        <SettingsFrame title="Équipes d’accueil" home={!admin}>
          {typeof ok === 'string' && okMessages[ok] && <Notice kind="success">{okMessages[ok]}</Notice>}
          <p>
            Les nouveaux dossiers sont confiés à tour de rôle aux référents disponibles de l’organisation qui
            les conduit. Les responsables d’équipe peuvent changer le référent d’un dossier.
          </p>
          {teams.every((t) => t.members.length === 0) && <p>Aucun référent ni conseiller actif.</p>}
          {teams
            .filter((t) => t.members.length > 0)
            .map((t) => (
              <TeamTable key={t.id} team={t} />
            ))}
        </SettingsFrame>
      ),
    });
  });

  app.post(`${teamPath}/:userId`, async (request: FastifyRequest, reply) => {
    const orgs = await managedOrganisations(ctx, request.actor);
    const actor = request.actor as Actor;
    const userId = String((request.params as { userId?: string }).userId ?? '');
    const field = (request.body as Record<string, unknown> | undefined)?.field;
    if (field !== 'lead' && field !== 'paused') throw notFound();
    let member: TeamMember | undefined;
    if (uuidPattern.test(userId))
      for (const o of orgs) member ??= (await teamOf(ctx.db, o.id)).find((m) => m.id === userId);
    if (!member) throw notFound('Cette personne ne fait pas partie d’une équipe que vous gérez.');
    const value = !member[field];
    await ctx.db.execute(
      field === 'lead'
        ? sql`insert into welcome_team_members (user_id, lead) values (${userId}, ${value})
              on conflict (user_id) do update set lead = excluded.lead`
        : sql`insert into welcome_team_members (user_id, paused) values (${userId}, ${value})
              on conflict (user_id) do update set paused = excluded.paused`,
    );
    await recordSettings(
      ctx.db,
      actor,
      field === 'lead' ? 'welcome.team.lead' : 'welcome.team.pause',
      userId,
      { [field]: member[field], member: member.name },
      { [field]: value, member: member.name },
      request.ip,
    );
    return reply.redirect(`${teamPath}?ok=${field}`, 303);
  });
}
