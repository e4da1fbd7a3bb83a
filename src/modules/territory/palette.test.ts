import assert from 'node:assert/strict';
import { test } from 'node:test';
import { colourDistance, epciColours, epciPalette } from './palette.js';

test('the palette has ten distinct, distinguishable colours', () => {
  assert.equal(new Set(epciPalette).size, 10);
  for (const a of epciPalette)
    for (const b of epciPalette) if (a !== b) assert.ok(colourDistance(a, b) > 60, `${a} ${b}`);
});

test('each EPCI gets its own colour, bordering ones far apart, the same every time', () => {
  const codes = ['a', 'b', 'c', 'd'];
  const borders = new Map([
    ['a', new Set(['b', 'c'])],
    ['b', new Set(['a'])],
    ['c', new Set(['a'])],
  ]);
  const colours = epciColours(codes, borders);
  assert.equal(new Set(colours.values()).size, 4);
  assert.deepEqual(epciColours([...codes].reverse(), borders), colours, 'deterministic whatever the order');
  const closest = Math.min(...epciPalette.slice(1).map((c) => colourDistance(epciPalette[0], c)));
  assert.ok(colourDistance(colours.get('a')!, colours.get('b')!) > closest);
});
