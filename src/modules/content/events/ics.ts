/**
 * iCalendar export (RFC 5545) through ical-generator: timed events as UTC instants (every calendar converts
 * them to its own zone, summer time included), all-day events as DATE values on their Paris days, the end day
 * exclusive as the standard wants.
 */
import ical, { ICalEventStatus } from 'ical-generator';
import { contentPath } from '../paths.js';
import { allDayRange } from './dates.js';

export interface IcsEvent {
  id: string;
  slug: string;
  title: string;
  summary: string;
  startsAt: Date | null;
  endsAt: Date | null;
  allDay: boolean;
  placeName: string | null;
  placeAddress: string | null;
  communeName?: string | null;
  updatedAt: Date;
}

export interface IcsSite {
  publicUrl: string;
  siteName: string;
}

const dayMs = 24 * 60 * 60 * 1000;

export const baseUrl = (publicUrl: string) => publicUrl.replace(/\/+$/, '');

/** A UID stable across exports and edits: the content's id at the site's host. */
export const eventUid = (id: string, publicUrl: string) => `${id}@${new URL(publicUrl).hostname}`;

/** « Salle des fêtes, 1 place de la Mairie, Cahors »: the parts known, in order, without repeats. */
export function eventLocation(e: Pick<IcsEvent, 'placeName' | 'placeAddress' | 'communeName'>): string {
  const parts = [e.placeName, e.placeAddress, e.communeName]
    .map((p) => p?.trim())
    .filter(Boolean) as string[];
  return [...new Set(parts)].join(', ');
}

/** The calendar file of the given events (those without a start date are left out: nothing to put in a calendar). */
export function buildCalendar(events: IcsEvent[], site: IcsSite, name: string): string {
  const base = baseUrl(site.publicUrl);
  const calendar = ical({
    name,
    prodId: { company: site.siteName, product: 'Choisir', language: 'FR' },
    url: `${base}/agenda`,
  });
  for (const e of events) {
    if (!e.startsAt) continue;
    const url = `${base}${contentPath('event', e.slug)}`;
    const location = eventLocation(e);
    const timing = e.allDay
      ? (() => {
          const range = allDayRange(e)!;
          return { start: range.first, end: new Date(range.last.getTime() + dayMs), allDay: true };
        })()
      : { start: e.startsAt, end: e.endsAt && e.endsAt > e.startsAt ? e.endsAt : null, allDay: false };
    calendar.createEvent({
      id: eventUid(e.id, site.publicUrl),
      ...timing,
      stamp: e.updatedAt,
      lastModified: e.updatedAt,
      summary: icsText(e.title),
      description: [icsText(e.summary).trim(), url].filter(Boolean).join('\n\n'),
      location: location ? icsText(location) : null,
      url,
      status: ICalEventStatus.CONFIRMED,
      organizer: null,
    });
  }
  return calendar.toString();
}

/**
 * RFC 5545 text allows no control character but tab and line breaks: one pasted from a word processor (a
 * vertical tab, a form feed) makes some calendars refuse the whole file. They become spaces.
 */
const icsText = (text: string) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing these characters is the point
  text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ' ');
