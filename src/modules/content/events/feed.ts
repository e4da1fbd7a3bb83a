/** News, stories and success stories as an Atom 1.0 feed (the `feed` package writes and escapes the XML). */
import { Feed } from 'feed';
import { xmlText } from '../../../core/http/index.js';
import { contentPath, kindBases, newsFeedPath } from '../paths.js';
import type { PublicContent } from '../queries.js';
import { baseUrl } from './ics.js';

/** Entries the feed holds: the latest ones. */
export const newsFeedSize = 20;

const later = (a: Date, b: Date) => (a > b ? a : b);

export function newsFeed(
  items: Pick<PublicContent, 'id' | 'kind' | 'slug' | 'title' | 'summary' | 'publishAt' | 'updatedAt'>[],
  site: { publicUrl: string; siteName: string },
): string {
  const base = baseUrl(site.publicUrl);
  // A scheduled news item was last edited before it went public: its Atom « updated » is its publication.
  const updated = (i: (typeof items)[number]) => later(new Date(i.updatedAt), new Date(i.publishAt));
  const feed = new Feed({
    id: `${base}${newsFeedPath}`,
    title: `Récits et actualités — ${site.siteName}`,
    description: `Les derniers récits, réussites et actualités de ${site.siteName}.`,
    link: `${base}${kindBases.news}`,
    language: 'fr',
    updated: items.length ? items.map(updated).reduce(later) : new Date(0),
    feedLinks: { atom: `${base}${newsFeedPath}` },
    author: { name: site.siteName, link: base },
    copyright: `© ${site.siteName}`,
    generator: false,
  });
  for (const i of items) {
    feed.addItem({
      // The package marks titles and summaries `type="html"` inside CDATA: plain text goes in escaped, so
      // « Prix < 5 € » stays text in a reader and no `]]>` can end the CDATA section.
      title: xmlText(i.title),
      id: `urn:uuid:${i.id}`,
      link: `${base}${contentPath(i.kind, i.slug)}`,
      date: updated(i),
      published: new Date(i.publishAt),
      description: i.summary ? xmlText(i.summary) : undefined,
    });
  }
  return feed.atom1();
}
