/**
 * Buddy suggestions for a newcomer file: a pure function over loaded data, so the ranking is tested without a
 * database. Each point of the score comes with a reason in French, shown to the referent as it is.
 */
import { distanceKm, formatKm, normalizeSearch } from '../../territory/index.js';

/** What the matching knows of a place: a Lot commune with its centroid. */
export interface Place {
  code: string;
  name: string;
  epciCode: string | null;
  lon: number;
  lat: number;
}

/** The file's side (from the welcome module's buddy profile). */
export interface MatchFile {
  communeCodes: string[];
  epciCodes: string[];
  trades: string[];
  childrenAges: number[];
  /** Free words of the project (note, target profile): matched against the ambassadors' interests. */
  words: string;
}

/** An ambassador willing to host (already filtered: active, not erased, not paired with this file). */
export interface Candidate {
  id: string;
  name: string;
  communeCode: string | null;
  city: string | null;
  trade: string | null;
  interests: string[];
  childrenAges: number[];
}

export interface Suggestion {
  candidate: Candidate;
  score: number;
  /** Distance to the file's nearest commune, when both are known. */
  km: number | null;
  reasons: string[];
}

export interface MatchContext {
  places: Map<string, Place>;
  epciNames: Map<string, string>;
}

/** Small words that say nothing about a trade or an interest. */
const stopWords = new Set([
  'de',
  'des',
  'du',
  'la',
  'le',
  'les',
  'en',
  'et',
  'au',
  'aux',
  'chez',
  'pour',
  'un',
  'une',
]);

/**
 * A word reduced so that feminine and plural forms meet: « infirmières » and « infirmier », « coiffeuse » and
 * « coiffeur », « technicienne » and « technicien », « institutrice » and « instituteur ».
 */
export function stem(word: string): string {
  let w = word.length > 3 ? word.replace(/[sx]$/, '') : word;
  w = w
    .replace(/iere$/, 'ier')
    .replace(/ere$/, 'er')
    .replace(/euse$/, 'eur')
    .replace(/trice$/, 'teur')
    .replace(/enne$/, 'en')
    .replace(/ive$/, 'if');
  return w.length > 4 ? w.replace(/e$/, '') : w;
}

/** The meaningful stems of a text, accent- and case-insensitive. */
export function stems(text: string): Set<string> {
  return new Set(
    normalizeSearch(text)
      .split(' ')
      .filter((w) => w.length >= 3 && !stopWords.has(w))
      .map(stem),
  );
}

const maxDistanceKm = 60;
const ageGap = 3;

function distanceReason(
  file: MatchFile,
  c: Candidate,
  ctx: MatchContext,
): { km: number | null; points: number; reason: string | null } {
  const home = c.communeCode ? ctx.places.get(c.communeCode) : undefined;
  if (!home) return { km: null, points: 0, reason: null };
  let best: { km: number; place: Place } | null = null;
  for (const code of file.communeCodes) {
    const place = ctx.places.get(code);
    if (!place) continue;
    const km = distanceKm(place, home);
    if (!best || km < best.km) best = { km, place };
  }
  if (best) {
    const points = Math.max(0, 40 * (1 - best.km / maxDistanceKm));
    const reason =
      best.place.code === home.code
        ? `même commune (${home.name})`
        : `${formatKm(best.km)} (${best.place.name} → ${home.name})`;
    return { km: best.km, points, reason: best.km <= maxDistanceKm ? reason : null };
  }
  // No commune on the file: the intercommunality it looks at still says « near ».
  if (home.epciCode && file.epciCodes.includes(home.epciCode)) {
    const name = ctx.epciNames.get(home.epciCode) ?? 'l’intercommunalité';
    return { km: null, points: 20, reason: `même intercommunalité (${name})` };
  }
  return { km: null, points: 0, reason: null };
}

function tradeReason(file: MatchFile, c: Candidate) {
  if (!c.trade?.trim()) return { points: 0, reason: null };
  const mine = stems(c.trade);
  for (const trade of file.trades) {
    const theirs = stems(trade);
    if (!mine.size || !theirs.size) continue;
    const same = mine.size === theirs.size && [...mine].every((s) => theirs.has(s));
    if (same) return { points: 25, reason: `même métier : ${c.trade.trim()}` };
    if ([...mine].some((s) => theirs.has(s)))
      return { points: 15, reason: `métier proche : ${c.trade.trim()} (le foyer : ${trade})` };
  }
  return { points: 0, reason: null };
}

function childrenReason(file: MatchFile, c: Candidate) {
  const close = [...new Set(c.childrenAges)]
    .filter((a) => file.childrenAges.some((b) => Math.abs(a - b) <= ageGap))
    .sort((a, b) => a - b);
  if (!close.length) return { points: 0, reason: null };
  const ages =
    close.length === 1 ? `${close[0]} ans` : `${close.slice(0, -1).join(', ')} et ${close.at(-1)} ans`;
  return { points: 15 + 5 * Math.min(close.length - 1, 2), reason: `enfants d’âges proches (${ages})` };
}

function interestReason(file: MatchFile, c: Candidate) {
  const words = stems(file.words);
  const shared = c.interests.filter((i) => [...stems(i)].some((s) => words.has(s)));
  if (!shared.length) return { points: 0, reason: null };
  return {
    points: 5 * Math.min(shared.length, 3),
    reason: `centres d’intérêt communs : ${shared.join(', ')}`,
  };
}

/** Every candidate scored and explained, best first (then nearest, then by name); the first `limit`. */
export function rankBuddies(
  file: MatchFile,
  candidates: Candidate[],
  ctx: MatchContext,
  limit = 10,
): Suggestion[] {
  const scored = candidates.map((candidate) => {
    const distance = distanceReason(file, candidate, ctx);
    const parts = [
      distance,
      tradeReason(file, candidate),
      childrenReason(file, candidate),
      interestReason(file, candidate),
    ];
    return {
      candidate,
      score: Math.round(parts.reduce((sum, p) => sum + p.points, 0)),
      km: distance.km,
      reasons: parts.map((p) => p.reason).filter((r): r is string => Boolean(r)),
    };
  });
  return scored
    .sort(
      (a, b) =>
        b.score - a.score ||
        (a.km ?? Number.POSITIVE_INFINITY) - (b.km ?? Number.POSITIVE_INFINITY) ||
        a.candidate.name.localeCompare(b.candidate.name, 'fr'),
    )
    .slice(0, limit);
}
