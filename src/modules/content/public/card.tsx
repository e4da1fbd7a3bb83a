import { ResponsiveImage } from '../../../core/files/index.js';
import { contentPath } from '../paths.js';
import type { PublicContent } from '../queries.js';
import { themeName } from '../themes.js';

const dayFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });
/** « 24 novembre 2026 », in the territory's time zone. */
export const formatDay = (d: Date | string) => dayFormat.format(new Date(d));
/** The machine-readable day of a <time> element. */
export const isoDay = (d: Date | string) => new Date(d).toISOString();

/** Names for the tags a card or a page shows (profiles and communes by their name, themes from themes.ts). */
export interface TagNames {
  profiles: Map<string, string>;
  communes: Map<string, string>;
}

/** A content in a list: lead image, title linking to the page, summary, date, tags (as text: the page links them). */
export function ContentCard({
  content: c,
  names,
  headingLevel = 2,
}: {
  content: PublicContent;
  names: TagNames;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const tags = [
    ...c.profiles.map((p) => names.profiles.get(p) ?? p),
    ...c.themes.map(themeName),
    ...c.communeCodes.map((code) => names.communes.get(code) ?? code),
  ];
  return (
    <article class="content-card">
      {c.imageFileId && (
        <ResponsiveImage
          file={{ id: c.imageFileId, width: c.imageWidth, height: c.imageHeight }}
          alt={c.imageAlt ?? ''}
          class="content-card__image"
        />
      )}
      <div class="content-card__body">
        <Heading class="content-card__title">
          <a href={contentPath(c.kind, c.slug)}>{c.title}</a>
        </Heading>
        {c.demo && <span class="demo-badge">Exemple fictif</span>}
        {c.summary && <p>{c.summary}</p>}
        <p class="content-card__date">
          <time dateTime={isoDay(c.publishAt)}>{formatDay(c.publishAt)}</time>
        </p>
        {tags.length > 0 && (
          <ul class="tags content-card__tags" aria-label="Thèmes">
            {tags.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        )}
      </div>
    </article>
  );
}
