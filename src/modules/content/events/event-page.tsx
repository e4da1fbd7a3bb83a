/** One event's public page, with its schema.org Event (for search engines) and its .ics link. */
import { imageUrl, ResponsiveImage, variantWidths } from '../../../core/files/index.js';
import { Breadcrumbs, JsonLd, Notice } from '../../../core/views/index.js';
import { communePath } from '../../territory/index.js';
import { MarkdownBody } from '../markdown/index.js';
import { contentPath, eventIcsPath, kindBases } from '../paths.js';
import type { PublicContent } from '../queries.js';
import { allDayRange, formatEventWhen, isoDay } from './dates.js';
import { baseUrl, eventLocation } from './ics.js';
import type { CommuneRef } from './queries.js';

/** The lead image's largest variant the files route holds (never enlarged past the original), absolute. */
function eventImageUrl(e: PublicContent, base: string): string | null {
  if (!e.imageFileId) return null;
  const width = variantWidths.find((w) => w >= (e.imageWidth ?? 1280)) ?? 1280;
  return `${base}${imageUrl(e.imageFileId, width, 'jpg')}`;
}

/** The schema.org Event of a public event: dates as days for an all-day event, instants otherwise. */
export function eventJsonLd(
  e: PublicContent,
  commune: CommuneRef | undefined,
  site: { publicUrl: string; siteName: string },
): Record<string, unknown> {
  const base = baseUrl(site.publicUrl);
  const range = e.allDay ? allDayRange(e) : null;
  const start = range ? isoDay(range.first) : e.startsAt?.toISOString();
  const end = range ? isoDay(range.last) : e.endsAt?.toISOString();
  const address: Record<string, unknown> = { '@type': 'PostalAddress', addressCountry: 'FR' };
  if (e.placeAddress) address.streetAddress = e.placeAddress;
  if (commune) address.addressLocality = commune.name;
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: e.title,
    url: `${base}${contentPath('event', e.slug)}`,
    startDate: start,
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    location: { '@type': 'Place', name: e.placeName || commune?.name || 'Lot', address },
    organizer: { '@type': 'Organization', name: site.siteName, url: base },
  };
  if (end) data.endDate = end;
  if (e.summary) data.description = e.summary;
  const image = eventImageUrl(e, base);
  if (image) data.image = image;
  return data;
}

/** Open Graph properties of an event page (link previews on social networks and messengers). */
export function eventOpenGraph(
  e: PublicContent,
  site: { publicUrl: string; siteName: string },
): Record<string, string> {
  const base = baseUrl(site.publicUrl);
  const image = eventImageUrl(e, base);
  return {
    'og:type': 'website',
    'og:title': e.title,
    'og:description': e.summary || `${formatEventWhen(e)} : ${e.title}`,
    'og:url': `${base}${contentPath('event', e.slug)}`,
    'og:site_name': site.siteName,
    'og:locale': 'fr_FR',
    ...(image ? { 'og:image': image, ...(e.imageAlt ? { 'og:image:alt': e.imageAlt } : {}) } : {}),
  };
}

export function EventPage(props: {
  e: PublicContent;
  commune: CommuneRef | undefined;
  bodyHtml: string | null;
  videoHtml: string | null;
  site: { publicUrl: string; siteName: string };
}) {
  const { e, commune, bodyHtml, videoHtml, site } = props;
  const location = eventLocation({ placeName: e.placeName, placeAddress: e.placeAddress, communeName: null });
  return (
    <div class="container event-page">
      <Breadcrumbs
        items={[
          { href: '/', label: 'Accueil' },
          { href: kindBases.event, label: 'Agenda' },
          { label: e.title },
        ]}
      />
      <article class="event">
        <header class="event__header">
          <h1>{e.title}</h1>
          {e.demo && <Notice kind="warning">Exemple fictif : cet événement illustre la plateforme.</Notice>}
          {e.summary && <p class="event__summary">{e.summary}</p>}
        </header>
        <dl class="event__facts">
          <dt>Quand</dt>
          <dd>
            {e.startsAt ? (
              <time dateTime={e.startsAt.toISOString()}>{formatEventWhen(e)}</time>
            ) : (
              'Date à préciser'
            )}
          </dd>
          {location && (
            <>
              <dt>Où</dt>
              <dd>{location}</dd>
            </>
          )}
          {commune && (
            <>
              <dt>Commune</dt>
              <dd>
                <a href={communePath(commune)}>{commune.name}</a>
              </dd>
            </>
          )}
        </dl>
        {e.startsAt && (
          <p class="event__ics">
            <a class="button" href={eventIcsPath(e.slug)} download>
              Ajouter à mon agenda (.ics)
            </a>
          </p>
        )}
        {e.imageFileId && (
          <ResponsiveImage
            file={{ id: e.imageFileId, width: e.imageWidth, height: e.imageHeight }}
            alt={e.imageAlt ?? ''}
            class="event__image"
            sizes="(min-width: 48em) 46rem, 100vw"
            loading="eager"
          />
        )}
        {videoHtml && <MarkdownBody html={videoHtml} class="event__video" />}
        {bodyHtml && <MarkdownBody html={bodyHtml} class="event__body" />}
        <p class="event__back">
          <a href={kindBases.event}>Tous les événements de l’agenda</a>
        </p>
      </article>
      <JsonLd data={eventJsonLd(e, commune, site)} />
    </div>
  );
}
