import type { Db } from '../../core/db/index.js';
import type { Module } from '../../core/module.js';

export const accountsModule: Module = { name: 'accounts' };

export async function ensureFirstAdmin(_db: Db): Promise<{ email: string; password: string } | null> {
  return null;
}
