/** The editorial back office's reads and writes: one content, its revisions and images, the staff list. */
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import { type Actor, journalActor } from '../../../core/auth/index.js';
import type { AppContext } from '../../../core/context.js';
import { type Db, one, rows } from '../../../core/db/index.js';
import { deleteStoredFile } from '../../../core/files/index.js';
import { bumpDataVersion } from '../../../core/http/index.js';
import { record } from '../../../core/journal/index.js';
import type { MarkdownImage } from '../markdown/index.js';
import { bodyImages } from '../queries.js';
import {
  type ContentKind,
  type ContentStatus,
  contentImages,
  contentRevisions,
  contents,
} from '../schema.js';

const { searchDoc: _searchDoc, ...contentColumns } = getTableColumns(contents);
export type Content = Omit<typeof contents.$inferSelect, 'searchDoc'>;
export type Revision = typeof contentRevisions.$inferSelect;

/** What the form edits (status and publication date come from the button pressed). */
export type ContentInput = Pick<
  Content,
  | 'slug'
  | 'title'
  | 'summary'
  | 'body'
  | 'imageFileId'
  | 'videoUrl'
  | 'profiles'
  | 'themes'
  | 'communeCodes'
  | 'epciCodes'
  | 'startsAt'
  | 'endsAt'
  | 'allDay'
  | 'placeName'
  | 'placeAddress'
  | 'placeCommuneCode'
  | 'forAmbassadors'
>;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string) => uuidPattern.test(id);

export async function findContent(db: Db, id: string): Promise<Content | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select(contentColumns).from(contents).where(eq(contents.id, id));
  return row;
}

/** Another content already holds this slug (slugs are unique across kinds: one URL namespace per kind). */
export async function slugTaken(db: Db, slug: string, exceptId: string | null): Promise<boolean> {
  const row = await one(
    db,
    sql`select 1 from contents where slug = ${slug} and (${exceptId}::uuid is null or id <> ${exceptId}::uuid)`,
  );
  return Boolean(row);
}

const isScheduled = (c: Pick<Content, 'status' | 'publishAt'>) =>
  c.status === 'published' && c.publishAt !== null && new Date(c.publishAt).getTime() > Date.now();

/** A content shows on public pages (now, or later when scheduled): its changes must reach the page cache. */
const touchesPublic = (c: Pick<Content, 'status'>) => c.status === 'published';

/** What the journal keeps of a version: the shape, not the words. */
const shape = (c: Pick<Content, 'title' | 'status' | 'publishAt' | 'revision'>) => ({
  title: c.title,
  status: c.status,
  publishAt: c.publishAt ? new Date(c.publishAt).toISOString() : null,
  revision: c.revision,
});

/** Every field but title, summary and body, as a revision keeps them (dates as ISO strings). */
function revisionFields(c: Content): Record<string, unknown> {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    kind: c.kind,
    slug: c.slug,
    status: c.status,
    publishAt: iso(c.publishAt),
    imageFileId: c.imageFileId,
    videoUrl: c.videoUrl,
    profiles: c.profiles,
    themes: c.themes,
    communeCodes: c.communeCodes,
    epciCodes: c.epciCodes,
    startsAt: iso(c.startsAt),
    endsAt: iso(c.endsAt),
    allDay: c.allDay,
    placeName: c.placeName,
    placeAddress: c.placeAddress,
    placeCommuneCode: c.placeCommuneCode,
    forAmbassadors: c.forAmbassadors,
  };
}

/** A revision's content as the form's input (for « Restaurer cette version »). */
export function inputOfRevision(r: Revision, current: Content): ContentInput {
  const f = r.fields as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const date = (v: unknown) => (typeof v === 'string' ? new Date(v) : null);
  return {
    // The URL stays: restoring words must not break the links already shared.
    slug: current.slug,
    title: r.title,
    summary: r.summary,
    body: r.body,
    imageFileId: text(f.imageFileId),
    videoUrl: text(f.videoUrl),
    profiles: list(f.profiles),
    themes: list(f.themes),
    communeCodes: list(f.communeCodes),
    epciCodes: list(f.epciCodes),
    startsAt: date(f.startsAt),
    endsAt: date(f.endsAt),
    allDay: f.allDay === true,
    placeName: text(f.placeName),
    placeAddress: text(f.placeAddress),
    placeCommuneCode: text(f.placeCommuneCode),
    forAmbassadors: f.forAmbassadors === true,
  };
}

export type SaveResult = { ok: true; content: Content } | { ok: false; reason: 'conflict' | 'slug' };

/**
 * Creates (no id) or saves a content and its new revision. A save names the revision it was edited from: if the
 * row moved on meanwhile, nothing is written and the caller shows the editor's values again.
 */
export async function saveContent(
  ctx: AppContext,
  actor: Actor,
  target: { kind: ContentKind } | { id: string; revision: number },
  input: ContentInput,
  workflow: { status: ContentStatus; publishAt: Date | null },
  action = 'content.update',
): Promise<SaveResult> {
  const id = 'id' in target ? target.id : null;
  if (await slugTaken(ctx.db, input.slug, id)) return { ok: false, reason: 'slug' };
  const before = id ? await findContent(ctx.db, id) : undefined;
  const journal = { action: id ? action : 'content.create', before: before ? shape(before) : null };
  const saved = await writeRevision(ctx, actor, target, input, workflow, journal).catch((error: unknown) => {
    // Two editors taking the same slug at the same instant: the unique index decides, the form says so.
    if (isUniqueViolation(error)) return 'slug' as const;
    throw error;
  });
  if (saved === 'slug') return { ok: false, reason: 'slug' };
  if (!saved) return { ok: false, reason: 'conflict' };
  if (touchesPublic(saved) || (before && touchesPublic(before))) await bumpDataVersion(ctx.db);
  return { ok: true, content: saved };
}

