import fs from 'node:fs';
import path from 'node:path';
import { fromRoot } from '../paths.js';

const seedsDir = fromRoot('seeds');

/** Reads a seed data file of the default territory (seeds/lot/NAME). Seed data is data, not code. */
export function readSeed<T>(name: string, territory = process.env.TERRITORY ?? 'lot'): T {
  return JSON.parse(fs.readFileSync(path.join(seedsDir, territory, name), 'utf8')) as T;
}
