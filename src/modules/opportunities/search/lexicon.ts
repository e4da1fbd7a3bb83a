import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../../core/db/index.js';
import { isPublic } from '../public.js';

/**
 * The words people search for (titles, occupations, employers of public opportunities), folded to lowercase
 * ASCII and unstemmed, so a misspelt query word can be replaced by a real one and the correction shown as a
 * word ("infirmeir" → « infirmier »), not as a stem. Kept in memory per database, rebuilt when the public
 * data version moves (every write of public data bumps it).
 */
export interface Lexicon {
  version: number;
  words: string[];
  /** How many public opportunities hold each word: the tie-breaker between equally close words. */
  docs: number[];
  /** Trigram → indexes of the words that contain it. */
  byTrigram: Map<string, number[]>;
  trigramCounts: number[];
}

/** Below this trigram similarity a word is not taken for a typo of another (pg_trgm's default is 0.3). */
export const correctionThreshold = 0.34;

/** pg_trgm's trigrams of one word: padded with two spaces before and one after. */
export function trigrams(word: string): Set<string> {
  const padded = `  ${word} `;
  const set = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) set.add(padded.slice(i, i + 3));
  return set;
}

/** pg_trgm's similarity: shared trigrams over all distinct trigrams of both words. */
export function similarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

export function buildLexicon(version: number, entries: { word: string; docs: number }[]): Lexicon {
  const words: string[] = [];
  const docs: number[] = [];
  const byTrigram = new Map<string, number[]>();
  const trigramCounts: number[] = [];
  for (const entry of entries) {
    // Only plain words are useful replacements: no numbers, no hyphenated compounds (their parts are listed).
    if (!/^[a-z]{3,30}$/.test(entry.word)) continue;
    const index = words.length;
    words.push(entry.word);
    docs.push(Number(entry.docs));
    const grams = trigrams(entry.word);
    trigramCounts.push(grams.size);
    for (const gram of grams) {
      const list = byTrigram.get(gram);
      if (list) list.push(index);
      else byTrigram.set(gram, [index]);
    }
  }
  return { version, words, docs, byTrigram, trigramCounts };
}

/** The word of the lexicon closest to `word`, or undefined when none is close enough. */
export function closestWord(lexicon: Lexicon, word: string): string | undefined {
  if (word.length < 3) return undefined;
  // Two swapped neighbouring letters is the commonest typo, and trigrams score it poorly on short words.
  const known = new Set(lexicon.words);
  for (let i = 0; i < word.length - 1; i++) {
    const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    if (swapped !== word && known.has(swapped)) return swapped;
  }
  const grams = trigrams(word);
  const shared = new Map<number, number>();
  for (const gram of grams) {
    for (const index of lexicon.byTrigram.get(gram) ?? []) shared.set(index, (shared.get(index) ?? 0) + 1);
  }
  let best: { index: number; score: number } | undefined;
  for (const [index, count] of shared) {
    const score = count / (grams.size + lexicon.trigramCounts[index] - count);
    if (
      !best ||
      score > best.score ||
      (score === best.score && lexicon.docs[index] > lexicon.docs[best.index]) ||
      (score === best.score &&
        lexicon.docs[index] === lexicon.docs[best.index] &&
        lexicon.words[index] < lexicon.words[best.index])
    ) {
      best = { index, score };
    }
  }
  return best && best.score >= correctionThreshold ? lexicon.words[best.index] : undefined;
}

const cache = new WeakMap<Db, { version: number; lexicon: Promise<Lexicon> }>();

/** The lexicon of public opportunities at data version `version`, built once per version and database. */
export function lexiconFor(db: Db, version: number): Promise<Lexicon> {
  const cached = cache.get(db);
  if (cached && cached.version === version) return cached.lexicon;
  const lexicon = loadLexicon(db, version);
  cache.set(db, { version, lexicon });
  lexicon.catch(() => {
    if (cache.get(db)?.lexicon === lexicon) cache.delete(db);
  });
  return lexicon;
}

async function loadLexicon(db: Db, version: number): Promise<Lexicon> {
  // 'simple' keeps whole words; f_unaccent and lower fold them as query words are folded. tsvector_to_array
  // lists each word once per opportunity, so the count is the number of opportunities holding it.
  const found = await rows<{ word: string; docs: number }>(
    db,
    sql`select w.word, count(*)::int as docs
      from opportunities o,
        unnest(tsvector_to_array(to_tsvector('simple', f_unaccent(lower(coalesce(o.title, '') || ' ' ||
          coalesce(o.details->>'occupation', '') || ' ' || coalesce(o.employer_name, '')))))) as w(word)
      where ${isPublic}
      group by w.word order by w.word`,
  );
  return buildLexicon(version, found);
}
