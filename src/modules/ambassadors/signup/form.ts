import type { FieldErrors } from '../../../core/http/index.js';
import type { CommuneSummary } from '../../territory/index.js';
import {
  type AmbassadorKind,
  type AmbassadorTie,
  type AmbassadorWilling,
  ambassadorKinds,
  ambassadorTies,
  ambassadorWillings,
} from '../schema.js';
import type { Chapter } from './store.js';
import { matchCommune } from './store.js';

export const kindLabels: Record<AmbassadorKind, string> = {
  person: 'À titre personnel',
  firm: 'Au nom d’une entreprise',
  association: 'Au nom d’une association',
};
export const tieLabels: Record<AmbassadorTie, string> = {
  born: 'Né(e) dans le Lot',
  adopted: 'Lotois d’adoption',
  returned: 'Revenu(e) vivre dans le Lot',
  'second-home': 'Résidence secondaire',
  diaspora: 'Lotois hors du Lot',
};
export const willingLabels: Record<AmbassadorWilling, string> = {
  share: 'Partager des contenus',
  host: 'Accueillir un nouvel arrivant (parrainage)',
  speak: 'Témoigner lors d’événements',
  leads: 'Signaler des personnes intéressées par le Lot',
};

/** The form as typed, to show it again; list fields keep their raw text, checkboxes their values. */
export interface SignupValues {
  [field: string]: string | string[] | undefined;
  willing?: string[];
}

export interface SignupValue {
  kind: AmbassadorKind;
  organisationName: string | null;
  name: string;
  email: string;
  phone: string | null;
  tie: AmbassadorTie;
  communeCode: string | null;
  city: string | null;
  country: string | null;
  chapterSlug: string | null;
  trade: string | null;
  skills: string[];
  languages: string[];
  interests: string[];
  willing: AmbassadorWilling[];
  portraitOptIn: boolean;
  portraitText: string | null;
}

/** The order of the fields on the page: the error summary follows it. */
export const fieldOrder = [
  'kind',
  'organisationName',
  'name',
  'email',
  'phone',
  'tie',
  'commune',
  'city',
  'country',
  'chapter',
  'trade',
  'skills',
  'languages',
  'interests',
  'willing',
  'charter',
  'portraitText',
];

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const phonePattern = /^\+?[0-9 .()-]{6,25}$/;
export const maxListItems = 20;
export const maxItemLength = 60;

const text = (body: Record<string, unknown>, key: string) => {
  const v = body[key];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' ? s.trim() : '';
};
const list = (body: Record<string, unknown>, key: string): string[] => {
  const v = body[key];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
    (x): x is string => typeof x === 'string',
  );
};
/** « cuisine, randonnée , » → ['cuisine', 'randonnée']: trimmed, empty and repeated items dropped. */
export const splitList = (raw: string) => [
  ...new Set(
    raw
      .split(',')
      .map((s) => s.trim().replace(/\s+/g, ' '))
      .filter(Boolean),
  ),
];

export function parseSignup(
  body: Record<string, unknown>,
  communes: CommuneSummary[],
  chapters: Chapter[],
): { ok: true; value: SignupValue } | { ok: false; errors: FieldErrors; values: SignupValues } {
  const errors: FieldErrors = {};
  const fields = [
    ...fieldOrder.filter((f) => f !== 'willing' && f !== 'charter'),
    'portraitOptIn',
    'charter',
  ];
  const values: SignupValues = Object.fromEntries(fields.map((f) => [f, text(body, f)]));
  values.willing = list(body, 'willing').filter((w) => (ambassadorWillings as readonly string[]).includes(w));
  const v = (f: string) => values[f] as string;
  const tooLong = (f: string, max: number) => {
    if (v(f).length > max) errors[f] = `Saisissez au plus ${max} caractères.`;
  };

  const kind = v('kind') as AmbassadorKind;
  if (!ambassadorKinds.includes(kind)) errors.kind = 'Indiquez à quel titre vous devenez ambassadeur.';
  if (kind === 'firm' || kind === 'association') {
    if (!v('organisationName'))
      errors.organisationName =
        kind === 'firm' ? 'Indiquez le nom de l’entreprise.' : 'Indiquez le nom de l’association.';
    tooLong('organisationName', 200);
  }
  if (!v('name')) errors.name = 'Indiquez votre nom.';
  tooLong('name', 200);
  if (!emailPattern.test(v('email')) || v('email').length > 254)
    errors.email = 'Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr.';
  if (v('phone') && !phonePattern.test(v('phone')))
    errors.phone = 'Saisissez un numéro de téléphone valide, par exemple 05 65 00 00 00.';

  const tie = v('tie') as AmbassadorTie;
  if (!ambassadorTies.includes(tie)) errors.tie = 'Indiquez votre lien avec le Lot.';
  let commune: CommuneSummary | undefined;
  let chapterSlug: string | null = null;
  if (tie === 'diaspora') {
    if (!v('city')) errors.city = 'Indiquez la ville où vous vivez.';
    tooLong('city', 120);
    if (!v('country')) errors.country = 'Indiquez le pays où vous vivez.';
    tooLong('country', 120);
    const chapter = chapters.find((c) => c.kind === 'diaspora' && c.slug === v('chapter'));
    if (!chapter) errors.chapter = 'Choisissez le groupe de Lotois hors du Lot que vous rejoignez.';
    chapterSlug = chapter?.slug ?? null;
  } else if (tie) {
    commune = v('commune') ? matchCommune(communes, v('commune')) : undefined;
    if (!v('commune')) errors.commune = 'Indiquez la commune du Lot où vous vivez.';
    else if (!commune)
      errors.commune = 'Cette commune n’est pas une commune du Lot : choisissez-la dans la liste proposée.';
    chapterSlug =
      chapters.find((c) => c.kind === 'local' && commune?.epciCode && c.epciCode === commune.epciCode)
        ?.slug ?? null;
  }
  tooLong('trade', 120);
  const lists: Record<'skills' | 'languages' | 'interests', string[]> = {
    skills: splitList(v('skills')),
    languages: splitList(v('languages')),
    interests: splitList(v('interests')),
  };
  for (const [f, items] of Object.entries(lists)) {
    if (items.length > maxListItems) errors[f] = `Indiquez au plus ${maxListItems} éléments.`;
    else if (items.some((i) => i.length > maxItemLength))
      errors[f] = `Chaque élément doit faire au plus ${maxItemLength} caractères.`;
  }
  if (v('charter') !== 'oui') errors.charter = 'Cochez la case pour accepter la charte des ambassadeurs.';
  const portraitOptIn = v('portraitOptIn') === 'oui';
  tooLong('portraitText', 600);

  if (Object.keys(errors).length > 0) {
    const ordered = Object.fromEntries(
      Object.entries(errors).sort(([a], [b]) => fieldOrder.indexOf(a) - fieldOrder.indexOf(b)),
    );
    return { ok: false, errors: ordered, values };
  }
  const orNull = (f: string) => v(f) || null;
  const person = kind === 'person';
  return {
    ok: true,
    value: {
      kind,
      organisationName: person ? null : v('organisationName'),
      name: v('name'),
      email: v('email').toLowerCase(),
      phone: orNull('phone'),
      tie,
      communeCode: commune?.code ?? null,
      city: tie === 'diaspora' ? v('city') : null,
      country: tie === 'diaspora' ? v('country') : null,
      chapterSlug,
      trade: orNull('trade'),
      ...lists,
      willing: values.willing as AmbassadorWilling[],
      portraitOptIn,
      portraitText: portraitOptIn ? orNull('portraitText') : null,
    },
  };
}
