import { sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { hashToken } from '../../../core/auth/index.js';
import { type Db, one, rows } from '../../../core/db/index.js';
import { type FieldErrors, parseForm } from '../../../core/http/index.js';
import { touchFile } from '../files.js';
import { householdActor, recordFile } from '../journal.js';

/** Why a household left; the code is what counts keep (the free detail is personal and erased). */
export const leftReasons = [
  { value: 'emploi', label: 'L’emploi' },
  { value: 'logement', label: 'Le logement' },
  { value: 'services', label: 'Les services ou la santé' },
  { value: 'isolement', label: 'L’isolement' },
  { value: 'famille', label: 'Une raison familiale' },
  { value: 'cout', label: 'Le coût de la vie' },
  { value: 'autre', label: 'Une autre raison' },
] as const;
export type LeftReasonCode = (typeof leftReasons)[number]['value'];

export const satisfactionLabels: Record<number, string> = {
  1: 'Pas du tout satisfait',
  2: 'Peu satisfait',
  3: 'Moyennement satisfait',
  4: 'Satisfait',
  5: 'Très satisfait',
};

/**
 * leftReason is stored as "<code>" or "<code>: <detail>": counts read the code before the colon, and erasure
 * may keep that code while dropping the detail.
 */
export const reasonCode = (leftReason: string | null): string | null =>
  leftReason ? (leftReason.split(':')[0]?.trim() ?? null) : null;

export function reasonLabel(leftReason: string | null): string | null {
  if (!leftReason) return null;
  const code = reasonCode(leftReason);
  const label = leftReasons.find((r) => r.value === code)?.label ?? code;
  const detail = leftReason.slice((code ?? '').length + 1).trim();
  return detail ? `${label} : ${detail}` : label;
}

const AnswerForm = Type.Object({
  stillHere: Type.Union([Type.Literal('oui'), Type.Literal('non')]),
  satisfaction: Type.Union(['1', '2', '3', '4', '5'].map((v) => Type.Literal(v))),
  missing: Type.Optional(Type.String({ maxLength: 2000 })),
  leftReason: Type.Optional(Type.Union(leftReasons.map((r) => Type.Literal(r.value)))),
  leftDetail: Type.Optional(Type.String({ maxLength: 500 })),
});
const messages = {
  stillHere: 'Indiquez si vous vivez toujours dans le Lot.',
  satisfaction: 'Choisissez votre niveau de satisfaction, de 1 à 5.',
  missing: 'Votre réponse sur ce qui vous manque est trop longue : 2 000 caractères au plus.',
  leftReason: 'Choisissez une raison dans la liste.',
  leftDetail: 'Votre précision est trop longue : 500 caractères au plus.',
};
/** The order of the fields on the page, for the error summary. */
const fieldOrder = ['stillHere', 'satisfaction', 'missing', 'leftReason', 'leftDetail'];

export interface Answers {
  stillHere: boolean;
  satisfaction: number;
  missing: string | null;
  leftReason: string | null;
}

export type ParsedAnswers =
  | { ok: true; value: Answers }
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

export function parseAnswers(body: unknown): ParsedAnswers {
  const parsed = parseForm(AnswerForm, body, messages);
  const values = parsed.ok ? stringValues(parsed.value) : parsed.values;
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  // The « why did you leave » question only concerns those who left: a reason is needed then, and ignored else.
  if (values.stillHere === 'non' && !errors.leftReason) {
    if (!values.leftReason)
      errors.leftReason = 'Indiquez pourquoi vous êtes parti, ou choisissez « Une autre raison ».';
    else if (values.leftReason === 'autre' && !values.leftDetail && !errors.leftDetail)
      errors.leftDetail = 'Précisez la raison de votre départ.';
  }
  if (!parsed.ok || Object.keys(errors).length > 0) {
    const sorted = Object.fromEntries(
      Object.entries(errors).sort(([a], [b]) => fieldOrder.indexOf(a) - fieldOrder.indexOf(b)),
    );
    return { ok: false, errors: sorted, values };
  }
  const v = parsed.value;
  const left = v.stillHere === 'non';
  const detail = left ? v.leftDetail?.trim() : undefined;
  return {
    ok: true,
    value: {
      stillHere: !left,
      satisfaction: Number(v.satisfaction),
      missing: v.missing?.trim() || null,
      leftReason: left && v.leftReason ? (detail ? `${v.leftReason}: ${detail}` : v.leftReason) : null,
    },
  };
}

const stringValues = (value: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string')) as Record<
    string,
    string
  >;

export interface TokenCheckin {
  id: string;
  fileId: string;
  months: number;
  reference: string;
  answeredAt: Date | null;
  fileStatus: string;
}

/** The check-in of an emailed token: unknown, or its state (a resent link replaces the previous token). */
export async function findByToken(db: Db, token: string): Promise<TokenCheckin | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  return one<TokenCheckin>(
    db,
    sql`select c.id, c.file_id as "fileId", c.months, f.reference, c.answered_at as "answeredAt",
          f.status as "fileStatus"
        from file_checkins c join newcomer_files f on f.id = c.file_id
        where c.token_hash = ${hashToken(token)} and c.sent_at is not null`,
  );
}

/** Stores the answers once; false when they were already given (a second tab, a double click). */
export async function storeAnswers(db: Db, checkin: TokenCheckin, answers: Answers): Promise<boolean> {
  const updated = await rows(
    db,
    sql`update file_checkins set answered_at = now(), still_here = ${answers.stillHere},
          satisfaction = ${answers.satisfaction}, missing = ${answers.missing}, left_reason = ${answers.leftReason}
        where id = ${checkin.id} and answered_at is null returning id`,
  );
  if (updated.length === 0) return false;
  await recordFile(db, householdActor(checkin.reference), checkin.fileId, 'checkin.answer', null, {
    months: checkin.months,
    ...answers,
  });
  await touchFile(db, checkin.fileId);
  return true;
}
