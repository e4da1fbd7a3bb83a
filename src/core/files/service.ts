import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { type StoredFile, variantPrefix } from './images.js';
import { storedFiles } from './schema.js';
import { createStorage, type StorageConfig } from './storage.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The file's row, or undefined (also for anything that is not a uuid, so a URL never reaches SQL malformed). */
export async function findStoredFile(db: Db, id: string | null | undefined): Promise<StoredFile | undefined> {
  if (!id || !uuidPattern.test(id)) return undefined;
  const [file] = await db.select().from(storedFiles).where(eq(storedFiles.id, id));
  return file;
}

/**
 * Removes a file everywhere: its row first (so nothing links to it any more), then the original and every
 * variant. Returns false when there was no such file.
 */
export async function deleteStoredFile(ctx: { db: Db; config: StorageConfig }, id: string): Promise<boolean> {
  const file = await findStoredFile(ctx.db, id);
  if (!file) return false;
  await ctx.db.delete(storedFiles).where(eq(storedFiles.id, file.id));
  const storage = createStorage(ctx.config);
  await storage.delete(file.storageKey);
  for (const key of await storage.list(variantPrefix(file.id))) await storage.delete(key);
  return true;
}
