/** Public routes of the events and the news feed: the calendar, event pages, iCalendar files, the Atom feed. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { notFound, pageCount } from '../../../core/http/index.js';
import { findCommuneByCode, listEpcis } from '../../territory/index.js';
import { listProfiles } from '../brand.js';
import { markdownScripts, renderMarkdown } from '../markdown/index.js';
import { calendarPath, contentPath, kindBases, newsFeedPath, slugPattern } from '../paths.js';
import { bodyImages, findPublicContent, listPublicContents } from '../queries.js';
import { CalendarPage, calendarHref, parseCalendarQuery } from './calendar-page.js';
import { EventPage, eventOpenGraph } from './event-page.js';
import { newsFeed, newsFeedSize } from './feed.js';
import { buildCalendar, type IcsEvent } from './ics.js';
import { communesByCode, countPastEvents, dated, listPastEvents } from './queries.js';

const pastEventsPerPage = 30;

/** How long clients and shared caches may keep a feed: a new event or news item shows within minutes. */
const feedCacheControl = 'public, max-age=300';
/** Upcoming events the calendar and its iCalendar file hold at most. */
const calendarSize = 300;

function sendIcs(reply: FastifyReply, body: string, filename: string) {
  return reply
    .type('text/calendar; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', feedCacheControl)
    .send(body);
}

export function publicEventRoutes(app: FastifyInstance, ctx: AppContext): void {
  const site = () => ({ publicUrl: ctx.config.PUBLIC_URL, siteName: ctx.siteName() });

  app.get(kindBases.event, async (request, reply) => {
    const [epcis, communes, profiles] = await Promise.all([
      listEpcis(ctx.db),
      communesByCode(ctx.db),
      listProfiles(ctx.db),
    ]);
    const choices = { epcis, communes: [...communes.values()], profiles };
    const query = parseCalendarQuery(request.query, choices);
    // Past events come a page at a time, most recent first; a page past the last shows the last.
    const pastPages = query.past
      ? pageCount(await countPastEvents(ctx.db, query.filter), pastEventsPerPage)
      : 1;
    const page = Math.min(query.page, pastPages);
    const events = query.past
      ? await listPastEvents(ctx.db, {
          ...query.filter,
          limit: pastEventsPerPage,
          offset: (page - 1) * pastEventsPerPage,
        })
      : (
          await listPublicContents(ctx.db, {
            ...query.filter,
            kinds: ['event'],
            upcoming: true,
            limit: calendarSize,
          })
        ).map(dated);
    const invalid = Object.keys(query.errors).length > 0;
    return reply.page({
      title: query.past ? 'Événements passés' : 'Agenda des événements',
      description:
        'Les prochains rendez-vous dans le Lot : rencontres, visites, fêtes et journées d’accueil.',
      canonical: query.past ? calendarHref({}, true, page) : kindBases.event,
      noindex: invalid,
      status: invalid ? 400 : 200,
      body: (
        <CalendarPage
          events={events}
          query={{ ...query, page }}
          pageCount={pastPages}
          choices={choices}
          communes={communes}
        />
      ),
    });
  });

  // Registered before « /agenda/:slug »: a static route always wins over a parametric one in Fastify.
  app.get(calendarPath, async (_request, reply) => {
    const [events, communes] = await Promise.all([
      listPublicContents(ctx.db, { kinds: ['event'], upcoming: true, limit: calendarSize }),
      communesByCode(ctx.db),
    ]);
    const list: IcsEvent[] = events.map((e) => ({
      ...dated(e),
      communeName: e.placeCommuneCode ? communes.get(e.placeCommuneCode)?.name : null,
    }));
    return sendIcs(reply, buildCalendar(list, site(), `Agenda — ${ctx.siteName()}`), 'agenda.ics');
  });

  // One parametric route for the page and its .ics: « /agenda/<slug>.ics » and « /agenda/<slug> ».
  app.get(`${kindBases.event}/:slug`, async (request, reply) => {
    const raw = (request.params as { slug: string }).slug;
    const ics = raw.endsWith('.ics');
    const slug = ics ? raw.slice(0, -'.ics'.length) : raw;
    const e = slugPattern.test(slug) ? await findPublicContent(ctx.db, 'event', slug) : undefined;
    if (!e) throw notFound('Cet événement n’existe pas ou n’est plus en ligne.');
    const event = { ...e, ...dated(e) };
    const commune = event.placeCommuneCode
      ? await findCommuneByCode(ctx.db, event.placeCommuneCode)
      : undefined;
    if (ics) {
      const body = buildCalendar([{ ...event, communeName: commune?.name }], site(), event.title);
      return sendIcs(reply, body, `${slug}.ics`);
    }
    const ref = commune
      ? { code: commune.code, name: commune.name, slug: commune.slug, epciCode: commune.epciCode ?? null }
      : undefined;
    const bodyHtml = event.body.trim()
      ? renderMarkdown(event.body, await bodyImages(ctx.db, event.id))
      : null;
    const videoHtml = event.videoUrl ? renderMarkdown(event.videoUrl) : null;
    return reply.page({
      title: event.title,
      description: event.summary || undefined,
      canonical: contentPath('event', event.slug),
      openGraph: eventOpenGraph(event, site()),
      scripts: markdownScripts((bodyHtml ?? '') + (videoHtml ?? '')),
      body: <EventPage e={event} commune={ref} bodyHtml={bodyHtml} videoHtml={videoHtml} site={site()} />,
    });
  });

  app.get(newsFeedPath, async (_request, reply) => {
    // News, stories and success stories: what a reader follows; pages and events (iCal) are not « news ».
    const items = await listPublicContents(ctx.db, {
      kinds: ['news', 'story', 'success'],
      limit: newsFeedSize,
    });
    return reply
      .type('application/atom+xml; charset=utf-8')
      .header('cache-control', feedCacheControl)
      .send(newsFeed(items, site()));
  });
}
