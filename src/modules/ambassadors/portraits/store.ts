import { eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.js';
import { type Db, one, rows } from '../../../core/db/index.js';
import { deleteStoredFile, type StoredFile, storeImage } from '../../../core/files/index.js';
import { bumpDataVersion } from '../../../core/http/index.js';
import { ambassadorActor, recordAmbassador } from '../journal.js';
import { type AmbassadorKind, type AmbassadorTie, ambassadors } from '../schema.js';
import { type Ambassador, markActive } from '../session.js';

export const portraitTextMax = 600;
export const portraitsPerPage = 24;
export const portraitPurpose = 'ambassador-portrait';

/** What the public page shows of an ambassador: nothing else leaves the database. */
export interface PublicPortrait {
  id: string;
  kind: AmbassadorKind;
  name: string;
  organisationName: string | null;
  tie: AmbassadorTie;
  communeName: string | null;
  city: string | null;
  country: string | null;
  text: string;
  photoId: string | null;
  photoWidth: number | null;
  photoHeight: number | null;
}

/** Shown publicly: validated, not erased, opted in, and with something to say. */
const published = sql`a.status = 'active' and a.erased_at is null and a.portrait_opt_in
  and coalesce(btrim(a.portrait_text), '') <> ''`;

export async function countPortraits(db: Db): Promise<number> {
  const row = await one<{ n: number }>(
    db,
    sql`select count(*)::int as n from ambassadors a where ${published}`,
  );
  return Number(row?.n ?? 0);
}

/** A page of portraits, the most recently validated first. */
export async function listPortraits(db: Db, page: number): Promise<PublicPortrait[]> {
  return rows<PublicPortrait>(
    db,
    sql`select a.id, a.kind, a.name, a.organisation_name as "organisationName", a.tie,
        c.name as "communeName", a.city, a.country, a.portrait_text as text,
        f.id as "photoId", f.width as "photoWidth", f.height as "photoHeight"
      from ambassadors a
      left join communes c on c.code = a.commune_code
      left join stored_files f on f.id = a.photo_file_id
      where ${published}
      order by a.validated_at desc nulls last, a.id
      limit ${portraitsPerPage} offset ${(page - 1) * portraitsPerPage}`,
  );
}

/** The journal keeps the shape of a portrait, not its words. */
const shape = (a: Pick<Ambassador, 'portraitOptIn' | 'portraitText' | 'photoFileId'>) => ({
  portraitOptIn: a.portraitOptIn,
  portraitTextLength: a.portraitText?.length ?? 0,
  photo: Boolean(a.photoFileId),
});

/**
 * Saves the portrait (and a new photo when given). The photo is checked and stored first: if it is refused,
 * nothing changes and the French message goes back to the form. A replaced photo is deleted everywhere.
 */
export async function savePortrait(
  ctx: AppContext,
  ambassador: Ambassador,
  input: { optIn: boolean; text: string | null; photo?: { data: Buffer; filename: string } },
): Promise<{ ok: true } | { ok: false; photoError: string }> {
  let photo: StoredFile | undefined;
  if (input.photo) {
    const stored = await storeImage(ctx, {
      purpose: portraitPurpose,
      data: input.photo.data,
      originalName: input.photo.filename,
      alt: `Portrait de ${ambassador.name}`,
    });
    if (!stored.ok) return { ok: false, photoError: stored.error };
    photo = stored.file;
  }
  const after = {
    portraitOptIn: input.optIn,
    portraitText: input.text,
    photoFileId: photo ? photo.id : ambassador.photoFileId,
  };
  await ctx.db
    .update(ambassadors)
    .set({ ...after, updatedAt: sql`now()` })
    .where(eq(ambassadors.id, ambassador.id));
  if (photo && ambassador.photoFileId) await deleteStoredFile(ctx, ambassador.photoFileId);
  await afterChange(ctx, ambassador, shape(ambassador), shape(after));
  return { ok: true };
}

/** « Retirer la photo »: the row forgets it, then the file and its variants go. */
export async function removePortraitPhoto(ctx: AppContext, ambassador: Ambassador): Promise<void> {
  if (!ambassador.photoFileId) return;
  await ctx.db
    .update(ambassadors)
    .set({ photoFileId: null, updatedAt: sql`now()` })
    .where(eq(ambassadors.id, ambassador.id));
  await deleteStoredFile(ctx, ambassador.photoFileId);
  await afterChange(ctx, ambassador, shape(ambassador), shape({ ...ambassador, photoFileId: null }));
}

async function afterChange(
  ctx: AppContext,
  ambassador: Ambassador,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
) {
  await recordAmbassador(
    ctx.db,
    ambassadorActor(ambassador.code),
    ambassador.id,
    'ambassador.portrait',
    before,
    after,
  );
  await markActive(ctx.db, ambassador.id);
  // The portraits page is publicly cached: any change to a portrait must show there.
  await bumpDataVersion(ctx.db);
}
