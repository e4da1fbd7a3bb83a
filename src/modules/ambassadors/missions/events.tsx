/**
 * Events for the ambassadors' network: the upcoming public events tagged « for ambassadors » in their space,
 * and for staff, one invitation email per event to the whole network (sent once: the journal holds it).
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Actor, journalActor } from '../../../core/auth/index.js';
import type { AppContext } from '../../../core/context.js';
import { type Db, one, rows } from '../../../core/db/index.js';
import { notFound } from '../../../core/http/index.js';
import { record } from '../../../core/journal/index.js';
import { CsrfField, formatDateTime, Notice, plural } from '../../../core/views/index.js';
import { contentPath, eventIcsPath, listPublicContents, type PublicContent } from '../../content/index.js';
import { findCommuneByCode } from '../../territory/index.js';
import { adminPaths, spacePaths, unsubscribePath } from '../paths.js';
import { ambassadorsPolicy, assertCan } from '../policy.js';
import { ambassadorRoute, currentAmbassador } from '../session.js';
import { AmbassadorFrame } from '../space/frame.js';
import { Frame } from '../staff/layout.js';
import { issueAmbassadorToken } from '../tokens.js';

export const spaceEventsPath = spacePaths.events;
export const staffEventsPath = adminPaths.events;
export const inviteEventPath = (id: string) => `${staffEventsPath}/${id}/inviter`;
const invitationAction = 'ambassador.event-invitation';
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Upcoming public events tagged for the network, soonest first. */
export async function ambassadorEvents(db: Db): Promise<PublicContent[]> {
  const list = await listPublicContents(db, { kinds: ['event'], upcoming: true, limit: 200 });
  return list.filter((e) => e.forAmbassadors);
}

const dayFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'full' });
const timeFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** « samedi 14 juillet 2026 » for an all-day event, « samedi 14 juillet 2026 à 20 h 30 » otherwise (Paris time). */
export function eventDate(e: Pick<PublicContent, 'startsAt' | 'allDay'>): string {
  if (!e.startsAt) return 'date à préciser';
  const start = new Date(e.startsAt);
  const day = dayFormat.format(start);
  if (e.allDay) return day;
  const [hour, minute] = timeFormat.format(start).split(':');
  return `${day} à ${Number(hour)} h${minute === '00' ? '' : ` ${minute}`}`;
}

async function eventPlace(db: Db, e: PublicContent): Promise<string> {
  const commune = e.placeCommuneCode ? await findCommuneByCode(db, e.placeCommuneCode) : undefined;
  return [e.placeName, e.placeAddress, commune?.name].filter(Boolean).join(', ');
}

export interface Invitation {
  at: Date;
  actorLabel: string;
}

/** When each event's invitation was sent (from the journal). */
async function invitations(db: Db): Promise<Map<string, Invitation>> {
  const list = await rows<{ targetId: string; at: Date | string; actorLabel: string }>(
    db,
    sql`select target_id as "targetId", min(at) as at, min(actor_label) as "actorLabel" from journal
        where action = ${invitationAction} and target_type = 'content' group by target_id`,
  );
  return new Map(list.map((i) => [i.targetId, { at: new Date(i.at), actorLabel: i.actorLabel }]));
}

/** The email an ambassador receives. */
export function invitationText(
  name: string,
  e: { title: string; date: string; place: string; url: string },
  unsubscribeUrl: string,
) {
  return [
    `Bonjour ${name},`,
    '',
    `Vous êtes invité à l’événement « ${e.title} », ${e.date}${e.place ? `, ${e.place}` : ''}.`,
    '',
    `Tous les détails, et le fichier à ajouter à votre agenda : ${e.url}`,
    '',
    'Votre présence compte : c’est l’occasion de rencontrer de futurs habitants et d’autres ambassadeurs.',
    '',
    '—',
    'Vous recevez ce message parce que vous êtes ambassadeur du Lot.',
    `Pour ne plus recevoir les messages du réseau (vous restez ambassadeur) : ${unsubscribeUrl}`,
  ].join('\n');
}

/**
 * Invites every active ambassador who has not opted out. The event row is locked and the journal entry written
 * in one transaction before any email leaves: a second click or a concurrent POST finds it and sends nothing.
 * Returns the number of emails, 'already' when invited before, 'unknown' when not an upcoming network event.
 */
