/** The content form's values as typed, read back from a content, and checked into what the store saves. */
import type { Db } from '../../../core/db/index.js';
import type { FieldErrors } from '../../../core/http/index.js';
import { listCommunes, listEpcis, normalizeSearch, slugify } from '../../territory/index.js';
import { listProfiles } from '../brand.js';
import { parseVideoUrl } from '../markdown/index.js';
import { slugMax } from '../paths.js';
import type { ContentKind } from '../schema.js';
import { isTheme } from '../themes.js';
import { parisInputs, parisInstant, parisLocalValue } from './dates.js';
import type { Content, ContentInput } from './store.js';

export const summaryMax = 300;
export const titleMax = 200;
/** A long article is 20 000 characters; the form's multipart field limit is set above this (see form-routes). */
export const bodyMax = 50_000;

export interface FormValues {
  revision: string;
  title: string;
  slug: string;
  summary: string;
  body: string;
  videoUrl: string;
  imageAlt: string;
  removeImage: boolean;
  bodyImageAlt: string;
  /** Body images ticked « Retirer cette image ». */
  removeBodyImages: string[];
  profiles: string[];
  themes: string[];
  epcis: string[];
  communes: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  allDay: boolean;
  placeName: string;
  placeAddress: string;
  placeCommune: string;
  forAmbassadors: boolean;
  publishAt: string;
}

export const emptyValues: FormValues = {
  revision: '',
  title: '',
  slug: '',
  summary: '',
  body: '',
  videoUrl: '',
  imageAlt: '',
  removeImage: false,
  bodyImageAlt: '',
  removeBodyImages: [],
  profiles: [],
  themes: [],
  epcis: [],
  communes: '',
  startDate: '',
  startTime: '',
  endDate: '',
  endTime: '',
  allDay: false,
  placeName: '',
  placeAddress: '',
  placeCommune: '',
  forAmbassadors: false,
  publishAt: '',
};

/** Browsers send line breaks as CRLF: one character, as the textarea's maxlength counts them. */
const text = (v: unknown) => (typeof v === 'string' ? v.replace(/\r\n?/g, '\n').trim() : '');
const list = (v: unknown) =>
  (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x !== '');
const checked = (v: unknown) => v === 'oui';

export function valuesFromBody(body: Record<string, unknown>): FormValues {
  return {
    revision: text(body.revision),
    title: text(body.title),
    slug: text(body.slug),
    summary: text(body.summary),
    body: text(body.body),
    videoUrl: text(body.videoUrl),
    imageAlt: text(body.imageAlt),
    removeImage: checked(body.removeImage),
    bodyImageAlt: text(body.bodyImageAlt),
    removeBodyImages: list(body.removeBodyImages),
    profiles: list(body.profiles),
    themes: list(body.themes),
    epcis: list(body.epcis),
    communes: text(body.communes),
    startDate: text(body.startDate),
    startTime: text(body.startTime),
    endDate: text(body.endDate),
    endTime: text(body.endTime),
    allDay: checked(body.allDay),
    placeName: text(body.placeName),
    placeAddress: text(body.placeAddress),
    placeCommune: text(body.placeCommune),
    forAmbassadors: checked(body.forAmbassadors),
    publishAt: text(body.publishAt),
  };
}

/** The form as a saved content fills it (communes by name, dates in Paris). */
export async function valuesFromContent(db: Db, c: Content, imageAlt: string | null): Promise<FormValues> {
  const names = new Map((await listCommunes(db)).map((x) => [x.code, x.name]));
  const start = parisInputs(c.startsAt);
  const end = parisInputs(c.endsAt);
  return {
    ...emptyValues,
    revision: String(c.revision),
    title: c.title,
    slug: c.slug,
    summary: c.summary,
    body: c.body,
    videoUrl: c.videoUrl ?? '',
    imageAlt: imageAlt ?? '',
    profiles: c.profiles,
    themes: c.themes,
    epcis: c.epciCodes,
    communes: c.communeCodes.map((code) => names.get(code) ?? code).join(', '),
    startDate: start.date,
    startTime: c.allDay ? '' : start.time,
    endDate: end.date,
    endTime: c.allDay ? '' : end.time,
    allDay: c.allDay,
    placeName: c.placeName ?? '',
    placeAddress: c.placeAddress ?? '',
    placeCommune: c.placeCommuneCode ? (names.get(c.placeCommuneCode) ?? c.placeCommuneCode) : '',
    forAmbassadors: c.forAmbassadors,
    publishAt: c.status === 'published' ? parisLocalValue(c.publishAt) : '',
  };
}

/** Commune names or INSEE codes, separated by commas, semicolons or lines; unknown ones are named back. */
async function resolveCommunes(db: Db, raw: string): Promise<{ codes: string[]; unknown: string[] }> {
  const items = raw
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (!items.length) return { codes: [], unknown: [] };
  const all = await listCommunes(db);
  const byCode = new Map(all.map((c) => [c.code, c.code]));
  const byName = new Map(all.map((c) => [normalizeSearch(c.name), c.code]));
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const item of items) {
    const code = byCode.get(item.toUpperCase()) ?? byName.get(normalizeSearch(item));
    if (!code) unknown.push(item);
    else if (!codes.includes(code)) codes.push(code);
  }
  return { codes, unknown };
}

export type Checked =
  | { ok: true; input: Omit<ContentInput, 'imageFileId'> }
  | { ok: false; errors: FieldErrors };

