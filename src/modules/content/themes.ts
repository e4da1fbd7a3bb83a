/**
 * The themes content is tagged with and the « Pourquoi le Lot » pages are built from: what makes the quality of
 * life here, in the programme's words (nature, heritage, sports, broadband, transport, housing…).
 */
export const themes = [
  { slug: 'nature', name: 'Nature et grands espaces' },
  { slug: 'patrimoine', name: 'Patrimoine et art de vivre' },
  { slug: 'culture', name: 'Culture, fêtes et artistes' },
  { slug: 'sport', name: 'Sports et loisirs' },
  { slug: 'sante', name: 'Santé' },
  { slug: 'education', name: 'Écoles et petite enfance' },
  { slug: 'numerique', name: 'Fibre et numérique' },
  { slug: 'transport', name: 'Se déplacer' },
  { slug: 'logement', name: 'Se loger' },
  { slug: 'emploi', name: 'Travailler et entreprendre' },
] as const;
export type ThemeSlug = (typeof themes)[number]['slug'];

export const themeName = (slug: string) => themes.find((t) => t.slug === slug)?.name ?? slug;
export const isTheme = (slug: string): slug is ThemeSlug => themes.some((t) => t.slug === slug);

/** What each kind is called, singular and plural (back office, lists, breadcrumbs). */
export const kindLabels = {
  story: { one: 'Récit', many: 'Récits et portraits' },
  success: { one: 'Réussite', many: 'Réussites' },
  news: { one: 'Actualité', many: 'Actualités' },
  page: { one: 'Page', many: 'Pages' },
  event: { one: 'Événement', many: 'Agenda' },
} as const;

export const statusLabels = { draft: 'Brouillon', review: 'À relire', published: 'Publié' } as const;
