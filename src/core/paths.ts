import fs from 'node:fs';
import path from 'node:path';

/**
 * The project's root folder (where package.json is), found by walking up from this file, so paths to
 * migrations, seeds, data and public files hold both from src/ (tsx) and from the dist/ bundle.
 */
function findRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${start}`);
    dir = parent;
  }
  return dir;
}

export const projectRoot = findRoot(import.meta.dirname);

export function fromRoot(...segments: string[]): string {
  return path.join(projectRoot, ...segments);
}
