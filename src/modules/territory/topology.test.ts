import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  dissolve,
  findNeighbours,
  type Outline,
  pointInRing,
  polygonsOf,
  rewind,
  signedArea,
} from './topology.js';

/** A unit square at (x, y), wound clockwise as d3-geo wants (x east, y north). */
function square(x: number, y: number): GeoJSON.Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x, y + 1],
        [x + 1, y + 1],
        [x + 1, y],
        [x, y],
      ],
    ],
  };
}

/** Area with holes subtracted: exteriors are clockwise (negative signed area), holes anticlockwise. */
const area = (o: Outline) =>
  polygonsOf(o).reduce((sum, rings) => sum + rings.reduce((s, r) => s - signedArea(r), 0) / 2, 0);

test('two adjacent squares dissolve into one rectangle without the shared edge', () => {
  const merged = dissolve([square(0, 0), square(1, 0)]);
  assert.equal(merged.type, 'Polygon');
  const ring = (merged as GeoJSON.Polygon).coordinates[0];
  assert.equal(ring.length, 7, 'six corners (two of them on the former shared edge) and the closing point');
  assert.deepEqual(ring[0], ring[ring.length - 1]);
  assert.ok(signedArea(ring) < 0, 'exterior stays clockwise');
  assert.equal(area(merged), 2);
  assert.ok(
    !ring.some((p, i) => i > 0 && p[0] === 1 && ring[i - 1][0] === 1),
    'no segment along x = 1 is left',
  );
});

test('parts that do not touch stay separate polygons', () => {
  const merged = dissolve([square(0, 0), square(5, 5)]);
  assert.equal(merged.type, 'MultiPolygon');
  assert.equal((merged as GeoJSON.MultiPolygon).coordinates.length, 2);
});

test('a ring of eight squares around an empty one keeps the hole', () => {
  const parts: Outline[] = [];
  for (let x = 0; x < 3; x++) for (let y = 0; y < 3; y++) if (x !== 1 || y !== 1) parts.push(square(x, y));
  const merged = dissolve(parts) as GeoJSON.Polygon;
  assert.equal(merged.type, 'Polygon');
  assert.equal(merged.coordinates.length, 2, 'one exterior ring and one hole');
  assert.ok(signedArea(merged.coordinates[1]) > 0, 'the hole is anticlockwise');
  assert.equal(area(merged), 8);
  assert.ok(pointInRing([1.5, 1.5], merged.coordinates[1]), 'the hole is where the missing square was');
});

test('an L of three squares dissolves into one ring', () => {
  const merged = dissolve([square(0, 0), square(1, 0), square(0, 1)]) as GeoJSON.Polygon;
  assert.equal(merged.coordinates.length, 1);
  assert.equal(area(merged), 3);
});

test('rewind turns anticlockwise exteriors clockwise', () => {
  const ccw: GeoJSON.Polygon = { type: 'Polygon', coordinates: [[...square(0, 0).coordinates[0]].reverse()] };
  assert.ok(signedArea(ccw.coordinates[0]) > 0);
  assert.ok(signedArea((rewind(ccw) as GeoJSON.Polygon).coordinates[0]) < 0);
  assert.deepEqual(rewind(square(0, 0)), square(0, 0));
});

test('neighbours share an edge; touching at a corner is not enough', () => {
  const neighbours = findNeighbours([
    { code: 'a', outline: square(0, 0) },
    { code: 'b', outline: square(1, 0) },
    { code: 'c', outline: square(2, 1) }, // touches b at the corner (2, 1) only
    { code: 'd', outline: square(0, 1) },
  ]);
  assert.deepEqual(neighbours.get('a'), ['b', 'd']);
  assert.deepEqual(neighbours.get('b'), ['a']);
  assert.deepEqual(neighbours.get('c'), []);
  assert.deepEqual(neighbours.get('d'), ['a']);
});
