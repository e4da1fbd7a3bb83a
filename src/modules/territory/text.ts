/**
 * Names to slugs and search keys. The same folding runs here and, for search, in SQL
 * (f_unaccent(lower(name)) then every non-alphanumeric run to one space), so both sides compare alike.
 */

const ligatures: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };

/** Lowercase ASCII: accents dropped, ligatures spelt out ("Cœur" → "coeur", "Évêque" → "eveque"). */
export function foldAscii(text: string): string {
  return text
    .toLowerCase()
    .replace(/[œæß]/g, (c) => ligatures[c])
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** "Puy-l'Évêque" → "puy-l-eveque"; "Saint Géry-Vers" → "saint-gery-vers". */
export function slugify(name: string): string {
  return foldAscii(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** One slug per item; when two names give the same slug, both get their code appended. */
export function uniqueSlugs(items: { code: string; name: string }[]): Map<string, string> {
  const byBase = new Map<string, string[]>();
  for (const item of items) {
    const base = slugify(item.name) || item.code;
    byBase.set(base, [...(byBase.get(base) ?? []), item.code]);
  }
  const slugs = new Map<string, string>();
  for (const [base, codes] of byBase) {
    for (const code of codes) slugs.set(code, codes.length > 1 ? `${base}-${code.toLowerCase()}` : base);
  }
  return slugs;
}

/** Common abbreviations in commune names, spelt out as the official names have them. */
const abbreviations: Record<string, string> = { st: 'saint', ste: 'sainte', sts: 'saints', stes: 'saintes' };

/**
 * A search query as a comparable key: folded, punctuation (hyphens, apostrophes) to spaces, abbreviations
 * spelt out. "St-Cirq  Lapopie" → "saint cirq lapopie". Empty when nothing searchable is left.
 */
export function normalizeSearch(query: string): string {
  return foldAscii(query)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .map((word) => abbreviations[word] ?? word)
    .join(' ');
}

/** The letter a name is filed under in an alphabetical index ("Éspédaillac" under E). */
export function indexLetter(name: string): string {
  const first = foldAscii(name).replace(/[^a-z0-9]/g, '')[0] ?? '#';
  return /[a-z]/.test(first) ? first.toUpperCase() : '#';
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', ignorePunctuation: false });

/** French alphabetical order, the same whatever the database collation. */
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b);
}

/**
 * The query with two neighbouring letters swapped, each way it can be ("cahros" → …, "cahors", …): the
 * commonest typo, which trigrams alone score poorly. Only for short queries (the list grows with length).
 */
export function transpositions(text: string, maxLength = 24): string[] {
  if (text.length > maxLength) return [];
  const variants = new Set<string>();
  for (let i = 0; i < text.length - 1; i++) {
    const a = text[i];
    const b = text[i + 1];
    if (a === b || a === ' ' || b === ' ') continue;
    variants.add(text.slice(0, i) + b + a + text.slice(i + 2));
  }
  return [...variants];
}
