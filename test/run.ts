/**
 * `npm test`: builds the migrated template database, then runs
 *   1+2. unit and integration tests (node:test) on PGlite, or on PostgreSQL when DATABASE_URL is set;
 *   3. browser tests (Playwright + Debian's Chromium) when Chromium is found; required when CI is set
 *      or REQUIRE_BROWSER=1 (then a missing Chromium fails the run instead of skipping it).
 * Options: --only unit|e2e, file filters (substrings of paths), --source-maps (stack traces point to the
 * TypeScript lines, at about two seconds more per file).
 *
 * The test files are bundled first (esbuild, shared chunks, dependencies left in node_modules) and node runs
 * plain JavaScript: loading some 500 TypeScript modules through tsx's loader cost each of the hundred test
 * processes more than two seconds, a third of the whole run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { findChromium } from './helpers/chromium.js';
import { buildTemplate, pgliteTemplatePath } from './helpers/template.js';

const args = process.argv.slice(2);
const sourceMaps = args.includes('--source-maps');
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;
const filters = args.filter((a, i) => !a.startsWith('--') && (onlyIndex < 0 || i !== onlyIndex + 1));

function walk(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (/\.test\.tsx?$/.test(entry.name)) out.push(p);
  }
  return out;
}

const matches = (f: string) => filters.length === 0 || filters.some((x) => f.includes(x));
const unitFiles = [...walk('src'), ...walk('test').filter((f) => !f.startsWith('test/e2e'))]
  .filter(matches)
  .sort();
const e2eFiles = walk('test/e2e').filter(matches).sort();
const databaseUrl = process.env.DATABASE_URL;
const dbLabel = databaseUrl ? 'PostgreSQL' : 'PGlite';

/** Per run, beside the template, so two runs side by side never share a bundle. */
const bundleDir = path.resolve(`.data/test/bundle-${process.pid}`);

/** Bundles the test files into bundleDir, keeping their paths: src/a/b.test.ts → <bundleDir>/src/a/b.test.mjs. */
async function bundle(files: string[]): Promise<(file: string) => string> {
  await esbuild.build({
    entryPoints: files,
    outdir: bundleDir,
    outbase: '.',
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outExtension: { '.js': '.mjs' },
    sourcemap: sourceMaps,
    logLevel: 'warning',
  });
  return (file) => path.join(bundleDir, file.replace(/\.tsx?$/, '.mjs'));
}

function runNodeTests(files: string[], concurrency: number): boolean {
  const result = spawnSync(
    process.execPath,
    [
      ...(sourceMaps ? ['--enable-source-maps'] : []),
      '--test',
      `--test-concurrency=${concurrency}`,
      '--test-timeout=300000',
      '--test-reporter=spec',
      ...files,
    ],
    {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'test', CHOISIR_TEST_TEMPLATE: pgliteTemplatePath },
    },
  );
  if (result.status !== 0)
    console.error(
      `  (test process: status ${result.status}, signal ${result.signal}${result.error ? `, ${result.error.message}` : ''})`,
    );
  return result.status === 0;
}

const started = Date.now();
console.log(`▶ Preparing the template database on ${dbLabel} and bundling the tests…`);
const toRun = [...(only === 'e2e' ? [] : unitFiles), ...(only === 'unit' ? [] : e2eFiles)];
const [, bundled] = await Promise.all([buildTemplate(databaseUrl), bundle(toRun)]);
console.log(`  ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

let ok = true;
if (only !== 'e2e' && unitFiles.length) {
  console.log(`▶ Unit and integration tests on ${dbLabel} (${unitFiles.length} files)`);
  ok = runNodeTests(unitFiles.map(bundled), 2) && ok;
}
if (only !== 'unit' && e2eFiles.length) {
  const chromium = findChromium();
  const required = Boolean(process.env.CI) || process.env.REQUIRE_BROWSER === '1';
  if (!chromium && required) {
    console.error('✖ Browser tests are required but Chromium was not found (apt-get install chromium).');
    ok = false;
  } else if (!chromium) {
    console.log(
      '⚠ Chromium not found: browser tests NOT run (install chromium, or set REQUIRE_BROWSER=1 to fail).',
    );
  } else {
    console.log(`▶ Browser tests on ${dbLabel} with ${chromium} (${e2eFiles.length} files)`);
    ok = runNodeTests(e2eFiles.map(bundled), 1) && ok;
  }
}
fs.rmSync(pgliteTemplatePath, { force: true });
fs.rmSync(bundleDir, { recursive: true, force: true });
console.log(ok ? `✔ All tests passed (${dbLabel})` : `✖ Tests failed (${dbLabel})`);
process.exit(ok ? 0 : 1);