export async function inviteAmbassadors(
  ctx: AppContext,
  actor: Actor,
  eventId: string,
): Promise<number | 'already' | 'unknown'> {
  const event = (await ambassadorEvents(ctx.db)).find((e) => e.id === eventId);
  if (!event) return 'unknown';
  const recipients = await ctx.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    await db.execute(sql`select id from contents where id = ${eventId} for update`);
    const done = await one(
      db,
      sql`select 1 as x from journal where action = ${invitationAction}
        and target_type = 'content' and target_id = ${eventId} limit 1`,
    );
    if (done) return null;
    const list = await rows<{ id: string; name: string; email: string }>(
      db,
      sql`select id, name, email from ambassadors where status = 'active' and erased_at is null
          and not newsletter_opt_out and email <> '' order by created_at`,
    );
    await record(db, {
      actor: journalActor(actor),
      action: invitationAction,
      target: { type: 'content', id: eventId },
      after: { title: event.title, recipients: list.length },
    });
    return list;
  });
  if (!recipients) return 'already';
  const details = {
    title: event.title,
    date: eventDate(event),
    place: await eventPlace(ctx.db, event),
    url: `${ctx.config.PUBLIC_URL.replace(/\/+$/, '')}${contentPath('event', event.slug)}`,
  };
  for (const r of recipients) {
    const token = await issueAmbassadorToken(ctx.db, r.id, 'unsubscribe');
    const unsubscribeUrl = `${ctx.config.PUBLIC_URL.replace(/\/+$/, '')}${unsubscribePath(token)}`;
    await ctx.mailer.send({
      to: r.email,
      subject: `Invitation : ${event.title}`,
      text: invitationText(r.name, details, unsubscribeUrl),
      kind: 'ambassador.event-invitation',
      headers: {
        'List-Unsubscribe': `<${unsubscribeUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
  }
  return recipients.length;
}

function EventList({
  events,
  staff,
}: {
  events: PublicContent[];
  /** Staff see each event's invitation, or the button to send it. */
  staff?: { invited: Map<string, Invitation>; canInvite: boolean };
}) {
  return (
    <ul class="ambassador-events">
      {events.map((e) => {
        const invitation = staff?.invited.get(e.id);
        return (
          <li key={e.id} class="ambassador-events__item">
            <h3>
              <a href={contentPath('event', e.slug)}>{e.title}</a>
            </h3>
            <p>
              {eventDate(e)}
              {e.placeName && ` · ${e.placeName}`}
            </p>
            {e.summary && <p>{e.summary}</p>}
            {!staff && (
              <p>
                <a href={eventIcsPath(e.slug)}>
                  Ajouter à mon agenda<span class="visually-hidden"> : {e.title}</span> (.ics)
                </a>
              </p>
            )}
            {staff &&
              (invitation ? (
                <p>
                  Invitation envoyée le {formatDateTime(invitation.at)} par{' '}
                  {invitation.actorLabel.replace(/ <.*>$/, '')}.
                </p>
              ) : !staff.canInvite ? (
                <p>Pas encore d’invitation.</p>
              ) : (
                <form method="post" action={inviteEventPath(e.id)}>
                  <CsrfField />
                  <button class="button" type="submit">
                    Inviter les ambassadeurs par e-mail<span class="visually-hidden"> : {e.title}</span>
                  </button>
                </form>
              ))}
          </li>
        );
      })}
    </ul>
  );
}

const notices: Record<string, string> = {
  already: 'Les ambassadeurs avaient déjà été invités à cet événement : aucun courriel n’a été renvoyé.',
};

export function ambassadorEventRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(spaceEventsPath, ambassadorRoute, async (request, reply) => {
    const ambassador = await currentAmbassador(ctx, request);
    if (!ambassador) return reply.redirect(spacePaths.login, 303);
    const events = await ambassadorEvents(ctx.db);
    return reply.page({
      title: 'Événements',
      form: true,
      body: (
        <AmbassadorFrame
          title="Événements"
          current={spacePaths.missions}
          trail={[{ href: spacePaths.missions, label: 'Missions' }]}
        >
          <p>Les prochains événements où le réseau des ambassadeurs est attendu.</p>
          {events.length === 0 ? (
            <p>Aucun événement n’est prévu pour le moment : nous vous préviendrons des prochains.</p>
          ) : (
            <EventList events={events} />
          )}
        </AmbassadorFrame>
      ),
    });
  });

  app.get(staffEventsPath, async (request, reply) => {
    assertCan(request.actor, 'read');
    const [events, invited] = await Promise.all([ambassadorEvents(ctx.db), invitations(ctx.db)]);
    const q = request.query as Record<string, unknown>;
    const sent = typeof q.envoyes === 'string' && /^\d{1,6}$/.test(q.envoyes) ? Number(q.envoyes) : null;
    const notice = typeof q.ok === 'string' ? notices[q.ok] : undefined;
    const canInvite = ambassadorsPolicy(request.actor, 'manage');
    return reply.page({
      title: 'Événements du réseau',
      staff: true,
      body: (
        <Frame title="Événements du réseau">
          {sent !== null && (
            <Notice kind="success">Invitation envoyée à {plural(sent, 'ambassadeur')}.</Notice>
          )}
          {notice && <Notice kind="warning">{notice}</Notice>}
          <p>
            Les événements publics à venir marqués « pour les ambassadeurs ». L’invitation part une seule fois
            par événement, aux ambassadeurs actifs qui n’ont pas refusé les messages du réseau.
          </p>
          {events.length === 0 ? (
            <p>Aucun événement à venir n’est marqué pour les ambassadeurs.</p>
          ) : (
            <EventList events={events} staff={{ invited, canInvite }} />
          )}
        </Frame>
      ),
    });
  });

  app.post(inviteEventPath(':id'), async (request: FastifyRequest, reply) => {
    const actor = request.actor;
    assertCan(actor, 'manage');
    const id = (request.params as { id: string }).id;
    if (!uuidPattern.test(id)) throw notFound('Cet événement n’existe pas.');
    const result = await inviteAmbassadors(ctx, actor, id);
    if (result === 'unknown')
      throw notFound('Cet événement n’existe pas, est passé ou n’est pas destiné aux ambassadeurs.');
    if (result === 'already') return reply.redirect(`${staffEventsPath}?ok=already`, 303);
    return reply.redirect(`${staffEventsPath}?envoyes=${result}`, 303);
  });
}
