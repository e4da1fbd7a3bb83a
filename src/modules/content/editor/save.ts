/**
 * The content form's POST: checks every field, stores the uploads, applies the button pressed (save, review,
 * publish, unpublish) and saves a new revision; or says why not, with everything typed kept.
 */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/index.js';
import type { AppContext } from '../../../core/context.js';
import { deleteStoredFile, storedFiles, storeImage } from '../../../core/files/index.js';
import { bumpDataVersion, type FieldErrors, type Upload, uploadIn } from '../../../core/http/index.js';
import { contentPolicy } from '../policy.js';
import type { ContentKind, ContentStatus } from '../schema.js';
import { parisDateTime } from './dates.js';
import {
  addContentImage,
  type Content,
  imageSnippet,
  listContentImages,
  removeContentImage,
  saveContent,
  slugTaken,
} from './store.js';
import { checkValues, type FormValues } from './values.js';

export const imagePurpose = 'content-image';

export const actions = ['save', 'review', 'publish', 'unpublish'] as const;
export type Action = (typeof actions)[number];
export const actionOf = (v: unknown): Action =>
  typeof v === 'string' && (actions as readonly string[]).includes(v) ? (v as Action) : 'save';

export type SaveOutcome =
  | { ok: true; content: Content; action: Action }
  | { ok: false; status: number; errors: FieldErrors; conflict?: Content }
  | { ok: false; status: 403 };

const altRequired =
  'Décrivez l’image : le texte alternatif est obligatoire (il est lu à qui ne la voit pas).';

export async function saveForm(
  ctx: AppContext,
  actor: Actor,
  kind: ContentKind,
  content: Content | null,
  values: FormValues,
  body: Record<string, unknown>,
): Promise<SaveOutcome> {
  const action = actionOf(body.action);
  if ((action === 'publish' || action === 'unpublish') && !contentPolicy(actor, 'publish'))
    return { ok: false, status: 403 };
  const lead = uploadIn(body, 'image');
  const inline = uploadIn(body, 'bodyImage');
  const checked = await checkValues(ctx.db, kind, values);
  const errors: FieldErrors = checked.ok ? {} : { ...checked.errors };
  const tooLarge = `L’image dépasse ${ctx.config.MAX_UPLOAD_MB} Mo : choisissez une image plus légère.`;
  if (lead?.truncated) errors.image = tooLarge;
  if (inline?.truncated) errors.bodyImage = tooLarge;
  const keepsLead = Boolean(content?.imageFileId) && !values.removeImage;
  if ((lead || keepsLead) && !values.imageAlt) errors.imageAlt = altRequired;
  if (inline && !values.bodyImageAlt) errors.bodyImageAlt = altRequired;
  if (!inline && values.bodyImageAlt)
    errors.bodyImage = 'Choisissez l’image à ajouter dans le texte, ou effacez son texte alternatif.';
  const placed = content ? await listContentImages(ctx.db, content.id) : [];
  const removed = placed.filter((i) => values.removeBodyImages.includes(i.fileId));
  const stillUsed = removed.filter((i) => values.body.toLowerCase().includes(`image:${i.fileId}`));
  if (stillUsed.length)
    errors.removeBodyImages = `Cette image est encore dans le texte : effacez d’abord ${stillUsed.map(imageSnippet).join(' et ')}, ou décochez « Retirer cette image ».`;
  let publishAt: Date | null = null;
  if (values.publishAt) {
    publishAt = parisDateTime(values.publishAt);
    if (!publishAt)
      errors.publishAt = 'Cette date n’existe pas : indiquez le jour et l’heure de publication.';
  }
  // A date to publish on is taken by « Publier » (or by saving a published content): typed on a draft or for a
  // review it would be dropped silently, so the form says so at the field, with the date kept.
  // (A published content's form shows its own date: sent back unchanged, it was not typed.)
  const typedDate =
    publishAt !== null &&
    !(content?.publishAt && Math.abs(publishAt.getTime() - content.publishAt.getTime()) < 60_000);
  const dropsDate = action === 'review' || (action === 'save' && content?.status !== 'published');
  if (typedDate && dropsDate)
    errors.publishAt =
      'Pour programmer la publication à cette date, utilisez le bouton « Publier » ; sinon, effacez la date.';
  const revision = Number(values.revision);
  if (content && !(Number.isSafeInteger(revision) && revision > 0))
    errors._form = 'Le formulaire est incomplet : rechargez la page et recommencez.';
  if (!checked.ok || Object.keys(errors).length) return refused(400, errors, lead, inline);
  const input = checked.input;
  if (await slugTaken(ctx.db, input.slug, content?.id ?? null))
    return refused(400, { slug: slugError }, lead, inline);
  if (content && content.revision !== revision) {
    return { ...refused(409, {}, lead, inline), conflict: content };
  }

  // Stored only once everything else is right: a refused form leaves no file behind.
  const stored: string[] = [];
  const store = async (u: Upload, alt: string, field: string) => {
    const r = await storeImage(ctx, {
      purpose: imagePurpose,
      data: u.data,
      originalName: u.filename,
      alt,
      createdBy: actor.userId,
    });
    if (!r.ok) return { error: { [field]: r.error } };
    stored.push(r.file.id);
    return { id: r.file.id };
  };
  const forget = async () => {
    for (const id of stored) await deleteStoredFile(ctx, id);
  };
  const leadFile = lead ? await store(lead, values.imageAlt, 'image') : null;
  const inlineFile = inline ? await store(inline, values.bodyImageAlt, 'bodyImage') : null;
  if (leadFile?.error || inlineFile?.error) {
    await forget();
    return { ok: false, status: 400, errors: { ...leadFile?.error, ...inlineFile?.error } };
  }

  const workflow = workflowOf(action, content, publishAt);
  const imageFileId = leadFile?.id ?? (keepsLead ? (content?.imageFileId ?? null) : null);
  // An unexpected failure of the save must not leave the just-stored images behind either.
  const saved = await saveContent(
    ctx,
    actor,
    content ? { id: content.id, revision } : { kind },
    { ...input, imageFileId },
    workflow,
    `content.${action === 'save' ? 'update' : action}`,
  ).catch(async (error: unknown) => {
    await forget();
    throw error;
  });
  if (!saved.ok) {
    await forget();
    if (saved.reason === 'slug') return { ok: false, status: 400, errors: { slug: slugError } };
    return { ok: false, status: 409, errors: {}, conflict: content ?? undefined };
  }
  // The lead image's alt text lives with the file: a corrected alt on a kept image is written there.
  if (keepsLead && !leadFile && content?.imageFileId) {
    await ctx.db
      .update(storedFiles)
      .set({ alt: values.imageAlt })
      .where(eq(storedFiles.id, content.imageFileId));
    if (saved.content.status === 'published') await bumpDataVersion(ctx.db);
  }
  if (inlineFile?.id) await addContentImage(ctx.db, saved.content.id, inlineFile.id, values.bodyImageAlt);
  // Older revisions may still name a removed image: restored, they show its alt text instead.
  for (const image of removed) await removeContentImage(ctx, actor, saved.content.id, image);
  if (removed.length && saved.content.status === 'published') await bumpDataVersion(ctx.db);
  return { ok: true, content: saved.content, action };
}

