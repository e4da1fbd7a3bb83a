/**
 * `npm run bench [-- --json]`: throughput and latency of the main anonymous pages, as ratios to a node:http
 * hello-world measured in the same run (the ceiling of this machine).
 *
 * The app runs in its own process as `npm start` runs it (src/main.ts, production mode), on PGlite in a
 * temporary DATA_DIR, or on PostgreSQL when DATABASE_URL is set (in a database created for the run, dropped
 * after). Before it starts, bench/load-demo.ts fills that database with demo opportunities (20 000 jobs,
 * 2 000 takeovers, 500 housing by default). Scenarios marked `cached` run against the app as configured by
 * default (anonymous page cache on); `fresh` ones against a second start with PAGE_CACHE=false, so every
 * request renders the page or runs the search. autocannon drives the load from this process. A tool, not a
 * test: no threshold fails it.
 *
 * Settings (env): BENCH_DURATION seconds per scenario (10), BENCH_WARMUP seconds (2), BENCH_CONNECTIONS (50),
 * BENCH_FILTER (only the scenarios whose name contains it, or `cached` or `fresh`), BENCH_JOBS / BENCH_TAKEOVERS / BENCH_PREMISES /
 * BENCH_HOUSING (demo volume), BENCH_FILES (newcomer files for the referent's list, 100 000; bench/welcome.ts),
 * BENCH_REFERENT_CONNECTIONS (10: that scenario's own connections). --json writes the results to bench/results-<pglite|postgres>.json (they are
 * printed as JSON anyway).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon, { type Result } from 'autocannon';
import pg from 'pg';
import { benchReferentPassword, type WelcomeBenchReport } from './welcome.js';

const root = path.resolve(import.meta.dirname, '..');
const duration = Number(process.env.BENCH_DURATION ?? 10);
const warmup = Number(process.env.BENCH_WARMUP ?? 2);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const writeJson = process.argv.includes('--json');
const serverUrl = process.env.DATABASE_URL || '';
const dbKind = serverUrl ? 'postgres' : 'pglite';

type Render = 'cached' | 'fresh';
interface Scenario {
  name: string;
  path: string;
  render: Render;
  /** Signed in as the EPCI referent of bench/welcome.ts (the back office is never cached). */
  session?: 'referent';
  /** Connections of its own (default BENCH_CONNECTIONS). */
  connections?: number;
}
/** `{jobId}` in a path is replaced by an existing demo job once the data is loaded. */
const allScenarios: Scenario[] = [
  { name: 'home', path: '/', render: 'cached' },
  { name: 'commune page', path: '/territoire/communes/cahors', render: 'cached' },
  { name: 'commune search', path: '/territoire/communes?q=saint%20cirq', render: 'cached' },
  { name: 'suggest API', path: '/api/communes/suggest?q=fig', render: 'cached' },
  { name: 'territory map', path: '/territoire', render: 'cached' },
  {
    name: 'search: text+radius',
    path: '/opportunites?q=infirmier&type=job&commune=46042&rayon=30&contrat=cdi',
    render: 'fresh',
  },
  {
    name: 'search: takeovers',
    path: '/opportunites?type=takeover&epci=200067361&prix=50-150k&prix=150-300k',
    render: 'fresh',
  },
  { name: 'opportunity page', path: '/opportunites/{jobId}', render: 'fresh' },
  // Content and territory (issue 6): the demo content shipped with the Lot's data.
  { name: 'content: stories', path: '/recits', render: 'cached' },
  { name: 'content: story page', path: '/recits/claire-infirmiere-figeac', render: 'fresh' },
  { name: 'content: calendar', path: '/agenda', render: 'fresh' },
  { name: 'content: feed', path: '/actualites/flux.atom', render: 'fresh' },
  { name: 'content: why the Lot', path: '/pourquoi-le-lot/sante', render: 'fresh' },
  { name: 'content: site search', path: '/recherche?q=infirmi%C3%A8re', render: 'fresh' },
  { name: 'content: commune life card', path: '/territoire/communes/cahors', render: 'fresh' },
  { name: 'opportunities API', path: '/api/v1/opportunities?q=technicien&type=job', render: 'fresh' },
  // 100 000 newcomer files over the EPCIs; the Grand Cahors referent's list (a tenth of them). Ten connections:
  // ten referents clicking at the same instant is already a busy day, and latency is what this one is about.
  {
    name: 'dossiers: liste d’un référent',
    path: '/admin/dossiers',
    render: 'fresh',
    session: 'referent',
    connections: Number(process.env.BENCH_REFERENT_CONNECTIONS ?? 10),
  },
];
const filter = process.env.BENCH_FILTER ?? '';
const scenarios = allScenarios.filter((s) => s.name.includes(filter) || s.render === filter);

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
): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
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
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
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

