import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows } from '../../core/db/index.js';
import { invalid } from '../../core/http/index.js';
import { communes, epcis } from './schema.js';
import { normalizeSearch, transpositions } from './text.js';

export const maxQueryLength = 100;

export interface CommuneMatch {
  code: string;
  name: string;
  slug: string;
  postalCodes: string[];
  population: number | null;
  epciCode: string | null;
  epciName: string | null;
}

/** The name folded like normalizeSearch() folds the query (a stored generated column). */
const key = communes.searchKey;

/**
 * Finds communes by name (accents, case, hyphens and "St"/"Ste" ignored; typos tolerated through trigram
 * similarity), by postal code or INSEE code (whole or the first digits), or both ("46100 fig").
 * Ranked: exact name, name starting with the query, every word starting a word of the name, then the
 * closest by trigram similarity; ties go to the larger population. Explicit similarity thresholds (not the
 * pg_trgm settings) so PostgreSQL 15 and PGlite (18) answer alike.
 */
export async function searchCommunes(db: Db, query: string, limit = 20): Promise<CommuneMatch[]> {
  if (query.length > maxQueryLength) throw invalid(`Saisissez au plus ${maxQueryLength} caractères.`);
  const tokens = normalizeSearch(query).split(' ').filter(Boolean);
  const numbers = tokens.filter((t) => /^[0-9]+$/.test(t)).slice(0, 3);
  const words = tokens.filter((t) => !/^[0-9]+$/.test(t)).slice(0, 8);
  // A single digit would match nearly everything; an INSEE code may carry a letter (Corsica: 2A…).
  const codes = numbers.filter((n) => n.length >= 2 && n.length <= 5);
  const inseeLike =
    words.length === 1 && /^[0-9][ab][0-9]{0,3}$/.test(words[0]) ? words[0].toUpperCase() : null;
  if (inseeLike) words.length = 0;
  if (!codes.length && !words.length && !inseeLike) return [];

  const conditions: SQL[] = [];
  const ranking: SQL[] = [];
  const codeTerms = [...codes, ...(inseeLike ? [inseeLike] : [])];
  for (const code of codeTerms) {
    conditions.push(
      sql`(${communes.code} like ${`${code}%`} or exists (select 1 from unnest(${communes.postalCodes}) p where p like ${`${code}%`}))`,
    );
  }
  if (codeTerms.length) {
    const exactCode = codeTerms.map(
      (code) => sql`${communes.code} = ${code} or ${code} = any(${communes.postalCodes})`,
    );
    ranking.push(sql`(${sql.join(exactCode, sql` or `)}) desc`);
  }
  const text = words.join(' ');
  if (text) {
    const prefix = sql`${key} like ${`${text}%`}`;
    const allWords = sql.join(
      words.map((w) => sql`(' ' || ${key}) like ${`% ${w}%`}`),
      sql` and `,
    );
    // Two swapped letters ("cahros") count nearly as much as the right spelling; one-word queries only, as
    // each variant costs a similarity per commune.
    const variants = words.length === 1 && text.length >= 4 ? transpositions(text) : [];
    const swapped = variants.length
      ? sql`greatest(${sql.join(
          variants.map((v) => sql`similarity(${key}, ${v})`),
          sql`, `,
        )})`
      : null;
    const score = swapped
      ? sql`greatest(similarity(${key}, ${text}), word_similarity(${text}, ${key}), 0.9 * ${swapped})`
      : sql`greatest(similarity(${key}, ${text}), word_similarity(${text}, ${key}))`;
    conditions.push(
      sql`(${prefix} or (${allWords}) or similarity(${key}, ${text}) >= 0.3 or word_similarity(${text}, ${key}) >= 0.45${swapped ? sql` or ${swapped} >= 0.34` : sql``})`,
    );
    ranking.push(
      sql`(${key} = ${text}) desc`,
      sql`(${prefix}) desc`,
      sql`(${allWords}) desc`,
      sql`${score} desc`,
    );
  }
  const safeLimit = Math.max(1, Math.min(100, Math.floor(limit)));
  return rows<CommuneMatch>(
    db,
    sql`select ${communes.code} as code, ${communes.name} as name, ${communes.slug} as slug,
          ${communes.postalCodes} as "postalCodes", ${communes.population} as population,
          ${communes.epciCode} as "epciCode", ${epcis.name} as "epciName"
        from ${communes}
        left join ${epcis} on ${epcis.code} = ${communes.epciCode}
        where ${sql.join(conditions, sql` and `)}
        order by ${sql.join([...ranking, sql`${communes.population} desc nulls last`, sql`${communes.code}`], sql`, `)}
        limit ${safeLimit}`,
  );
}