/**
 * The row, its revision and its journal entry, together or not at all; undefined when the expected revision
 * moved on.
 */
async function writeRevision(
  ctx: AppContext,
  actor: Actor,
  target: { kind: ContentKind } | { id: string; revision: number },
  input: ContentInput,
  workflow: { status: ContentStatus; publishAt: Date | null },
  journal: { action: string; before: Record<string, unknown> | null },
): Promise<Content | undefined> {
  return ctx.db.transaction(async (tx) => {
    let row: Content | undefined;
    if ('id' in target) {
      [row] = await tx
        .update(contents)
        .set({ ...input, ...workflow, revision: sql`${contents.revision} + 1`, updatedAt: sql`now()` })
        .where(and(eq(contents.id, target.id), eq(contents.revision, target.revision)))
        .returning(contentColumns);
    } else {
      [row] = await tx
        .insert(contents)
        .values({ ...input, ...workflow, kind: target.kind, authorId: actor.userId })
        .returning(contentColumns);
    }
    if (!row) return undefined;
    await tx.insert(contentRevisions).values({
      contentId: row.id,
      revision: row.revision,
      title: row.title,
      summary: row.summary,
      body: row.body,
      fields: revisionFields(row),
      authorId: actor.userId,
    });
    await record(tx, {
      actor: journalActor(actor),
      action: journal.action,
      target: { type: 'content', id: row.id },
      before: journal.before,
      after: shape(row),
    });
    return row;
  });
}

const isUniqueViolation = (error: unknown): boolean => {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
};

/** The status a list shows: scheduled is a published content whose time has not come. */
export function statusKey(c: Pick<Content, 'status' | 'publishAt'>): ContentStatus | 'scheduled' {
  return isScheduled(c) ? 'scheduled' : c.status;
}

export async function listRevisions(db: Db, contentId: string) {
  return rows<{ id: string; revision: number; createdAt: Date; title: string; authorName: string | null }>(
    db,
    sql`select r.id, r.revision, r.created_at as "createdAt", r.title, u.name as "authorName"
        from content_revisions r left join users u on u.id = r.author_id
        where r.content_id = ${contentId} order by r.revision desc`,
  );
}

export async function findRevision(
  db: Db,
  contentId: string,
  revision: number,
): Promise<Revision | undefined> {
  if (!Number.isSafeInteger(revision)) return undefined;
  const [row] = await db
    .select()
    .from(contentRevisions)
    .where(and(eq(contentRevisions.contentId, contentId), eq(contentRevisions.revision, revision)));
  return row;
}

/** The images placed in a content's body, with what the renderer needs. */
export async function listContentImages(db: Db, contentId: string) {
  return rows<{ fileId: string; alt: string; width: number | null; height: number | null }>(
    db,
    sql`select i.file_id as "fileId", i.alt, f.width, f.height
        from content_images i join stored_files f on f.id = i.file_id
        where i.content_id = ${contentId} order by i.created_at, i.file_id`,
  );
}

export async function imagesMap(db: Db, contentId: string | null): Promise<Map<string, MarkdownImage>> {
  return contentId ? bodyImages(db, contentId) : new Map();
}

export async function addContentImage(db: Db, contentId: string, fileId: string, alt: string) {
  await db.insert(contentImages).values({ contentId, fileId, alt });
}

/** What the editor pastes in the body to place an image: `![alt](image:<id>)`. */
export const imageSnippet = (i: { fileId: string; alt: string }) =>
  `![${i.alt.replace(/[[\]]/g, '')}](image:${i.fileId})`;

/** Takes a body image off a content and deletes the file with its sizes, journaled. */
export async function removeContentImage(
  ctx: AppContext,
  actor: Actor,
  contentId: string,
  image: { fileId: string; alt: string },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await tx
      .delete(contentImages)
      .where(and(eq(contentImages.contentId, contentId), eq(contentImages.fileId, image.fileId)));
    await record(tx, {
      actor: journalActor(actor),
      action: 'content.image.remove',
      target: { type: 'content', id: contentId },
      before: { fileId: image.fileId, alt: image.alt },
    });
  });
  await deleteStoredFile(ctx, image.fileId);
}

/** Deletes a content that is not published, with its files (lead images of every revision, body images). */
export async function deleteContent(ctx: AppContext, actor: Actor, content: Content): Promise<boolean> {
  if (content.status === 'published') return false;
  const files = await rows<{ id: string }>(
    ctx.db,
    sql`select distinct id from (
          select file_id::text as id from content_images where content_id = ${content.id}
          union select fields->>'imageFileId' from content_revisions where content_id = ${content.id}
          union select ${content.imageFileId}::text) f where id is not null`,
  );
  // The row and its journal entry together; the files after, so a storage failure cannot lose the entry.
  await ctx.db.transaction(async (tx) => {
    await tx.delete(contents).where(eq(contents.id, content.id));
    await record(tx, {
      actor: journalActor(actor),
      action: 'content.delete',
      target: { type: 'content', id: content.id },
      before: shape(content),
    });
  });
  for (const f of files) await deleteStoredFile(ctx, f.id);
  return true;
}
