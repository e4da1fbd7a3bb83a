/** The staff's mission form: typed fields, French messages at the field, the checks TypeBox cannot say. */
import { Type } from 'typebox';
import { type FieldErrors, isCalendarDay, parseForm } from '../../../core/http/index.js';
import { type MissionKind, missionKinds } from './labels.js';

export const MissionForm = Type.Object({
  kind: Type.Union(missionKinds.map((k) => Type.Literal(k))),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.String({ minLength: 1, maxLength: 5000 }),
  url: Type.Optional(Type.String({ maxLength: 2000 })),
  startsOn: Type.Optional(Type.String({ maxLength: 20 })),
  endsOn: Type.Optional(Type.String({ maxLength: 20 })),
  chapter: Type.Optional(Type.String({ maxLength: 100 })),
  notify: Type.Optional(Type.String({ maxLength: 10 })),
  intent: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('publish'), Type.Literal('save')])),
});

const messages = {
  kind: 'Choisissez le type de mission dans la liste.',
  title: 'Indiquez le titre de la mission (200 caractères au plus).',
  description: 'Décrivez la mission (5 000 caractères au plus).',
  url: 'Le lien ne doit pas dépasser 2 000 caractères.',
  startsOn: 'Saisissez une date de début valide, par exemple 15/03/2026.',
  endsOn: 'Saisissez une date de fin valide, par exemple 31/03/2026.',
  chapter: 'Choisissez un chapitre dans la liste.',
  intent: 'Choisissez une action du formulaire.',
};

export interface MissionInput {
  kind: MissionKind;
  title: string;
  description: string;
  url: string | null;
  startsOn: string | null;
  endsOn: string | null;
  chapterSlug: string | null;
  notify: boolean;
  intent: 'draft' | 'publish' | 'save';
}

export type MissionFormResult =
  | { ok: true; value: MissionInput }
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** "31/12/2026" as typed without a date picker → "2026-12-31"; anything else unchanged. */
function normaliseDay(text: string): string {
  const match = text.trim().match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
  if (!match) return text.trim();
  return `${match[3]}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}`;
}

/** An absolute http(s) link to another site, or a path on this one (« /opportunites/… »). */
export function isMissionUrl(url: string): boolean {
  if (/\s/.test(url)) return false;
  if (url.startsWith('/')) return !url.startsWith('//') && !url.startsWith('/\\');
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    const host = new URL(url).hostname;
    return host.includes('.') || host === 'localhost';
  } catch {
    return false;
  }
}

export function parseMissionForm(body: unknown, chapterSlugs: string[]): MissionFormResult {
  const parsed = parseForm(MissionForm, body, messages);
  const values = parsed.ok ? stringValues(body) : parsed.values;
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  const v = parsed.ok ? parsed.value : null;
  const raw = values;
  const startsOn = raw.startsOn ? normaliseDay(raw.startsOn) : '';
  const endsOn = raw.endsOn ? normaliseDay(raw.endsOn) : '';
  if (startsOn && !errors.startsOn && !isCalendarDay(startsOn)) errors.startsOn = messages.startsOn;
  if (endsOn && !errors.endsOn && !isCalendarDay(endsOn)) errors.endsOn = messages.endsOn;
  if (startsOn && endsOn && !errors.startsOn && !errors.endsOn && endsOn < startsOn)
    errors.endsOn = 'La date de fin doit être le même jour que la date de début ou après.';
  const url = raw.url ?? '';
  if (url && !errors.url && !isMissionUrl(url))
    errors.url =
      'Saisissez un lien qui commence par https:// (ou http://), ou une page du site qui commence par /.';
  const chapter = raw.chapter ?? '';
  if (chapter && !errors.chapter && !chapterSlugs.includes(chapter)) errors.chapter = messages.chapter;
  if (!v || Object.keys(errors).length) {
    if (Object.keys(errors).length === 0) errors._form = 'Le formulaire contient une erreur.';
    return { ok: false, errors, values };
  }
  return {
    ok: true,
    value: {
      kind: v.kind,
      title: v.title,
      description: v.description,
      url: url || null,
      startsOn: startsOn || null,
      endsOn: endsOn || null,
      chapterSlug: chapter || null,
      notify: v.notify === 'oui',
      intent: v.intent ?? 'save',
    },
  };
}

function stringValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>))
    if (key !== '_csrf' && typeof value === 'string') values[key] = value.trim();
  return values;
}
