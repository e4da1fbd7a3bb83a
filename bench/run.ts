/**
 * `npm run bench [-- --json]`: throughput and latency of the main anonymous pages, as ratios to a node:http
 * hello-world measured in the same run (the ceiling of this machine).
 *
 * The app runs in its own process as `npm start` runs it (src/main.ts, production mode), on PGlite in a
 * temporary DATA_DIR, or on PostgreSQL when DATABASE_URL is set (in a database created for the run, dropped
 * after). autocannon drives the load from this process. A tool, not a test: no threshold fails it.
 *
 * Settings (env): BENCH_DURATION seconds per scenario (10), BENCH_WARMUP seconds (2), BENCH_CONNECTIONS (50).
 * --json writes the results to bench/results-<pglite|postgres>.json (they are printed as JSON anyway).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon, { type Result } from 'autocannon';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const duration = Number(process.env.BENCH_DURATION ?? 10);
const warmup = Number(process.env.BENCH_WARMUP ?? 2);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const writeJson = process.argv.includes('--json');
const serverUrl = process.env.DATABASE_URL || '';
const dbKind = serverUrl ? 'postgres' : 'pglite';

const scenarios = [
  { name: 'home', path: '/' },
  { name: 'commune page', path: '/territoire/communes/cahors' },
  { name: 'commune search', path: '/territoire/communes?q=saint%20cirq' },
  { name: 'suggest API', path: '/api/communes/suggest?q=fig' },
  { name: 'territory map', path: '/territoire' },
];

const children: ChildProcess[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
let stopping = false;

async function cleanUp(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all(children.map(stopChild));
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => {});
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the processes started by the bench…`);
    void cleanUp().finally(() => process.exit(130));
  });
}
// A closed stdout (`npm run bench | head`) or any other surprise must not leave processes and folders behind.
process.on('uncaughtException', (error) => {
  if ((error as NodeJS.ErrnoException).code !== 'EPIPE') console.error(error);
  void cleanUp().finally(() => process.exit(1));
});

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 8000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts a node process (TypeScript through tsx) whose stdin is ours to close; keeps its output for errors. */
function startNode(
  script: string,
  env: Record<string, string>,
): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output: () => output };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(
  url: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs = 180_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The process stopped (exit ${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer in ${timeoutMs / 1000} s:\n${output()}`);
}

/** A database of its own on the given PostgreSQL server, dropped at the end. */
async function benchDatabase(url: string): Promise<string> {
  const name = `choisir_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  });
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function startApp(): Promise<string> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: base,
    LOG_LEVEL: 'warn',
  };
  if (serverUrl) {
    env.DATABASE_URL = await benchDatabase(serverUrl);
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'choisir-bench-'));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    env.DATA_DIR = dataDir;
    env.BENCH_TEMPORARY_DATA_DIR = dataDir;
    env.DATABASE_URL = '';
  }
  const started = Date.now();
  const { child, output } = startNode('bench/serve-app.ts', env);
  await waitFor(`${base}/healthz`, child, output);
  console.log(`  app ready on ${dbKind} in ${((Date.now() - started) / 1000).toFixed(1)} s (${base})`);
  return base;
}

async function startCeiling(): Promise<string> {
  const port = await freePort();
  const { child, output } = startNode('bench/hello.ts', { PORT: String(port) });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/`, child, output, 30_000);
  return base;
}

interface Row {
  scenario: string;
  path: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  ratioToCeiling: number;
  non2xx: number;
  errors: number;
  requests: number;
  /** Mean bytes per response, headers included. */
  bytesPerResponse: number;
}

async function measure(url: string): Promise<Result> {
  if (warmup > 0) await autocannon({ url, connections, duration: warmup });
  return autocannon({ url, connections, duration });
}

function table(rows: Row[]): string {
  const header = ['scenario', 'req/s', 'p50 ms', 'p99 ms', '% ceiling', 'non-2xx', 'errors', 'kB/resp'];
  const lines = rows.map((r) => [
    r.scenario,
    r.requestsPerSecond.toFixed(0),
    r.p50Ms.toFixed(1),
    r.p99Ms.toFixed(1),
    `${r.ratioToCeiling.toFixed(1)} %`,
    String(r.non2xx),
    String(r.errors),
    (r.bytesPerResponse / 1024).toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [format(header), rule, ...lines.map(format)].join('\n');
}

async function main() {
  console.log(
    `Bench on ${dbKind}: ${connections} connections, ${warmup} s warm-up + ${duration} s per scenario, ` +
      `node ${process.version}, ${os.cpus().length} cores`,
  );
  const ceilingBase = await startCeiling();
  const appBase = await startApp();

  for (const s of scenarios) {
    const response = await fetch(appBase + s.path);
    await response.arrayBuffer();
    if (response.status !== 200)
      console.warn(`  ⚠ ${s.path} answers ${response.status}: its numbers are not a page's`);
  }

  const rows: Row[] = [];
  const record = (scenario: string, path: string, result: Result, ceiling: number) => {
    const row: Row = {
      scenario,
      path,
      requestsPerSecond: result.requests.average,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      ratioToCeiling: ceiling ? (100 * result.requests.average) / ceiling : 100,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      requests: result.requests.total,
      bytesPerResponse: result.requests.total
        ? Math.round(result.throughput.total / result.requests.total)
        : 0,
    };
    rows.push(row);
    console.log(`  ${scenario.padEnd(20)} ${row.requestsPerSecond.toFixed(0).padStart(7)} req/s`);
    return row;
  };
  const ceiling = record('ceiling (node:http)', '/', await measure(`${ceilingBase}/`), 0).requestsPerSecond;
  for (const s of scenarios) record(s.name, s.path, await measure(appBase + s.path), ceiling);

  console.log(`\n${table(rows)}\n`);
  const report = {
    database: dbKind,
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    connections,
    durationSeconds: duration,
    warmupSeconds: warmup,
    results: rows,
  };
  const json = JSON.stringify(report, null, 2);
  if (writeJson) {
    const file = path.join(root, 'bench', `results-${dbKind}.json`);
    fs.writeFileSync(file, `${json}\n`);
    console.log(`results written to ${path.relative(process.cwd(), file)}`);
  } else {
    console.log(json);
  }
}

try {
  await main();
  await cleanUp();
  process.exit(0);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await cleanUp();
  process.exit(1);
}
