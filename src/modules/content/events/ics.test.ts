import assert from 'node:assert/strict';
import { test } from 'node:test';
import ICAL from 'ical.js';
import { buildCalendar, eventUid, type IcsEvent } from './ics.js';

const site = { publicUrl: 'https://choisir.example.fr/', siteName: 'Choisir le Lot' };
const updatedAt = new Date('2026-06-01T10:00:00Z');

const concert: IcsEvent = {
  id: '6f1c1a3e-1111-4c4c-8888-123456789abc',
  slug: 'concert-au-chateau',
  title: 'Concert au château',
  summary: 'Un concert en plein air.',
  // 20 h 30 to 22 h in Paris, summer time (UTC+2).
  startsAt: new Date('2026-07-14T18:30:00Z'),
  endsAt: new Date('2026-07-14T20:00:00Z'),
  allDay: false,
  placeName: 'Château de Cénevières',
  placeAddress: 'Le bourg',
  communeName: 'Cénevières',
  updatedAt,
};
const fair: IcsEvent = {
  id: '6f1c1a3e-2222-4c4c-8888-123456789abc',
  slug: 'foire-aux-noix',
  title: 'Foire aux noix',
  summary: '',
  // All day, Friday 10 to Sunday 12 July (stored as Paris midnights).
  startsAt: new Date('2026-07-09T22:00:00Z'),
  endsAt: new Date('2026-07-12T10:00:00Z'),
  allDay: true,
  placeName: null,
  placeAddress: null,
  communeName: 'Martel',
  updatedAt,
};

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

test('an event is exported to iCalendar and reads back in a calendar parser', () => {
  const ics = buildCalendar([concert, fair], site, 'Agenda — Choisir le Lot');
  const [e, allDay] = parse(ics);
  assert.equal(e.summary, 'Concert au château');
  assert.equal(e.uid, `${concert.id}@choisir.example.fr`);
  assert.equal(e.uid, eventUid(concert.id, site.publicUrl));
  assert.equal(e.startDate.toJSDate().toISOString(), '2026-07-14T18:30:00.000Z');
  assert.equal(e.endDate.toJSDate().toISOString(), '2026-07-14T20:00:00.000Z');
  assert.equal(e.location, 'Château de Cénevières, Le bourg, Cénevières');
  assert.equal(
    e.component.getFirstPropertyValue('url'),
    'https://choisir.example.fr/agenda/concert-au-chateau',
  );
  assert.equal(
    e.description,
    'Un concert en plein air.\n\nhttps://choisir.example.fr/agenda/concert-au-chateau',
  );
  assert.ok(e.component.getFirstPropertyValue('dtstamp'), 'DTSTAMP is required');

  assert.equal(allDay.summary, 'Foire aux noix');
  assert.equal(allDay.startDate.isDate, true);
  assert.equal(allDay.startDate.toString(), '2026-07-10');
  // The end of an all-day event is the day after its last day.
  assert.equal(allDay.endDate.toString(), '2026-07-13');
  assert.equal(allDay.location, 'Martel');
  assert.equal(allDay.description, 'https://choisir.example.fr/agenda/foire-aux-noix');
});

test('an event without a start date is left out of the file', () => {
  const ics = buildCalendar([{ ...concert, startsAt: null }], site, 'Agenda');
  assert.equal(parse(ics).length, 0);
  assert.match(ics, /^BEGIN:VCALENDAR/);
});

test('control characters pasted into a title or summary become spaces, so the file stays valid', () => {
  const pasted = { ...concert, title: 'Concert\u000Bau château', summary: 'En plein\u000Cair.' };
  const ics = buildCalendar([pasted], site, 'Agenda');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them is the point
  assert.doesNotMatch(ics, /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  const [e] = parse(ics);
  assert.equal(e.summary, 'Concert au château');
  assert.match(e.description, /^En plein air\./);
});
