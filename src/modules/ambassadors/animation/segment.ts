/**
 * A newsletter's segment: the filters staff choose (chapter, commune, word, willing, activity), checked like
 * any form, stored as a query string on the newsletter, and turned into one SQL filter for the count and the
 * send. Recipients are always active, not erased and not opted out.
 */
import { type SQL, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { type Db, one, rows } from '../../../core/db/index.js';
import { type FieldErrors, parseForm } from '../../../core/http/index.js';
import { type AmbassadorWilling, ambassadorWillings } from '../schema.js';
import type { Choices } from '../staff/queries.js';
import { dormantCutoff } from './dormancy.js';

export const SegmentFields = {
  chapitre: Type.Optional(Type.String({ maxLength: 100, pattern: '^[a-z0-9-]+$' })),
  commune: Type.Optional(Type.String({ pattern: '^[0-9][0-9AB][0-9]{3}$' })),
  mot: Type.Optional(Type.String({ maxLength: 100 })),
  volontaire: Type.Optional(Type.Enum(ambassadorWillings)),
  activite: Type.Optional(Type.Enum(['active', 'dormant'])),
  mois: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
};
export const segmentMessages = {
  chapitre: 'Choisissez un chapitre dans la liste.',
  commune: 'Choisissez une commune du Lot dans la liste.',
  mot: 'Saisissez 100 caractères au plus.',
  volontaire: 'Choisissez un engagement dans la liste.',
  activite: 'Choisissez une activité dans la liste.',
  mois: 'Indiquez un nombre de mois entre 1 et 60.',
};

export interface Segment {
  chapter?: string;
  commune?: string;
  word?: string;
  willing?: AmbassadorWilling;
  activity?: 'active' | 'dormant';
  /** For « active »: active in the last this many months. */
  months?: number;
}

/** Checks the references the schema cannot (chapters and communes that exist). */
export function checkSegment(
  value: {
    chapitre?: string;
    commune?: string;
    mot?: string;
    volontaire?: AmbassadorWilling;
    activite?: 'active' | 'dormant';
    mois?: number;
  },
  choices: Choices,
): { segment: Segment; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (value.chapitre && !choices.chapters.some((c) => c.slug === value.chapitre))
    errors.chapitre = segmentMessages.chapitre;
  if (value.commune && !choices.communes.some((c) => c.code === value.commune))
    errors.commune = segmentMessages.commune;
  if (value.activite === 'active' && !value.mois)
    errors.mois = 'Indiquez sur combien de mois compter l’activité.';
  return {
    segment: {
      chapter: value.chapitre,
      commune: value.commune,
      word: value.mot || undefined,
      willing: value.volontaire,
      activity: value.activite,
      months: value.activite === 'active' ? value.mois : undefined,
    },
    errors,
  };
}

export function segmentQuery(s: Segment): string {
  const search = new URLSearchParams();
  const params: Record<string, string | number | undefined> = {
    chapitre: s.chapter,
    commune: s.commune,
    mot: s.word,
    volontaire: s.willing,
    activite: s.activity,
    mois: s.months,
  };
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  return search.toString();
}

/** A stored segment back to its filters (the newsletter row was written by this code: no reference check). */
export function parseSegmentQuery(query: string): Segment {
  const parsed = parseForm(Type.Object(SegmentFields), Object.fromEntries(new URLSearchParams(query)));
  if (!parsed.ok) return {};
  const v = parsed.value;
  return {
    chapter: v.chapitre,
    commune: v.commune,
    word: v.mot || undefined,
    willing: v.volontaire,
    activity: v.activite,
    months: v.activite === 'active' ? v.mois : undefined,
  };
}

function segmentWhere(s: Segment, dormantMonths: number, now: Date): SQL {
  const parts: SQL[] = [
    sql`a.status = 'active'`,
    sql`a.erased_at is null`,
    sql`a.newsletter_opt_out = false`,
  ];
  if (s.chapter) parts.push(sql`a.chapter_slug = ${s.chapter}`);
  if (s.commune) parts.push(sql`a.commune_code = ${s.commune}`);
  if (s.willing) parts.push(sql`${s.willing} = any(a.willing)`);
  if (s.word) {
    const pattern = `%${s.word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(sql`f_unaccent(lower(concat_ws(' ', a.trade, array_to_string(a.skills, ' '),
      array_to_string(a.interests, ' ')))) like f_unaccent(lower(${pattern}))`);
  }
  if (s.activity === 'dormant')
    parts.push(sql`a.last_activity_at < ${dormantCutoff(now, dormantMonths).toISOString()}::timestamptz`);
  if (s.activity === 'active' && s.months)
    parts.push(sql`a.last_activity_at >= ${dormantCutoff(now, s.months).toISOString()}::timestamptz`);
  return sql.join(parts, sql` and `);
}

export async function countSegment(db: Db, s: Segment, dormantMonths: number, now = new Date()) {
  const r = await one<{ n: number }>(
    db,
    sql`select count(*)::int as n from ambassadors a where ${segmentWhere(s, dormantMonths, now)}`,
  );
  return r?.n ?? 0;
}

export function segmentRecipients(db: Db, s: Segment, dormantMonths: number, now = new Date()) {
  return rows<{ id: string; name: string; email: string }>(
    db,
    sql`select a.id, a.name, a.email from ambassadors a where ${segmentWhere(s, dormantMonths, now)}
      order by a.created_at, a.id`,
  );
}

/** The segment in words, for the list and the preview. */
export function describeSegment(s: Segment, choices: Choices, willingLabels: Record<string, string>): string {
  const parts: string[] = [];
  if (s.chapter)
    parts.push(`chapitre ${choices.chapters.find((c) => c.slug === s.chapter)?.name ?? s.chapter}`);
  if (s.commune)
    parts.push(`commune ${choices.communes.find((c) => c.code === s.commune)?.name ?? s.commune}`);
  if (s.word) parts.push(`« ${s.word} »`);
  if (s.willing) parts.push(`volontaires pour ${(willingLabels[s.willing] ?? s.willing).toLowerCase()}`);
  if (s.activity === 'dormant') parts.push('inactifs');
  if (s.activity === 'active' && s.months) parts.push(`actifs ces ${s.months} derniers mois`);
  return parts.length ? parts.join(', ') : 'tout le réseau';
}
