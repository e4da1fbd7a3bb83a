import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  daysBetween,
  formatDay,
  parisDay,
  parisInstant,
  parisLocalInput,
  parseDateTime,
  parseDay,
} from './dates.js';

test('days are read in French or as a date input sends them, and must exist', () => {
  assert.equal(parseDay('15/03/2026'), '2026-03-15');
  assert.equal(parseDay('5/3/2026'), '2026-03-05');
  assert.equal(parseDay('2026-03-15'), '2026-03-15');
  assert.equal(parseDay('31/02/2026'), null);
  assert.equal(parseDay('demain'), null);
  assert.equal(formatDay('2026-03-15'), '15 mars 2026');
  assert.equal(daysBetween('2026-02-27', '2026-03-01'), 2);
});

test('Paris time, summer and winter', () => {
  assert.equal(parisInstant('2026-07-01', '10:00').toISOString(), '2026-07-01T08:00:00.000Z');
  assert.equal(parisInstant('2026-12-01', '10:00').toISOString(), '2026-12-01T09:00:00.000Z');
  assert.equal(parisDay(new Date('2026-12-31T23:30:00Z')), '2027-01-01');
  assert.equal(parisLocalInput(new Date('2026-07-01T08:05:00Z')), '2026-07-01T10:05');
  assert.equal(parseDateTime('2026-07-01T10:05')?.toISOString(), '2026-07-01T08:05:00.000Z');
  assert.equal(parseDateTime('01/07/2026 14h30')?.toISOString(), '2026-07-01T12:30:00.000Z');
  assert.equal(parseDateTime('01/07/2026')?.toISOString(), '2026-07-01T10:00:00.000Z');
  assert.equal(parseDateTime('01/07/2026 25:00'), null);
  assert.equal(parseDateTime('n’importe quand'), null);
});