/** An address made from a title: at most slugMax characters, cut after a whole word. */
function shorten(slug: string): string {
  if (slug.length <= slugMax) return slug;
  const cut = slug.slice(0, slugMax + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 20 ? cut.slice(0, lastHyphen) : cut.slice(0, slugMax)).replace(/-+$/, '');
}

/** Every rule of the form, each broken one as a French message at its field. */
export async function checkValues(db: Db, kind: ContentKind, v: FormValues): Promise<Checked> {
  const errors: FieldErrors = {};
  if (!v.title) errors.title = 'Indiquez un titre.';
  else if (v.title.length > titleMax)
    errors.title = `Le titre fait ${v.title.length} caractères : ${titleMax} au plus.`;
  // Made from a long title, the address is cut at a word boundary; typed too long, it is refused.
  const slug = v.slug ? v.slug : shorten(slugify(v.title));
  if (v.slug && v.slug !== slugify(v.slug))
    errors.slug =
      'L’adresse ne peut contenir que des lettres minuscules sans accent, des chiffres et des tirets.';
  else if (v.slug.length > slugMax)
    errors.slug = `L’adresse fait ${v.slug.length} caractères : ${slugMax} au plus.`;
  else if (!slug && v.title) errors.slug = 'Indiquez une adresse (lettres, chiffres et tirets).';
  if (v.body.length > bodyMax)
    errors.body = `Le texte fait ${v.body.length} caractères : ${bodyMax} au plus. Découpez-le en plusieurs contenus.`;
  if (v.summary.length > summaryMax)
    errors.summary = `Le chapeau fait ${v.summary.length} caractères : raccourcissez-le à ${summaryMax} au plus.`;
  if (v.videoUrl && !parseVideoUrl(v.videoUrl))
    errors.videoUrl =
      'Ce lien n’est pas celui d’une vidéo d’un hébergeur connu (YouTube, Vimeo, Dailymotion, PeerTube).';
  const profiles = new Set((await listProfiles(db)).map((p) => p.slug));
  if (v.profiles.some((p) => !profiles.has(p))) errors.profiles = 'Choisissez des profils dans la liste.';
  if (v.themes.some((t) => !isTheme(t))) errors.themes = 'Choisissez des thèmes dans la liste.';
  const epcis = new Set((await listEpcis(db)).map((e) => e.code));
  if (v.epcis.some((e) => !epcis.has(e))) errors.epcis = 'Choisissez des intercommunalités dans la liste.';
  const communes = await resolveCommunes(db, v.communes);
  if (communes.unknown.length)
    errors.communes = `Commune${communes.unknown.length > 1 ? 's' : ''} inconnue${communes.unknown.length > 1 ? 's' : ''} dans le Lot : ${communes.unknown.join(', ')}. Écrivez le nom exact ou le code INSEE.`;
  let startsAt: Date | null = null;
  let endsAt: Date | null = null;
  let placeCommuneCode: string | null = null;
  if (kind === 'event') {
    ({ startsAt, endsAt } = checkDates(v, errors));
    if (v.placeCommune) {
      const place = await resolveCommunes(db, v.placeCommune.replace(/[,;\n]/g, ' '));
      if (place.codes.length !== 1 || place.unknown.length)
        errors.placeCommune = 'Commune inconnue dans le Lot : écrivez le nom exact ou le code INSEE.';
      else placeCommuneCode = place.codes[0];
    }
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const event = kind === 'event';
  return {
    ok: true,
    input: {
      slug,
      title: v.title,
      summary: v.summary,
      body: v.body,
      videoUrl: v.videoUrl || null,
      profiles: v.profiles,
      themes: v.themes,
      communeCodes: communes.codes,
      epciCodes: v.epcis,
      startsAt,
      endsAt,
      allDay: event && v.allDay,
      placeName: (event && v.placeName) || null,
      placeAddress: (event && v.placeAddress) || null,
      placeCommuneCode,
      forAmbassadors: event && v.forAmbassadors,
    },
  };
}

/**
 * An event's dates in Paris. All day: the Paris midnight of the first day, and the last minute of the last day
 * (so the event stays « à venir » until that day ends). Otherwise a time is needed with each date.
 */
function checkDates(v: FormValues, errors: FieldErrors): { startsAt: Date | null; endsAt: Date | null } {
  let startsAt: Date | null = null;
  let endsAt: Date | null = null;
  if (!v.startDate) errors.startDate = 'Indiquez la date de début de l’événement.';
  else if (!v.allDay && !v.startTime)
    errors.startTime = 'Indiquez l’heure de début, ou cochez « Toute la journée ».';
  else {
    startsAt = parisInstant(v.startDate, v.allDay ? '00:00' : v.startTime);
    if (!startsAt) errors.startDate = 'Cette date de début n’existe pas : utilisez le format jj/mm/aaaa.';
  }
  if (v.endDate || v.endTime) {
    if (!v.endDate) errors.endDate = 'Indiquez la date de fin, ou effacez l’heure de fin.';
    else if (!v.allDay && !v.endTime)
      errors.endTime = 'Indiquez l’heure de fin, ou cochez « Toute la journée ».';
    else {
      endsAt = parisInstant(v.endDate, v.allDay ? '23:59' : v.endTime);
      if (!endsAt) errors.endDate = 'Cette date de fin n’existe pas : utilisez le format jj/mm/aaaa.';
      else if (startsAt && endsAt < startsAt) errors.endDate = 'La fin doit être après le début.';
    }
  }
  return { startsAt, endsAt };
}
