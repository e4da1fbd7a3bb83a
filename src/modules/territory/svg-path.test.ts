import assert from 'node:assert/strict';
import { test } from 'node:test';
import { geoIdentity } from 'd3-geo';
import { pathData, projectOutlines, tenths } from './svg-path.js';

test('numbers are written in tenths, as short as possible', () => {
  assert.equal(tenths(0), '0');
  assert.equal(tenths(12), '1.2');
  assert.equal(tenths(5), '.5');
  assert.equal(tenths(-5), '-.5');
  assert.equal(tenths(30), '3');
  assert.equal(tenths(-1234), '-123.4');
});

test('path data: absolute start, relative moves, separators only where needed', () => {
  assert.equal(
    pathData([
      [
        [
          [10, 20],
          [15, 20],
          [15, 35],
          [0, 35],
        ],
      ],
    ]),
    'M1 2l.5 0 0 1.5-1.5 0z',
  );
  // ".5" after "1.2" needs no space: the parser starts a new number at the second dot.
  assert.equal(
    pathData([
      [
        [
          [0, 0],
          [12, 5],
          [12, 0],
        ],
      ],
    ]),
    'M0 0l1.2.5 0-.5z',
  );
});

/** A polyline border shared by two shapes, with small wiggles the simplification should drop. */
function twoShapesWithWigglyBorder(): GeoJSON.Polygon[] {
  const border = [
    [10, 0],
    [10.05, 2],
    [9.97, 4],
    [10.04, 6],
    [10, 8],
    [10, 10],
  ];
  const left: GeoJSON.Polygon = {
    type: 'Polygon',
    coordinates: [[[0, 0], [0, 10], ...[...border].reverse(), [0, 0]]],
  };
  const right: GeoJSON.Polygon = {
    type: 'Polygon',
    coordinates: [[[10, 0], ...border.slice(1), [20, 10], [20, 0], [10, 0]]],
  };
  return [left, right];
}

test('simplification drops wiggles and keeps shared borders identical on both sides', () => {
  const [left, right] = projectOutlines(twoShapesWithWigglyBorder(), geoIdentity(), 0.5);
  const leftPoints = left[0][0].map((p) => p.join(','));
  const rightPoints = right[0][0].map((p) => p.join(','));
  // Only the corners survive; the border keeps its two ends, shared by both shapes.
  assert.ok(leftPoints.length <= 5, leftPoints.join(' '));
  for (const corner of ['100,0', '100,100']) {
    assert.ok(leftPoints.includes(corner), `left has ${corner}`);
    assert.ok(rightPoints.includes(corner), `right has ${corner}`);
  }
  const inner = (points: string[]) =>
    points.filter((p) => p.startsWith('10') && p.length > 5 && !['100,0', '100,100'].includes(p));
  assert.deepEqual(
    inner(leftPoints).sort(),
    inner(rightPoints).sort(),
    'the same border points on both sides',
  );
});

test('without simplification every distinct point is kept', () => {
  const [left] = projectOutlines(twoShapesWithWigglyBorder(), geoIdentity(), 0);
  assert.equal(left[0][0].length, 8);
});
