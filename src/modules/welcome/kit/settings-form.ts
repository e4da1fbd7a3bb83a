import { Type } from 'typebox';
import { type FieldErrors, parseForm } from '../../../core/http/index.js';
import { bodyLines, type KitSectionKind, parseLinkLine, sectionKinds } from './sections.js';

export interface SectionInput {
  title: string;
  kind: KitSectionKind;
  targetProfile: string | null;
  body: string;
  position: number;
}

const SectionForm = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 200 }),
  kind: Type.Union(sectionKinds.map((k) => Type.Literal(k))),
  targetProfile: Type.Optional(Type.String({ maxLength: 60 })),
  body: Type.String({ minLength: 1, maxLength: 5000 }),
  position: Type.Optional(Type.String({ maxLength: 10 })),
});

const messages = {
  title: 'Donnez un titre à la section (200 caractères au plus).',
  kind: 'Choisissez le type de section dans la liste.',
  targetProfile: 'Choisissez un profil dans la liste.',
  body: 'Écrivez le contenu de la section, une ligne par élément (5 000 caractères au plus).',
  position: 'L’ordre est un nombre entier, par exemple 10.',
};

export type SectionFormResult =
  | { ok: true; value: SectionInput }
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** A kit section from the settings form; every error in French at its field. */
export function parseSectionForm(body: unknown, profiles: string[]): SectionFormResult {
  const parsed = parseForm(SectionForm, body, messages);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const values = Object.fromEntries(
    Object.entries(v).map(([k, value]) => [k, String(value ?? '')]),
  ) as Record<string, string>;
  const errors: FieldErrors = {};
  const profile = v.targetProfile?.trim() || null;
  if (profile && !profiles.includes(profile)) errors.targetProfile = messages.targetProfile;
  const rawPosition = (v.position ?? '').replace(/\s/g, '');
  const position = rawPosition === '' ? 0 : Number(rawPosition);
  if (!/^-?\d{1,6}$/.test(rawPosition || '0') || !Number.isSafeInteger(position))
    errors.position = messages.position;
  const lines = bodyLines(v.body);
  if (lines.length === 0) errors.body = messages.body;
  if (v.kind === 'links') {
    const bad = lines.findIndex((line) => parseLinkLine(line) === null);
    if (bad >= 0)
      errors.body = `Ligne ${bad + 1} : écrivez chaque lien sous la forme « Libellé | https://adresse » (une adresse commençant par https:// ou http://).`;
  }
  if (Object.keys(errors).length) return { ok: false, errors, values };
  return {
    ok: true,
    value: { title: v.title, kind: v.kind, targetProfile: profile, body: lines.join('\n'), position },
  };
}
