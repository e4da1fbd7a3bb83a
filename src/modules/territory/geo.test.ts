import assert from 'node:assert/strict';
import { test } from 'node:test';
import { distanceKm, formatKm } from './geo.js';

const cahors = { lon: 1.4406, lat: 44.4507 };
const figeac = { lon: 2.0317, lat: 44.6086 };

test('haversine distance between known places', () => {
  // Paris (Notre-Dame) to Lyon (Bellecour): about 392 km as the crow flies.
  const paris = { lon: 2.3499, lat: 48.853 };
  const lyon = { lon: 4.832, lat: 45.7578 };
  assert.ok(Math.abs(distanceKm(paris, lyon) - 392) < 3, `${distanceKm(paris, lyon)}`);
  // Cahors to Figeac: about 50 km.
  assert.ok(Math.abs(distanceKm(cahors, figeac) - 50) < 3, `${distanceKm(cahors, figeac)}`);
  // One degree of latitude is about 111.2 km.
  assert.ok(Math.abs(distanceKm({ lon: 0, lat: 0 }, { lon: 0, lat: 1 }) - 111.2) < 0.1);
});

test('distance is symmetric and zero to itself', () => {
  assert.equal(distanceKm(cahors, cahors), 0);
  assert.equal(distanceKm(cahors, figeac), distanceKm(figeac, cahors));
});

test('distances read in French', () => {
  assert.equal(formatKm(49.4), '49 km');
  assert.equal(formatKm(3.46), '3,5 km');
  assert.equal(formatKm(1234.2), '1\u202f234 km');
});
