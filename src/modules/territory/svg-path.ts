import { type Outline, polygonsOf } from './topology.js';

/** A ring in map units × 10, rounded: integers, so the path text needs at most one decimal. */
type Ring = [number, number][];
/** A d3 projection, or any function from lon/lat to map units. */
export type PointProjection = (point: [number, number]) => [number, number] | null;

const keyOf = (p: number[]) => `${p[0]},${p[1]}`;

/**
 * Projects outlines for a map and simplifies them without opening gaps between neighbours, as TopoJSON
 * does: rings are cut into arcs at junctions (vertices where three or more borders meet), each arc is
 * simplified (Douglas-Peucker, `tolerance` in map units) the same way whichever outline it belongs to,
 * then the rings are put back together. Shared borders stay shared, and a map of the 312 communes shrinks
 * to a third of the points at no visible cost.
 */
export function projectOutlines(
  outlines: Outline[],
  projection: PointProjection,
  tolerance = 0.5,
): Ring[][][] {
  const adjacent = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    let set = adjacent.get(a);
    if (!set) {
      set = new Set();
      adjacent.set(a, set);
    }
    set.add(b);
  };
  for (const outline of outlines) {
    for (const rings of polygonsOf(outline)) {
      for (const ring of rings) {
        for (let i = 0; i < ring.length - 1; i++) {
          const a = keyOf(ring[i]);
          const b = keyOf(ring[i + 1]);
          link(a, b);
          link(b, a);
        }
      }
    }
  }
  const projected = new Map<string, [number, number]>();
  const project = (p: number[], key: string) => {
    let xy = projected.get(key);
    if (!xy) {
      const raw = projection(p as [number, number]) ?? [0, 0];
      xy = [raw[0] * 10, raw[1] * 10];
      projected.set(key, xy);
    }
    return xy;
  };
  const isJunction = (key: string) => (adjacent.get(key)?.size ?? 0) !== 2;
  const epsilon = tolerance * 10;

  return outlines.map((outline) =>
    polygonsOf(outline)
      .map((rings) =>
        rings
          .map((ring) => {
            const keys = ring.slice(0, -1).map(keyOf);
            let start = keys.findIndex(isJunction);
            // A ring meeting no other border (an island, an enclave): start at its smallest vertex, so an
            // enclave and the hole it fills agree on where to start.
            if (start < 0) start = keys.indexOf([...keys].sort()[0]);
            const points = ring.slice(0, -1);
            const order = [...Array(keys.length).keys()].map((i) => (i + start) % keys.length);
            const simplified: [number, number][] = [];
            let arc: number[] = [order[0]];
            for (let j = 1; j <= order.length; j++) {
              const index = order[j % order.length];
              arc.push(index);
              if (j === order.length || isJunction(keys[index])) {
                const kept = simplifyArc(
                  arc.map((i) => project(points[i], keys[i])),
                  epsilon,
                );
                simplified.push(...kept.slice(0, -1));
                arc = [index];
              }
            }
            return roundRing(simplified);
          })
          .filter((ring) => ring.length >= 3),
      )
      .filter((rings) => rings.length > 0),
  );
}

/** Douglas-Peucker, run on the arc's canonical direction so both outlines sharing it keep the same points. */
function simplifyArc(arc: [number, number][], epsilon: number): [number, number][] {
  if (arc.length <= 2) return arc;
  const first = arc[0];
  const last = arc[arc.length - 1];
  const reversed = first[0] > last[0] || (first[0] === last[0] && first[1] > last[1]);
  const canonical = reversed ? [...arc].reverse() : arc;
  const keep = new Uint8Array(canonical.length);
  keep[0] = keep[canonical.length - 1] = 1;
  const stack: [number, number][] = [[0, canonical.length - 1]];
  while (stack.length) {
    const [from, to] = stack.pop()!;
    let worst = -1;
    let worstDistance = epsilon;
    for (let i = from + 1; i < to; i++) {
      const d = distanceToSegment(canonical[i], canonical[from], canonical[to]);
      if (d > worstDistance) {
        worst = i;
        worstDistance = d;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([from, worst], [worst, to]);
    }
  }
  const kept = canonical.filter((_p, i) => keep[i]);
  return reversed ? kept.reverse() : kept;
}

function distanceToSegment(p: [number, number], a: [number, number], b: [number, number]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  const t = length2 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2)) : 0;
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

function roundRing(points: [number, number][]): Ring {
  const ring: Ring = [];
  for (const [x, y] of points) {
    const p: [number, number] = [Math.round(x), Math.round(y)];
    const last = ring[ring.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) ring.push(p);
  }
  return ring;
}

/** SVG path data: relative moves after each ring's first point, separators only where needed. */
export function pathData(polygons: Ring[][]): string {
  let d = '';
  for (const rings of polygons) {
    for (const ring of rings) {
      const x0 = tenths(ring[0][0]);
      d += `M${x0}${joined(x0, tenths(ring[0][1]))}l`;
      let previous = '';
      for (let i = 1; i < ring.length; i++) {
        for (const n of [ring[i][0] - ring[i - 1][0], ring[i][1] - ring[i - 1][1]]) {
          const s = tenths(n);
          d += previous ? joined(previous, s) : s;
          previous = s;
        }
      }
      d += 'z';
    }
  }
  return d;
}

/** Path data for one outline on its own (no neighbours to keep in step with). */
export function outlinePath(outline: Outline, projection: PointProjection, tolerance = 0.5): string {
  return pathData(projectOutlines([outline], projection, tolerance)[0]);
}

/** A number of tenths as the shortest decimal: 12 → "1.2", 5 → ".5", -5 → "-.5", 30 → "3". */
export function tenths(n: number): string {
  if (n === 0) return '0';
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  const whole = Math.floor(abs / 10);
  const frac = abs % 10;
  return `${sign}${whole || !frac ? whole : ''}${frac ? `.${frac}` : ''}`;
}

/** The next number, with a space before it only when the parser would otherwise run the two together. */
function joined(previous: string, next: string): string {
  if (next.startsWith('-')) return next;
  if (next.startsWith('.') && previous.includes('.')) return next;
  return ` ${next}`;
}