const slugError = 'Cette adresse est déjà celle d’un autre contenu : choisissez-en une autre.';

/** A file chosen in a refused form is not kept: the browser cannot refill it, so the form says so. */
function refused(
  status: number,
  errors: FieldErrors,
  lead: Upload | null,
  inline: Upload | null,
): { ok: false; status: number; errors: FieldErrors } {
  const again =
    'Choisissez de nouveau cette image : un fichier n’est pas conservé quand le formulaire est refusé.';
  const all = { ...errors };
  if (lead && !all.image) all.image = again;
  if (inline && !all.bodyImage) all.bodyImage = again;
  return { ok: false, status, errors: all };
}

/**
 * The button pressed: « Enregistrer » keeps the status (a published content edited stays published, live at
 * once, at the date given if changed); « Publier » publishes now or at the given time; « Dépublier » goes back to draft.
 */
function workflowOf(
  action: Action,
  content: Content | null,
  publishAt: Date | null,
): { status: ContentStatus; publishAt: Date | null } {
  switch (action) {
    case 'review':
      return { status: 'review', publishAt: null };
    case 'publish':
      return { status: 'published', publishAt: publishAt ?? new Date() };
    case 'unpublish':
      return { status: 'draft', publishAt: null };
    default:
      if (!content) return { status: 'draft', publishAt: null };
      // A published content keeps its date unless the editor changed it in the form.
      return content.status === 'published'
        ? { status: 'published', publishAt: publishAt ?? content.publishAt }
        : { status: content.status, publishAt: content.publishAt };
  }
}
