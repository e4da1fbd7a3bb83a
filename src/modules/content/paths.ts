import type { ContentKind } from './schema.js';

/** Every URL of the editorial content, so parts link to each other without guessing. */
export const kindBases: Record<ContentKind, string> = {
  story: '/recits',
  success: '/reussites',
  news: '/actualites',
  event: '/agenda',
  page: '/pages',
};

/**
 * A content's address: lowercase letters, digits and hyphens, 90 characters at most (the router refuses path
 * parameters over 100, and an event's « .ics » counts in its parameter).
 */
export const slugMax = 90;
export const slugPattern = /^[a-z0-9][a-z0-9-]{0,89}$/;

/** The public page of a content: « /recits/<slug> », « /agenda/<slug> »… */
export const contentPath = (kind: ContentKind, slug: string) => `${kindBases[kind]}/${slug}`;

/** Feeds: the news as Atom, the events as iCalendar (all, or one). */
export const newsFeedPath = '/actualites/flux.atom';
export const calendarPath = '/agenda/agenda.ics';
export const eventIcsPath = (slug: string) => `/agenda/${slug}.ics`;

/** « Pourquoi le Lot »: quality of life by theme, from tagged content and facts. */
export const whyBase = '/pourquoi-le-lot';
export const whyThemePath = (theme: string) => `${whyBase}/${theme}`;

/** One search over content, communes and opportunities. */
export const searchPath = '/recherche';

/** Back office (editors and administrators). */
export const adminBase = '/admin/contenus';
export const adminPaths = {
  list: adminBase,
  /** ?type=story|success|news|page|event */
  create: `${adminBase}/nouveau`,
  edit: (id: string) => `${adminBase}/${id}`,
  /** The rendered preview of the saved draft (or of the posted form, by POST). */
  preview: (id: string) => `${adminBase}/${id}/apercu`,
  revisions: (id: string) => `${adminBase}/${id}/versions`,
};
