import { createHash, randomUUID } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import type { Config } from '../../config.js';
import type { Db } from '../db/index.js';
import { storedFiles } from './schema.js';
import { createStorage, type StorageConfig } from './storage.js';

export type StoredFile = typeof storedFiles.$inferSelect;

/** The widths a variant may have (a closed list: the route refuses any other, so nobody fills the disk). */
export const variantWidths = [160, 320, 640, 1280] as const;
export type VariantWidth = (typeof variantWidths)[number];
export const variantFormats = ['webp', 'jpg'] as const;
export type VariantFormat = (typeof variantFormats)[number];

/** Larger than any phone photo (a 48 MP sensor saves 12 MP by default), small enough to refuse pixel bombs. */
export const maxImagePixels = 40_000_000;

const accepted: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

export const originalKey = (id: string) => `originals/${id}`;
export const variantPrefix = (id: string) => `variants/${id}/`;
export const variantKey = (id: string, width: VariantWidth, format: VariantFormat) =>
  `${variantPrefix(id)}${width}.${format}`;

export interface StoreImageInput {
  /** Who uses it, e.g. 'ambassador-portrait', 'content-image'. */
  purpose: string;
  data: Buffer;
  originalName?: string | null;
  alt?: string | null;
  createdBy?: string | null;
}

export type StoreImageResult = { ok: true; file: StoredFile } | { ok: false; error: string };

type FilesContext = { db: Db; config: StorageConfig & Pick<Config, 'MAX_UPLOAD_MB'> };

/** HEIC (iPhone photos): the prebuilt image library cannot decode it (patents), so it gets its own message. */
function looksLikeHeic(data: Buffer): boolean {
  return (
    data.length > 12 &&
    data.toString('latin1', 4, 8) === 'ftyp' &&
    /^(hei|hev|mif|msf)/.test(data.toString('latin1', 8, 12))
  );
}

/**
 * Checks an upload by its bytes (never its name or announced type), keeps the original as sent and records
 * it. Resized variants are made later, on demand (variantOf). The answer is a French message on refusal, to
 * show at the form's field.
 */
export async function storeImage(ctx: FilesContext, input: StoreImageInput): Promise<StoreImageResult> {
  const maxBytes = ctx.config.MAX_UPLOAD_MB * 1024 * 1024;
  const { data } = input;
  if (data.length === 0) return { ok: false, error: 'Le fichier est vide.' };
  if (data.length > maxBytes)
    return {
      ok: false,
      error: `La photo dépasse ${ctx.config.MAX_UPLOAD_MB} Mo : choisissez une image plus légère.`,
    };
  if (looksLikeHeic(data))
    return {
      ok: false,
      error: 'Les photos HEIC (iPhone) ne sont pas acceptées : envoyez-la en JPEG, PNG ou WebP.',
    };
  let metadata: Metadata;
  try {
    metadata = await sharp(data, { limitInputPixels: maxImagePixels }).metadata();
  } catch {
    return {
      ok: false,
      error: 'Ce fichier n’est pas une image lisible : envoyez une photo JPEG, PNG ou WebP.',
    };
  }
  const mimeType = metadata.format ? accepted[metadata.format] : undefined;
  if (!mimeType)
    return { ok: false, error: 'Ce format n’est pas accepté : envoyez une photo JPEG, PNG ou WebP.' };
  if (!metadata.width || !metadata.height)
    return {
      ok: false,
      error: 'Ce fichier n’est pas une image lisible : envoyez une photo JPEG, PNG ou WebP.',
    };
  if (metadata.width * metadata.height > maxImagePixels)
    return { ok: false, error: 'L’image est trop grande (plus de 40 millions de pixels) : réduisez-la.' };
  try {
    // A full decode catches truncated or corrupt files that the header alone would let through.
    await sharp(data, { limitInputPixels: maxImagePixels }).resize(8).raw().toBuffer();
  } catch {
    return { ok: false, error: 'Cette image est incomplète ou abîmée : envoyez-la de nouveau.' };
  }
  // Orientations 5 to 8 are quarter turns: the picture as seen has width and height swapped.
  const turned = (metadata.orientation ?? 1) >= 5;
  const id = randomUUID();
  const storageKey = originalKey(id);
  await createStorage(ctx.config).put(storageKey, data);
  const [file] = await ctx.db
    .insert(storedFiles)
    .values({
      id,
      purpose: input.purpose,
      originalName: input.originalName?.slice(0, 255) || null,
      mimeType,
      bytes: data.length,
      width: turned ? metadata.height : metadata.width,
      height: turned ? metadata.width : metadata.height,
      sha256: createHash('sha256').update(data).digest('hex'),
      storageKey,
      alt: input.alt ?? null,
      createdBy: input.createdBy ?? null,
    })
    .returning();
  return { ok: true, file };
}

/**
 * A variant's bytes, made from the original on first request and kept in the storage. Rotated upright, never
 * enlarged, and without any metadata (sharp drops EXIF, so a phone's GPS position never leaves the server).
 */
export async function variantOf(
  config: StorageConfig,
  file: StoredFile,
  width: VariantWidth,
  format: VariantFormat,
): Promise<Buffer | null> {
  const storage = createStorage(config);
  const key = variantKey(file.id, width, format);
  const cached = await storage.get(key);
  if (cached) return cached;
  // Fifty visitors opening a new page at once ask for the same size: one resize serves them all.
  const pending = making.get(key);
  if (pending) return pending;
  const made = makeVariant(storage, file, key, width, format).finally(() => making.delete(key));
  making.set(key, made);
  return made;
}

/** Variants being made in this process, by storage key. */
const making = new Map<string, Promise<Buffer | null>>();

async function makeVariant(
  storage: ReturnType<typeof createStorage>,
  file: StoredFile,
  key: string,
  width: VariantWidth,
  format: VariantFormat,
): Promise<Buffer | null> {
  const original = await storage.get(file.storageKey);
  if (!original) return null;
  let image = sharp(original, { limitInputPixels: maxImagePixels })
    .rotate()
    .resize({ width, withoutEnlargement: true });
  image =
    format === 'webp'
      ? image.webp({ quality: 80 })
      : image.flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true });
  const bytes = await image.toBuffer();
  await storage.put(key, bytes);
  return bytes;
}
