import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../../core/db/index.js';
import { normalizeSearch } from '../../territory/index.js';
import { isPublic } from '../public.js';
import { closestWord, lexiconFor } from './lexicon.js';

/** Words beyond this are ignored: nobody types more, and each costs an index probe. */
const maxWords = 10;

export interface QueryWord {
  word: string;
  /** Its stems under fr_unaccent: none for a stop word ("de", "la"). */
  lexemes: string[];
}

export interface PreparedText {
  words: QueryWord[];
  /** The tsquery (as text, cast by the caller), or null when no searchable word is left. */
  query: string | null;
}

/**
 * Stems never change for a given text search configuration: kept per database, so a word seen once costs
 * no query again. Bounded: cleared when full (a few thousand distinct words is a lot of searching).
 */
const stemCaches = new WeakMap<Db, Map<string, string[]>>();
const maxCachedWords = 20_000;

async function stems(db: Db, words: string[]): Promise<Map<string, string[]>> {
  let cache = stemCaches.get(db);
  if (!cache) {
    cache = new Map();
    stemCaches.set(db, cache);
  }
  const missing = words.filter((w) => !cache.has(w));
  if (missing.length) {
    const found = await rows<{ word: string; lexemes: string[] }>(
      db,
      sql`select w.word, tsvector_to_array(to_tsvector('fr_unaccent', w.word)) as lexemes
        from unnest(array[${sql.join(
          missing.map((w) => sql`${w}`),
          sql`, `,
        )}]::text[]) as w(word)`,
    );
    if (cache.size + found.length > maxCachedWords) cache.clear();
    // Words are [a-z0-9] only, so are their stems: the tsquery built from them needs no escaping.
    for (const r of found)
      cache.set(
        r.word,
        (r.lexemes ?? []).filter((l) => /^[a-z0-9]+$/.test(l)),
      );
  }
  return new Map(words.map((w) => [w, cache.get(w) ?? []]));
}

const prefixQuery = (lexemes: string[]) => lexemes.map((l) => `'${l}':*`).join(' & ');

function toQuery(words: QueryWord[]): string | null {
  const parts = words.filter((w) => w.lexemes.length).map((w) => prefixQuery(w.lexemes));
  return parts.length ? parts.join(' & ') : null;
}

/**
 * The query text as a French prefix tsquery: each word folded, stemmed and matched as a prefix of stems
 * ("infirmier" finds "Infirmière", "boulanger" finds "Boulangerie"), every word required.
 */
export async function prepareText(db: Db, q: string): Promise<PreparedText> {
  const list = [...new Set(normalizeSearch(q).split(' '))].filter((w) => w.length >= 2).slice(0, maxWords);
  if (!list.length) return { words: [], query: null };
  const found = await stems(db, list);
  const words = list.map((word) => ({ word, lexemes: found.get(word) ?? [] }));
  return { words, query: toQuery(words) };
}

/**
 * When a search found nothing: the words no public opportunity holds at all are replaced by the closest
 * known word (trigram similarity over the lexicon of public titles, occupations and employers). Returns
 * the corrected query and what was replaced, or null when there is nothing to correct.
 */
export async function correctText(
  db: Db,
  text: PreparedText,
): Promise<{ query: string | null; corrections: { from: string; to: string }[] } | null> {
  const candidates = text.words.filter((w) => w.lexemes.length && w.word.length >= 3 && !/\d/.test(w.word));
  if (!candidates.length) return null;
  const checked = await rows<{ word: string; hit: boolean; version: number }>(
    db,
    sql`select w.word, exists(
          select 1 from opportunities o
          where ${isPublic} and o.search_doc @@ (w.query)::tsquery
        ) as hit,
        (select coalesce(max(version), 0)::int from data_versions) as version
      from (values ${sql.join(
        candidates.map((c) => sql`(${c.word}, ${prefixQuery(c.lexemes)})`),
        sql`, `,
      )}) as w(word, query)`,
  );
  const misses = checked.filter((c) => c.hit !== true);
  if (!misses.length) return null;
  const lexicon = await lexiconFor(db, Number(checked[0].version));
  const replacements = new Map<string, string>();
  for (const miss of misses) {
    const to = closestWord(lexicon, miss.word);
    if (to && to !== miss.word) replacements.set(miss.word, to);
  }
  if (!replacements.size) return null;
  const found = await stems(db, [...new Set(replacements.values())]);
  const corrections: { from: string; to: string }[] = [];
  const words = text.words.map((w) => {
    const to = replacements.get(w.word);
    const lexemes = to ? found.get(to) : undefined;
    if (!to || !lexemes?.length) return w;
    corrections.push({ from: w.word, to });
    return { word: to, lexemes };
  });
  return corrections.length ? { query: toQuery(words), corrections } : null;
}
