/** The profile form: what an ambassador may change themselves, parsed with the sign-up's list rules. */
import type { FieldErrors } from '../../../core/http/index.js';
import type { CommuneSummary } from '../../territory/index.js';
import { type AmbassadorWilling, ambassadorWillings } from '../schema.js';
import { maxItemLength, maxListItems, splitList } from '../signup/form.js';
import { type Chapter, matchCommune } from '../signup/store.js';

export const profileFieldOrder = [
  'phone',
  'commune',
  'city',
  'country',
  'chapter',
  'trade',
  'skills',
  'languages',
  'interests',
  'willing',
  'childrenAges',
  'newsletterOptOut',
];

export interface ProfileValue {
  phone: string | null;
  communeCode: string | null;
  city: string | null;
  country: string | null;
  chapterSlug: string | null;
  trade: string | null;
  skills: string[];
  languages: string[];
  interests: string[];
  willing: AmbassadorWilling[];
  childrenAges: number[];
  newsletterOptOut: boolean;
}
export type ProfileValues = Record<string, string | string[]>;

const phonePattern = /^\+?[0-9 .()-]{6,25}$/;
export const maxChildren = 12;

const text = (body: Record<string, unknown>, key: string) => {
  const v = body[key];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' ? s.trim() : '';
};

/** « 4, 9 » → [4, 9]; null when an item is not a whole number from 0 to 25. */
export function parseAges(raw: string): number[] | null {
  const items = splitList(raw);
  if (!items.every((i) => /^\d{1,2}$/.test(i) && Number(i) <= 25)) return null;
  return items.map(Number).sort((a, b) => a - b);
}

export function parseProfile(
  body: Record<string, unknown>,
  communes: CommuneSummary[],
  chapters: Chapter[],
): { ok: true; value: ProfileValue } | { ok: false; errors: FieldErrors; values: ProfileValues } {
  const errors: FieldErrors = {};
  const values: ProfileValues = Object.fromEntries(
    profileFieldOrder.filter((f) => f !== 'willing').map((f) => [f, text(body, f)]),
  );
  const rawWilling = body.willing;
  values.willing = (Array.isArray(rawWilling) ? rawWilling : [rawWilling]).filter(
    (w): w is string => typeof w === 'string' && (ambassadorWillings as readonly string[]).includes(w),
  );
  const v = (f: string) => values[f] as string;
  const tooLong = (f: string, max: number) => {
    if (v(f).length > max) errors[f] = `Saisissez au plus ${max} caractères.`;
  };

  if (v('phone') && !phonePattern.test(v('phone')))
    errors.phone = 'Saisissez un numéro de téléphone valide, par exemple 05 65 00 00 00.';
  let commune: CommuneSummary | undefined;
  if (v('commune')) {
    commune = matchCommune(communes, v('commune'));
    if (!commune)
      errors.commune = 'Cette commune n’est pas une commune du Lot : choisissez-la dans la liste proposée.';
  } else {
    if (!v('city')) errors.city = 'Indiquez votre commune du Lot, ou votre ville et votre pays hors du Lot.';
    if (!v('country')) errors.country = 'Indiquez le pays où vous vivez.';
  }
  tooLong('city', 120);
  tooLong('country', 120);
  let chapterSlug: string | null = null;
  if (v('chapter')) {
    const chapter = chapters.find((c) => c.slug === v('chapter'));
    if (!chapter) errors.chapter = 'Choisissez un groupe dans la liste.';
    chapterSlug = chapter?.slug ?? null;
  } else if (commune?.epciCode) {
    // No choice: the local group of the commune's intercommunality, as at sign-up.
    const epci = commune.epciCode;
    chapterSlug = chapters.find((c) => c.kind === 'local' && c.epciCode === epci)?.slug ?? null;
  }
  tooLong('trade', 120);
  const lists = {
    skills: splitList(v('skills')),
    languages: splitList(v('languages')),
    interests: splitList(v('interests')),
  };
  for (const [f, items] of Object.entries(lists)) {
    if (items.length > maxListItems) errors[f] = `Indiquez au plus ${maxListItems} éléments.`;
    else if (items.some((i) => i.length > maxItemLength))
      errors[f] = `Chaque élément doit faire au plus ${maxItemLength} caractères.`;
  }
  const ages = parseAges(v('childrenAges'));
  if (!ages)
    errors.childrenAges =
      'Indiquez des âges en années, de 0 à 25, séparés par des virgules, par exemple : 4, 9.';
  else if (ages.length > maxChildren) errors.childrenAges = `Indiquez au plus ${maxChildren} âges.`;

  if (Object.keys(errors).length > 0) {
    const ordered = Object.fromEntries(
      Object.entries(errors).sort(([a], [b]) => profileFieldOrder.indexOf(a) - profileFieldOrder.indexOf(b)),
    );
    return { ok: false, errors: ordered, values };
  }
  const orNull = (f: string) => v(f) || null;
  return {
    ok: true,
    value: {
      phone: orNull('phone'),
      communeCode: commune?.code ?? null,
      city: commune ? null : v('city'),
      country: commune ? null : v('country'),
      chapterSlug,
      trade: orNull('trade'),
      ...lists,
      willing: values.willing as AmbassadorWilling[],
      childrenAges: ages ?? [],
      newsletterOptOut: v('newsletterOptOut') === 'oui',
    },
  };
}
