/**
 * Fill colours for the intercommunalités on maps: landscape tones of the brand, each far enough from the
 * others in hue and lightness to tell apart, light enough for the white commune borders to show. Colour is
 * never the only cue: every map comes with the named list of EPCIs, and each commune's link names its EPCI.
 */
export const epciPalette = [
  '#8fbf9f', // sage (river meadows)
  '#e8b04a', // gold
  '#c9718d', // Malbec, lightened
  '#a9825c', // walnut, lightened
  '#6fa3c7', // river blue
  '#e39163', // terracotta roofs
  '#b9c66f', // vineyard green
  '#a796cf', // lavender
  '#4f9b8f', // deep teal
  '#d8c39a', // limestone, darker
];

/** Neutral fill for communes outside what a map is about. */
export const mutedFill = '#ddd5c7';
/** The commune a page is about. */
export const highlightFill = '#7a1f3d';

/** Perceived distance between two colours ("redmean" weighting of RGB, good enough to compare fills). */
export function colourDistance(a: string, b: string): number {
  const [r1, g1, b1] = rgb(a);
  const [r2, g2, b2] = rgb(b);
  const r = (r1 + r2) / 2;
  return Math.sqrt(
    (2 + r / 256) * (r1 - r2) ** 2 + 4 * (g1 - g2) ** 2 + (2 + (255 - r) / 256) * (b1 - b2) ** 2,
  );
}

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * One colour per EPCI, so that bordering EPCIs look as different as the palette allows: the EPCIs with
 * the most neighbours choose first, each taking the unused colour farthest from its coloured neighbours'.
 * Deterministic for given codes and borders. `borders` maps an EPCI code to the codes it touches.
 */
export function epciColours(
  codes: string[],
  borders: Map<string, Set<string>> = new Map(),
): Map<string, string> {
  const degree = (code: string) => borders.get(code)?.size ?? 0;
  const order = [...codes].sort((a, b) => degree(b) - degree(a) || a.localeCompare(b));
  const colours = new Map<string, string>();
  for (const code of order) {
    const used = new Set(colours.values());
    const free = epciPalette.filter((c) => !used.has(c));
    const candidates = free.length ? free : epciPalette;
    const around = [...(borders.get(code) ?? [])].map((n) => colours.get(n)).filter((c) => c !== undefined);
    let best = candidates[0];
    let bestScore = -1;
    for (const candidate of candidates) {
      const score = around.length ? Math.min(...around.map((c) => colourDistance(c, candidate))) : 0;
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    colours.set(code, best);
  }
  return colours;
}
