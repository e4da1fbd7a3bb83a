/**
 * Plane topology on outlines that come from one topology (neighbouring communes share the very same
 * vertices along their common border, as in IGN's Admin Express). Coordinates are compared exactly.
 * Winding follows d3-geo: exterior rings clockwise, holes anticlockwise (x = lon east, y = lat north).
 */
type Position = number[];
type Ring = Position[];
export type Outline = GeoJSON.Polygon | GeoJSON.MultiPolygon;

const pointKey = (p: Position) => `${p[0]},${p[1]}`;

export function polygonsOf(outline: Outline): Ring[][] {
  return outline.type === 'Polygon' ? [outline.coordinates] : outline.coordinates;
}

/** Twice the signed planar area: positive when the ring turns anticlockwise. */
export function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum;
}

export function pointInRing(point: Position, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > point[1] !== yj > point[1] && point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi)
      inside = !inside;
  }
  return inside;
}

/** The outline wound as d3-geo expects, whatever the source's convention. */
export function rewind(outline: Outline): Outline {
  const wind = (ring: Ring, clockwise: boolean) =>
    signedArea(ring) < 0 === clockwise ? ring : [...ring].reverse();
  const polygons = polygonsOf(outline).map((rings) => rings.map((ring, i) => wind(ring, i === 0)));
  return outline.type === 'Polygon'
    ? { type: 'Polygon', coordinates: polygons[0] }
    : { type: 'MultiPolygon', coordinates: polygons };
}

interface Edge {
  from: Position;
  to: Position;
  fromKey: string;
  toKey: string;
}

/**
 * Merges adjacent outlines into one, dissolving their shared borders: with consistent winding, a shared
 * border appears once in each direction, so both cancel out; the edges left are chained back into rings.
 * Parts that do not touch stay separate polygons (a MultiPolygon).
 */
export function dissolve(parts: Outline[]): Outline {
  const edges = new Map<string, Edge>();
  for (const part of parts) {
    for (const rings of polygonsOf(rewind(part))) {
      for (const ring of rings) {
        for (let i = 0; i < ring.length - 1; i++) {
          const fromKey = pointKey(ring[i]);
          const toKey = pointKey(ring[i + 1]);
          if (fromKey === toKey) continue;
          const reverse = `${toKey}>${fromKey}`;
          if (edges.has(reverse)) edges.delete(reverse);
          else edges.set(`${fromKey}>${toKey}`, { from: ring[i], to: ring[i + 1], fromKey, toKey });
        }
      }
    }
  }
  const outgoing = new Map<string, Edge[]>();
  for (const edge of edges.values())
    outgoing.set(edge.fromKey, [...(outgoing.get(edge.fromKey) ?? []), edge]);

  const used = new Set<Edge>();
  const rings: Ring[] = [];
  for (const start of edges.values()) {
    if (used.has(start)) continue;
    used.add(start);
    const ring: Ring = [start.from];
    let current = start;
    while (current.toKey !== start.fromKey) {
      ring.push(current.to);
      const next = outgoing.get(current.toKey)?.find((e) => !used.has(e));
      if (!next)
        throw new Error(`Cannot close a ring at ${current.toKey}: the parts do not share one topology`);
      used.add(next);
      current = next;
    }
    ring.push(start.from);
    if (ring.length >= 4) rings.push(ring);
  }
  return assemble(rings);
}

/** Rings to a Polygon or MultiPolygon: each hole goes to the exterior ring around it. */
function assemble(rings: Ring[]): Outline {
  const exteriors = rings.filter((r) => signedArea(r) < 0).sort((a, b) => signedArea(a) - signedArea(b));
  const holes = rings.filter((r) => signedArea(r) > 0);
  const polygons: Ring[][] = exteriors.map((r) => [r]);
  for (const hole of holes) {
    // The smallest exterior that holds the hole's vertices (largest first in `exteriors`, so search backwards).
    const owner = [...polygons].reverse().find(([exterior]) => hole.some((p) => pointInRing(p, exterior)));
    (owner ?? polygons[0])?.push(hole);
  }
  if (polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0] };
  return { type: 'MultiPolygon', coordinates: polygons };
}

/**
 * Who borders whom: two outlines are neighbours when they share at least one border segment (touching at a
 * single point does not count). Returns each code's neighbours, sorted.
 */
export function findNeighbours(items: { code: string; outline: Outline }[]): Map<string, string[]> {
  const firstOwner = new Map<string, string>();
  const pairs = new Map<string, Set<string>>(items.map((i) => [i.code, new Set<string>()]));
  for (const { code, outline } of items) {
    for (const rings of polygonsOf(outline)) {
      for (const ring of rings) {
        for (let i = 0; i < ring.length - 1; i++) {
          const a = pointKey(ring[i]);
          const b = pointKey(ring[i + 1]);
          if (a === b) continue;
          const key = a < b ? `${a}|${b}` : `${b}|${a}`;
          const other = firstOwner.get(key);
          if (other === undefined) firstOwner.set(key, code);
          else if (other !== code) {
            pairs.get(code)!.add(other);
            pairs.get(other)!.add(code);
          }
        }
      }
    }
  }
  return new Map([...pairs].map(([code, set]) => [code, [...set].sort()]));
}