/** The database every process of the run uses: a PostgreSQL database of its own, or a PGlite folder. */
async function prepareDatabase(): Promise<Record<string, string>> {
  if (serverUrl) return { DATABASE_URL: await benchDatabase(serverUrl) };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'choisir-bench-'));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  return { DATA_DIR: dataDir, DATABASE_URL: '' };
}

/**
 * Migrates, seeds and loads the demo opportunities (bench/load-demo.ts), and the newcomer files when a
 * scenario needs them; returns an existing job's id and the referent who signs in.
 */
async function loadDemoData(
  databaseEnv: Record<string, string>,
): Promise<{ jobId: string | null; referentEmail: string | null }> {
  const started = Date.now();
  const fileCount = scenarios.some((s) => s.session) ? (process.env.BENCH_FILES ?? '100000') : '0';
  const { output, exited } = startNode('bench/load-demo.ts', {
    ...databaseEnv,
    LOG_LEVEL: 'warn',
    BENCH_FILES: fileCount,
  });
  const code = await exited;
  const line = output().match(/^BENCH_DEMO (.*)$/m)?.[1];
  if (code !== 0 || !line) throw new Error(`Loading the demo data failed (exit ${code}):\n${output()}`);
  const report = JSON.parse(line) as {
    jobs: number;
    takeovers: number;
    premises: number;
    housing: number;
    milliseconds: number;
    jobId: string | null;
  };
  console.log(
    `  demo data: ${report.jobs} jobs, ${report.takeovers} takeovers, ${report.premises} premises, ` +
      `${report.housing} housing generated and inserted in ${(report.milliseconds / 1000).toFixed(1)} s ` +
      `(with migrations and seed: ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  const welcome = output().match(/^BENCH_WELCOME (.*)$/m)?.[1];
  const files = welcome ? (JSON.parse(welcome) as WelcomeBenchReport) : null;
  if (files)
    console.log(
      `  newcomer files: ${files.files} generated in ${(files.milliseconds / 1000).toFixed(1)} s, ` +
        `${files.referentFiles} in the scope of ${files.referentEmail}`,
    );
  return { jobId: report.jobId, referentEmail: files?.referentEmail ?? null };
}

/** Signs in through the login form, as a person does; returns the cookie header for the next requests. */
async function signIn(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const form = await fetch(`${base}/connexion`);
  keep(form);
  const token = (await form.text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
  const response = await fetch(`${base}/connexion`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: header(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: token, email, password }),
  });
  await response.arrayBuffer();
  if (response.status !== 303) throw new Error(`Signing in as ${email} failed (${response.status})`);
  keep(response);
  return header();
}

async function startApp(
  databaseEnv: Record<string, string>,
  extra: Record<string, string>,
  last: boolean,
): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: base,
    LOG_LEVEL: 'warn',
    DEMO_DATA: 'false',
    ...databaseEnv,
    ...extra,
  };
  // The last app on a temporary PGlite folder removes it when it stops, even if the bench is killed.
  if (last && databaseEnv.DATA_DIR) env.BENCH_TEMPORARY_DATA_DIR = databaseEnv.DATA_DIR;
  const started = Date.now();
  const { child, output } = startNode('bench/serve-app.ts', env);
  await waitFor(`${base}/healthz`, child, output);
  const settings = Object.entries(extra)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  console.log(
    `  app ready on ${dbKind}${settings ? ` (${settings})` : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s (${base})`,
  );
  return { base, child };
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
  /** cached: the anonymous page cache is on (the default); fresh: PAGE_CACHE=false, every request renders. */
  render: Render | '-';
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  /** Computed from every response's time (autocannon's histogram has p90 and p97.5, not p95). */
  p95Ms: number;
  p97_5Ms: number;
  p99Ms: number;
  ratioToCeiling: number;
  non2xx: number;
  errors: number;
  requests: number;
  /** Mean bytes per response, headers included. */
  bytesPerResponse: number;
}

/** A request's time when it is alone, the reference settle() waits to get back to. */
async function timeOne(url: string, headers: Record<string, string> = {}): Promise<number> {
  const started = performance.now();
  try {
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
  } catch {
    // a server may close a connection: only the delay matters
  }
  return performance.now() - started;
}

type Measured = Result & { p95: number; connections: number };

async function measure(
  url: string,
  options: { headers?: Record<string, string>; connections?: number } = {},
): Promise<Measured> {
  const headers = options.headers ?? {};
  const alone = Math.min(await timeOne(url, headers), await timeOne(url, headers));
  // Slow pages (fresh searches on PGlite) queue up beyond autocannon's default 10 s: a longer timeout keeps
  // them in the latency figures instead of dropping them and reconnecting, which only adds to the queue.
  const run = { url, headers, connections: options.connections ?? connections, timeout: 30 };
  if (warmup > 0) {
    await autocannon({ ...run, duration: warmup });
    await settle(url, alone, headers);
  }
  const times: number[] = [];
  const instance = autocannon({ ...run, duration });
  instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  const result = await instance;
  await settle(url, alone, headers);
  times.sort((a, b) => a - b);
  const p95 = times.length ? times[Math.min(times.length - 1, Math.ceil(0.95 * times.length) - 1)] : 0;
  return { ...result, p95, connections: run.connections };
}

/**
 * autocannon stops sending at the deadline, but a slow page leaves requests in the server, each waiting in
 * turn for the one PGlite connection: wait until the same page answers about as fast as it does alone, so the
 * next run does not pay for this one. (A light request is no sign: it needs one turn, a page needs several.)
 */
async function settle(url: string, aloneMs: number, headers: Record<string, string> = {}): Promise<void> {
  const begun = Date.now();
  while (Date.now() - begun < 300_000) {
    if ((await timeOne(url, headers)) <= Math.max(3 * aloneMs, aloneMs + 50)) break;
  }
  const waited = Date.now() - begun;
  if (waited > 2000) console.log(`    (the server took ${(waited / 1000).toFixed(0)} s to drain its queue)`);
}

function table(rows: Row[]): string {
  const header = [
    'scenario',
    'render',
    'conn.',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p97.5 ms',
    'p99 ms',
    '% ceiling',
    'non-2xx',
    'errors',
    'kB/resp',
  ];
  const lines = rows.map((r) => [
    r.scenario,
    r.render,
    String(r.connections),
    r.requestsPerSecond.toFixed(0),
    r.p50Ms.toFixed(1),
    r.p95Ms.toFixed(1),
    r.p97_5Ms.toFixed(1),
    r.p99Ms.toFixed(1),
    `${r.ratioToCeiling.toFixed(1)} %`,
    String(r.non2xx),
    String(r.errors),
    (r.bytesPerResponse / 1024).toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) =>
    `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i < 2 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [format(header), rule, ...lines.map(format)].join('\n');
}

async function main() {
  console.log(
    `Bench on ${dbKind}: ${connections} connections, ${warmup} s warm-up + ${duration} s per scenario, ` +
      `node ${process.version}, ${os.cpus().length} cores`,
  );
  const ceilingBase = await startCeiling();
  const databaseEnv = await prepareDatabase();
  const { jobId, referentEmail } = await loadDemoData(databaseEnv);
  const paths = new Map(scenarios.map((s) => [s, s.path.replace('{jobId}', jobId ?? 'aucune')]));

  const rows: Row[] = [];
  const record = (
    scenario: string,
    path: string,
    render: Row['render'],
    result: Measured,
    ceiling: number,
  ) => {
    const row: Row = {
      scenario,
      path,
      render,
      connections: result.connections,
      requestsPerSecond: result.requests.average,
      p50Ms: result.latency.p50,
      p95Ms: result.p95,
      p97_5Ms: result.latency.p97_5,
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
    console.log(`  ${scenario.padEnd(30)} ${row.requestsPerSecond.toFixed(0).padStart(7)} req/s`);
    return row;
  };
  const ceiling = record(
    'ceiling (node:http)',
    '/',
    '-',
    await measure(`${ceilingBase}/`),
    0,
  ).requestsPerSecond;

  const renders = (['cached', 'fresh'] as const).filter((r) => scenarios.some((s) => s.render === r));
  for (const render of renders) {
    const app = await startApp(
      databaseEnv,
      render === 'fresh' ? { PAGE_CACHE: 'false' } : {},
      render === renders[renders.length - 1],
    );
    const group = scenarios.filter((s) => s.render === render);
    // One sign-in per app start (the session lives in the database, so it would survive, but stay simple).
    const referentCookie =
      group.some((s) => s.session) && referentEmail
        ? await signIn(app.base, referentEmail, benchReferentPassword)
        : '';
    const headersOf = (s: Scenario): Record<string, string> => (s.session ? { cookie: referentCookie } : {});
    for (const s of group) {
      const response = await fetch(app.base + paths.get(s), { headers: headersOf(s), redirect: 'manual' });
      await response.arrayBuffer();
      if (response.status !== 200)
        console.warn(`  ⚠ ${paths.get(s)} answers ${response.status}: its numbers are not a page's`);
    }
    for (const s of group)
      record(
        s.name,
        paths.get(s)!,
        render,
        await measure(app.base + paths.get(s), { headers: headersOf(s), connections: s.connections }),
        ceiling,
      );
    // PGlite allows one process per folder: the next app starts once this one has stopped.
    await stopChild(app.child);
  }

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
