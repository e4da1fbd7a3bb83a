import { sql } from 'drizzle-orm';
import { type Db, one, rows } from '../../../core/db/index.js';
import { isPublic } from '../queries.js';
import type { ContentKind } from '../schema.js';

/** Private-use characters mark the highlighted words: no text can forge them (they are removed from it first). */
export const markStart = '\uE000';
export const markStop = '\uE001';

export interface ContentHit {
  id: string;
  kind: ContentKind;
  slug: string;
  title: string;
  /** Plain text with highlighted words between markStart and markStop, to be split, never injected as HTML. */
  headline: string;
  demo: boolean;
}

export interface ContentSearch {
  total: number;
  hits: ContentHit[];
}

/**
 * The text ts_headline cuts the snippet from: summary and body, with Markdown's link targets and marks removed
 * (a snippet shows words, not syntax), runs of spaces and line breaks made one space, and the two marker
 * characters taken out so only ts_headline sets them.
 */
const linkTarget = String.raw`\]\([^)]*\)`;
const markdownMarks = '[#*_>`\\[\\]|~]+';
const spaces = String.raw`\s+`;
const snippetSource = sql`translate(regexp_replace(
  regexp_replace(regexp_replace(coalesce(c.summary, '') || ' ' || coalesce(c.body, ''), ${linkTarget}, ' ', 'g'),
    ${markdownMarks}, ' ', 'g'),
  ${spaces}, ' ', 'g'), ${`${markStart}${markStop}`}, '')`;

/**
 * Public content matching the words, French and accent-insensitive (the fr_unaccent configuration of the
 * stored search_doc), best match first (title counts most), with a highlighted snippet of the text.
 * websearch_to_tsquery accepts anything a person types (quotes, « ou », a minus sign) without syntax errors.
 */
export async function searchContents(
  db: Db,
  q: string,
  options: { limit?: number; offset?: number } = {},
): Promise<ContentSearch> {
  const query = sql`websearch_to_tsquery('fr_unaccent', ${q})`;
  const where = sql`${isPublic()} and c.search_doc @@ ${query}`;
  const headlineOptions = `StartSel=${markStart}, StopSel=${markStop}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;
  const [count, hits] = await Promise.all([
    one<{ n: number }>(db, sql`select count(*)::int as n from contents c where ${where}`),
    rows<ContentHit>(
      db,
      sql`select c.id, c.kind, c.slug, c.title, c.demo,
            ts_headline('fr_unaccent', ${snippetSource}, ${query}, ${headlineOptions}) as headline
          from contents c where ${where}
          order by ts_rank_cd(c.search_doc, ${query}) desc, c.publish_at desc, c.id
          limit ${options.limit ?? 10} offset ${options.offset ?? 0}`,
    ),
  ]);
  return { total: Number(count?.n ?? 0), hits };
}

/** Splits a headline into plain text and highlighted parts, for the view to render as text nodes and <mark>. */
export function headlineParts(headline: string): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  for (const [i, chunk] of headline.split(markStart).entries()) {
    if (i === 0) {
      if (chunk) parts.push({ text: chunk.replaceAll(markStop, ''), marked: false });
      continue;
    }
    const stop = chunk.indexOf(markStop);
    const marked = stop === -1 ? chunk : chunk.slice(0, stop);
    const rest = stop === -1 ? '' : chunk.slice(stop + 1).replaceAll(markStop, '');
    if (marked) parts.push({ text: marked, marked: true });
    if (rest) parts.push({ text: rest, marked: false });
  }
  return parts;
}
