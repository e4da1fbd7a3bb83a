/**
 * Atom 1.0 (RFC 4287), written by hand: a feed is a few fixed elements, and every text goes through
 * xmlText so a title with « & » or a stray control character from an import never breaks a reader.
 */

export { xmlText } from '../../../core/http/index.js';

import { xmlText } from '../../../core/http/index.js';

export interface AtomEntry {
  /** A permanent IRI, here `urn:uuid:…`. */
  id: string;
  title: string;
  url: string;
  summary: string;
  published: Date;
  updated: Date;
  categories: { term: string; label: string }[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  selfUrl: string;
  /** The same search as an HTML page. */
  htmlUrl: string;
  authorName: string;
  rights?: string;
  /** When the feed has no entry: the feed's own date. */
  updatedWhenEmpty: Date;
  entries: AtomEntry[];
}

const el = (name: string, text: string) => `<${name}>${xmlText(text)}</${name}>`;

export function atomXml(feed: AtomFeed): string {
  const updated = feed.entries.reduce<Date | null>(
    (latest, e) => (latest === null || e.updated > latest ? e.updated : latest),
    null,
  );
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">',
    `  ${el('id', feed.id)}`,
    `  <title type="text">${xmlText(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle type="text">${xmlText(feed.subtitle)}</subtitle>`] : []),
    `  ${el('updated', (updated ?? feed.updatedWhenEmpty).toISOString())}`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(feed.htmlUrl)}"/>`,
    `  <author>${el('name', feed.authorName)}</author>`,
    ...(feed.rights ? [`  <rights type="text">${xmlText(feed.rights)}</rights>`] : []),
  ];
  for (const e of feed.entries) {
    lines.push(
      '  <entry>',
      `    ${el('id', e.id)}`,
      `    <title type="text">${xmlText(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(e.url)}"/>`,
      `    ${el('published', e.published.toISOString())}`,
      `    ${el('updated', e.updated.toISOString())}`,
      ...e.categories.map((c) => `    <category term="${xmlText(c.term)}" label="${xmlText(c.label)}"/>`),
      `    <summary type="text">${xmlText(e.summary)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

/** The beginning of a text, cut at a word, for a summary. */
export function excerpt(text: string, max = 400): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
