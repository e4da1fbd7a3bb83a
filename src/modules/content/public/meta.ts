import { imageUrl } from '../../../core/files/index.js';
import { contentPath } from '../paths.js';
import type { PublicContent } from '../queries.js';

/** Raw SQL rows give timestamps as Date on node-postgres but as text on PGlite: read both. */
export const iso = (d: Date | string) => new Date(d).toISOString();

export interface Site {
  publicUrl: string;
  siteName: string;
}

/** The lead image's absolute URL (a 1280-wide JPEG: what link previews take), or null without one. */
const leadImage = (c: PublicContent, site: Site) =>
  c.imageFileId ? `${site.publicUrl}${imageUrl(c.imageFileId, 1280, 'jpg')}` : null;

/** The Open Graph properties of a content's page, for link previews on social networks and messengers. */
export function openGraph(c: PublicContent, site: Site): Record<string, string> {
  const image = leadImage(c, site);
  return {
    'og:type': 'article',
    'og:title': c.title,
    'og:description': c.summary || c.title,
    'og:url': `${site.publicUrl}${contentPath(c.kind, c.slug)}`,
    'og:site_name': site.siteName,
    'og:locale': 'fr_FR',
    ...(image ? { 'og:image': image, ...(c.imageAlt ? { 'og:image:alt': c.imageAlt } : {}) } : {}),
    'article:published_time': iso(c.publishAt),
    'article:modified_time': iso(c.updatedAt),
  };
}

/** The schema.org Article (NewsArticle for news) of a content, for search engines. */
export function articleJsonLd(c: PublicContent, site: Site): Record<string, unknown> {
  const url = `${site.publicUrl}${contentPath(c.kind, c.slug)}`;
  const image = leadImage(c, site);
  const publisher = { '@type': 'Organization', name: site.siteName, url: site.publicUrl };
  return {
    '@context': 'https://schema.org',
    '@type': c.kind === 'news' ? 'NewsArticle' : 'Article',
    headline: c.title,
    ...(c.summary ? { description: c.summary } : {}),
    ...(image ? { image: [image] } : {}),
    datePublished: iso(c.publishAt),
    dateModified: iso(c.updatedAt),
    inLanguage: 'fr-FR',
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    author: publisher,
    publisher,
  };
}
