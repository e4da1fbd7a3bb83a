import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { projectRoot } from '../paths.js';

const root = projectRoot;

export interface Asset {
  body: Buffer;
  type: string;
}

export interface Assets {
  /** The public URL of a named asset ('site.css', 'commune-search.js', 'favicon.svg'), with its hash. */
  url(name: string): string;
  get(urlPath: string): Asset | undefined;
}

const types: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.map': 'application/json',
};

/**
 * Builds the stylesheet and client scripts in memory at start (esbuild takes a few tens of ms), so a fresh
 * clone needs no build step and each file gets a content hash: browsers may cache it for a year.
 */
export async function buildAssets(options: { minify: boolean }): Promise<Assets> {
  const clientDir = path.join(root, 'src/client');
  const entryPoints: Record<string, string> = { site: path.join(root, 'public/css/site.css') };
  if (fs.existsSync(clientDir)) {
    for (const file of fs.readdirSync(clientDir)) {
      if (/\.tsx?$/.test(file) && !file.includes('.test.'))
        entryPoints[file.replace(/\.tsx?$/, '')] = path.join(clientDir, file);
    }
  }
  const result = await esbuild.build({
    entryPoints,
    bundle: true,
    write: false,
    minify: options.minify,
    format: 'esm',
    target: ['es2020'],
    outdir: '/assets',
    entryNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    loader: { '.woff2': 'file', '.svg': 'file', '.png': 'file' },
    metafile: true,
    logLevel: 'silent',
    jsx: 'automatic',
    jsxImportSource: 'preact',
  });
  const byPath = new Map<string, Asset>();
  const byName = new Map<string, string>();
  for (const file of result.outputFiles) {
    const urlPath = file.path.slice(file.path.indexOf('/assets/'));
    byPath.set(urlPath, {
      body: Buffer.from(file.contents),
      type: types[path.extname(urlPath)] ?? 'application/octet-stream',
    });
  }
  for (const [outPath, output] of Object.entries(result.metafile.outputs)) {
    if (!output.entryPoint) continue;
    const name = Object.entries(entryPoints).find(
      ([, p]) => path.relative(root, p) === output.entryPoint,
    )?.[0];
    if (name) byName.set(`${name}${path.extname(outPath)}`, outPath.slice(outPath.indexOf('/assets/')));
  }
  // Plain files (icons, images) are served as they are, under a hashed name.
  const staticDir = path.join(root, 'public/static');
  if (fs.existsSync(staticDir)) {
    for (const file of fs.readdirSync(staticDir)) {
      const body = fs.readFileSync(path.join(staticDir, file));
      const hash = crypto.createHash('sha256').update(body).digest('hex').slice(0, 8);
      const ext = path.extname(file);
      const urlPath = `/assets/${path.basename(file, ext)}-${hash}${ext}`;
      byPath.set(urlPath, { body, type: types[ext] ?? 'application/octet-stream' });
      byName.set(file, urlPath);
    }
  }
  return {
    url(name) {
      const url = byName.get(name);
      if (!url) throw new Error(`Unknown asset ${name}`);
      return url;
    },
    get: (urlPath) => byPath.get(urlPath),
  };
}
