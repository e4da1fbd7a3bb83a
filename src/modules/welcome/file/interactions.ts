import { sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/index.js';
import { type Db, rows } from '../../../core/db/index.js';
import type { FieldErrors } from '../../../core/http/index.js';
import { touchFile } from '../files.js';
import { recordFile } from '../journal.js';
import { interactions } from '../schema.js';
import { parseDateTime } from './dates.js';

export const interactionKinds = [
  { value: 'call', label: 'Appel' },
  { value: 'email', label: 'E-mail' },
  { value: 'visit', label: 'Visite ou rendez-vous' },
  { value: 'event', label: 'Événement' },
  { value: 'note', label: 'Note' },
] as const;
type Kind = (typeof interactionKinds)[number]['value'];

export const interactionKindLabel = (kind: string) =>
  interactionKinds.find((k) => k.value === kind)?.label ?? kind;

export interface InteractionRow {
  id: string;
  kind: string;
  visibility: 'shared' | 'private';
  body: string;
  happenedAt: Date;
  authorName: string | null;
  organisationName: string | null;
}

/** Newest first; another organisation's private notes never leave the database. */
export async function listInteractions(db: Db, actor: Actor, fileId: string): Promise<InteractionRow[]> {
  return rows<InteractionRow>(
    db,
    sql`select i.id, i.kind, i.visibility, i.body, i.happened_at as "happenedAt", u.name as "authorName",
          o.name as "organisationName"
        from file_interactions i
        left join users u on u.id = i.author_id
        left join organisations o on o.id = i.organisation_id
        where i.file_id = ${fileId} and (i.visibility = 'shared' or i.organisation_id = ${actor.organisationId})
        order by i.happened_at desc, i.created_at desc`,
  );
}

/** Up to a day ahead (an event in the evening, a clock a little off); later is a mistake. */
const maxAheadMs = 24 * 60 * 60 * 1000;
const maxBody = 5000;

export type AddOutcome = { ok: true } | { ok: false; errors: FieldErrors; values: Record<string, string> };

const text = (body: Record<string, unknown>, key: string) => {
  const value = body[key];
  return typeof value === 'string' ? value.trim() : '';
};

export async function addInteraction(
  db: Db,
  actor: Actor,
  fileId: string,
  body: Record<string, unknown>,
  options: { now?: Date; ip?: string | null } = {},
): Promise<AddOutcome> {
  const now = options.now ?? new Date();
  const values = {
    interactionKind: text(body, 'interactionKind').slice(0, 20),
    interactionAt: text(body, 'interactionAt').slice(0, 40),
    interactionBody: text(body, 'interactionBody'),
    interactionVisibility: text(body, 'interactionVisibility').slice(0, 20),
  };
  const errors: FieldErrors = {};
  const kind = interactionKinds.find((k) => k.value === values.interactionKind)?.value as Kind | undefined;
  if (!kind) errors.interactionKind = 'Choisissez le type d’échange dans la liste.';
  const happenedAt = values.interactionAt ? parseDateTime(values.interactionAt) : now;
  if (!happenedAt)
    errors.interactionAt = 'Saisissez une date et une heure valides, par exemple 15/03/2026 14:30.';
  else if (happenedAt.getTime() - now.getTime() > maxAheadMs)
    errors.interactionAt = 'Un échange ne peut pas être daté de plus d’un jour après aujourd’hui.';
  if (!values.interactionBody) errors.interactionBody = 'Décrivez l’échange.';
  else if (values.interactionBody.length > maxBody)
    errors.interactionBody = `Saisissez ${maxBody} caractères au plus.`;
  const visibility = values.interactionVisibility === 'private' ? 'private' : 'shared';
  if (!['shared', 'private'].includes(values.interactionVisibility))
    errors.interactionVisibility = 'Choisissez qui peut lire cet échange.';
  if (Object.keys(errors).length || !kind || !happenedAt) return { ok: false, errors, values };

  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(interactions)
      .values({
        fileId,
        kind,
        visibility,
        body: values.interactionBody,
        happenedAt,
        authorId: actor.userId,
        organisationId: actor.organisationId,
      })
      .returning({ id: interactions.id });
    // The body stays out of the journal: the timeline is read by every partner, a private note is not.
    await recordFile(
      tx,
      actor,
      fileId,
      'interaction.add',
      null,
      { interactionId: row.id, kind, visibility, organisationId: actor.organisationId },
      options.ip ?? null,
    );
    await touchFile(tx, fileId);
  });
  return { ok: true };
}
