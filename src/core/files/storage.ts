import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config.js';
import { S3Storage } from './s3.js';

/**
 * Where the bytes of uploads live, by key (`originals/<id>`, `variants/<id>/<width>.<ext>`). Keys are always
 * built by this service from uuids, never taken from a request. A driver only moves bytes: the database row
 * (stored_files) is the record of what exists. The S3-compatible driver (s3.ts) implements the same five
 * methods; `createStorage` chooses.
 */
export interface Storage {
  put(key: string, data: Buffer): Promise<void>;
  /** The bytes, or null when there is nothing under that key. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the key; missing is not an error (a delete may be retried). */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Every key starting with the prefix (a variant folder), in no particular order. */
  list(prefix: string): Promise<string[]>;
}

const keyPattern = /^[a-z0-9-]+(\/[a-z0-9-]+(\.[a-z0-9]+)?)*\/?$/;

/** Defence in depth: a key that could climb out of the folder is a bug, refused loudly. */
export function checkKey(key: string): string {
  if (!keyPattern.test(key)) throw new Error(`Invalid storage key: ${key}`);
  return key;
}

/** A folder on the server's disk: writes go to a temporary file renamed into place, so a reader never sees half. */
export class LocalStorage implements Storage {
  constructor(readonly root: string) {}

  private file(key: string): string {
    return path.join(this.root, ...checkKey(key).split('/'));
  }

  async put(key: string, data: Buffer): Promise<void> {
    const target = this.file(key);
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${randomUUID()}.tmp`;
    try {
      await writeFile(temporary, data);
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.file(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.file(key))).isFile();
    } catch {
      return false;
    }
  }

  async list(prefix: string): Promise<string[]> {
    const base = prefix.endsWith('/') ? prefix.slice(0, -1) : path.posix.dirname(prefix);
    const folder = base === '.' ? this.root : this.file(base);
    let names: string[];
    try {
      names = (await readdir(folder, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile() && !entry.name.endsWith('.tmp'))
        .map((entry) => path.relative(this.root, path.join(entry.parentPath, entry.name)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return names.map((name) => name.split(path.sep).join('/')).filter((key) => key.startsWith(prefix));
  }
}

const storages = new Map<string, Storage>();

/** What choosing a driver reads: the S3 settings are optional so callers holding only FILES_DIR still type-check. */
export type StorageConfig = Pick<Config, 'FILES_DIR'> &
  Partial<
    Pick<Config, 'S3_ENDPOINT' | 'S3_REGION' | 'S3_BUCKET' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY'>
  >;

/**
 * The storage the configuration asks for (one instance per folder or bucket): the single place a driver is
 * chosen. An S3 bucket when S3_BUCKET is set (loadConfig checks the rest is there), the local folder otherwise.
 */
export function createStorage(config: StorageConfig): Storage {
  if (config.S3_BUCKET) {
    const settings = {
      endpoint: config.S3_ENDPOINT ?? '',
      region: config.S3_REGION || 'us-east-1',
      bucket: config.S3_BUCKET,
      accessKeyId: config.S3_ACCESS_KEY_ID ?? '',
      secretAccessKey: config.S3_SECRET_ACCESS_KEY ?? '',
    };
    const id = `s3:${settings.endpoint}/${settings.bucket}:${settings.accessKeyId}`;
    let storage = storages.get(id);
    if (!storage) {
      storage = new S3Storage(settings, checkKey);
      storages.set(id, storage);
    }
    return storage;
  }
  const root = path.resolve(config.FILES_DIR);
  let storage = storages.get(root);
  if (!storage) {
    storage = new LocalStorage(root);
    storages.set(root, storage);
  }
  return storage;
}
