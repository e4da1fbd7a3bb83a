import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allDayRange, eventMonth, formatEventWhen, isoDay } from './dates.js';

test('a summer evening event reads in Paris time, with French hours', () => {
  const when = formatEventWhen({
    startsAt: new Date('2026-07-14T18:30:00Z'),
    endsAt: new Date('2026-07-14T20:00:00Z'),
    allDay: false,
  });
  assert.equal(when, 'mardi 14 juillet 2026, de 20 h 30 à 22 h');
});

test('a winter event is one hour ahead of UTC, and an event without end has its start only', () => {
  assert.equal(
    formatEventWhen({ startsAt: new Date('2026-12-05T09:00:00Z'), endsAt: null, allDay: false }),
    'samedi 5 décembre 2026 à 10 h',
  );
});

test('a timed event over several days gives both ends', () => {
  assert.equal(
    formatEventWhen({
      startsAt: new Date('2026-08-01T08:00:00Z'),
      endsAt: new Date('2026-08-02T16:00:00Z'),
      allDay: false,
    }),
    'du samedi 1er août 2026 à 10 h au dimanche 2 août 2026 à 18 h',
  );
});

test('all-day events have no time; a range shows its first and last days', () => {
  // Stored as the Paris midnight of the first day (22:00 UTC the day before in summer).
  const single = { startsAt: new Date('2026-07-13T22:00:00Z'), endsAt: null, allDay: true };
  assert.equal(formatEventWhen(single), 'mardi 14 juillet 2026 (toute la journée)');
  const range = {
    startsAt: new Date('2026-07-09T22:00:00Z'),
    endsAt: new Date('2026-07-12T22:00:00Z'),
    allDay: true,
  };
  // An end at the Paris midnight after the last day is exclusive.
  assert.deepEqual(Object.values(allDayRange(range)!).map(isoDay), ['2026-07-10', '2026-07-12']);
  assert.equal(formatEventWhen(range), 'du vendredi 10 juillet au dimanche 12 juillet 2026');
  // The editor stores the last minute of the last day (23:59 in Paris).
  const editorRange = { ...range, endsAt: new Date('2026-07-12T21:59:00Z') };
  assert.equal(formatEventWhen(editorRange), 'du vendredi 10 juillet au dimanche 12 juillet 2026');
  const acrossYears = {
    startsAt: new Date('2026-12-30T23:00:00Z'),
    endsAt: new Date('2027-01-01T12:00:00Z'),
    allDay: true,
  };
  assert.equal(formatEventWhen(acrossYears), 'du jeudi 31 décembre 2026 au vendredi 1er janvier 2027');
});

test('events are grouped under their Paris month', () => {
  // 23:30 UTC on 31 July is already 1 August in Paris.
  assert.deepEqual(eventMonth(new Date('2026-07-31T23:30:00Z')), { key: '2026-08', label: 'Août 2026' });
});
