/**
 * The feedback endpoint benchmark: the real Node server (SQLite store, its own process) and the
 * Cloudflare entry with D1 in workerd (through miniflare) under autocannon, beside a bare Node
 * HTTP server that answers 204 without storing, measured in the same run, all after a
 * 2,000-request warm-up. Every vote has its own event id and simulated client (X-Forwarded-For,
 * trusted in bench mode only, or CF-Connecting-IP on Workers), so every acknowledged vote must
 * become its own row. The report measures each server for the same fixed duration, and records
 * which event ids were acknowledged: each must be stored (acked ⊆ stored), and at most one
 * request per connection, cut off in flight when the time ends, may be stored unacknowledged.
 * Returns data; scripts/bench-feedback.ts prints it and sets the exit code.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon, { type AutocannonResult } from 'autocannon';
import { openReadOnly, readPragma, selectColumn, selectValue } from '../../../test/helpers/sqlite-file.ts';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { buildFeedbackManifest, type FeedbackManifest } from '../../../src/feedback/manifest.ts';
import type { D1Database } from '../../../src/feedback/server/stores/d1.ts';
import { startWorkerd } from '../../../test/helpers/feedback/workerd.ts';
import { BROWSER_UA, SITE_ORIGIN, SITE_URL } from '../../../test/helpers/feedback/fixtures.ts';
import {
  REPO_ROOT,
  createTempSite,
  spawnFeedbackServer,
  type SpawnedServer,
} from '../../../test/helpers/feedback/spawn-server.ts';

export interface LoadResult {
  /** Completed requests per second over the run. */
  rps: number;
  p50: number;
  p99: number;
  max: number;
  ok: number;
  /** non-2xx answers + socket errors + timeouts. */
  failed: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  durationS: number;
}

export interface LoadPlan {
  connections: number;
  /** Total requests; the run ends when all are answered (no request is cut off in flight). */
  amount?: number;
  /** Or a fixed duration (s): requests in flight when it ends are cut off. */
  durationS?: number;
  /** Requests per second across all connections (fixed rate). */
  overallRate?: number;
  /** Collects the event id of every vote answered 2xx. */
  acked?: Set<string>;
  /** The header carrying the simulated client address. */
  clientHeader?: 'x-forwarded-for' | 'cf-connecting-ip';
}

const ITEMS = 20;

function toLoadResult(r: AutocannonResult): LoadResult {
  const failed = r.non2xx + r.errors + r.timeouts;
  return {
    rps: (r['2xx'] + r.non2xx) / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    ok: r['2xx'],
    failed,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    durationS: r.duration,
  };
}

let sequence = 0;
/** One autocannon run of fresh votes (unique event id and client per request). */
export async function runVoteLoad(url: string, plan: LoadPlan): Promise<LoadResult> {
  const base = { origin: SITE_ORIGIN, 'content-type': 'text/plain;charset=UTF-8', 'user-agent': BROWSER_UA };
  const clientHeader = plan.clientHeader ?? 'x-forwarded-for';
  const result = await autocannon({
    url,
    connections: plan.connections,
    ...(plan.amount === undefined ? { duration: plan.durationS } : { amount: plan.amount }),
    ...(plan.overallRate === undefined ? {} : { overallRate: plan.overallRate }),
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: '/feedback',
        setupRequest(request, context) {
          const n = ++sequence;
          const eventId = crypto.randomUUID();
          // One request at a time per connection (no pipelining), so the context names its vote.
          context.eventId = eventId;
          request.headers = { ...base, [clientHeader]: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
          request.body = JSON.stringify({
            itemId: `article:bench-${n % ITEMS}`,
            pagePath: `/bench/${n % ITEMS}/`,
            vote: n % 4 ? 'up' : 'down',
            ...(n % 4 ? {} : { reason: 'hard-to-follow', comment: 'Benchmark comment: step 3 is unclear.' }),
            language: 'en',
            revision: 'unknown',
            eventId,
          });
          return request;
        },
        onResponse(status, _body, context) {
          if (status >= 200 && status < 300) plan.acked?.add(context.eventId as string);
        },
      },
    ],
  });
  return toLoadResult(result);
}

/** A bare Node HTTP server in its own process: reads the body, answers 204, stores nothing. */
export async function startBaselineServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const code = `const http=require('node:http');const s=http.createServer((q,r)=>{q.resume();q.on('end',()=>{r.writeHead(204);r.end()})});s.listen(0,'127.0.0.1',()=>console.log(JSON.stringify({port:s.address().port})));process.on('SIGTERM',()=>{s.close(()=>process.exit(0));s.closeAllConnections()})`;
  const proc = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    proc.stdout.once('data', (d: Buffer) => resolve((JSON.parse(d.toString()) as { port: number }).port));
    proc.once('exit', (c) => reject(new Error(`the baseline server exited (${c})`)));
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await runVoteLoad(url, WARMUP);
  } catch (err) {
    await stopProcess(proc);
    throw err;
  }
  return { url, stop: () => stopProcess(proc) };
}

async function stopProcess(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return;
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  proc.kill('SIGTERM');
  await exited;
}

/** Requests sent before measuring, so both servers are measured warm (JIT, first salt, caches). */
const WARMUP: LoadPlan = { connections: 10, amount: 2000 };

export interface BenchServer {
  server: SpawnedServer;
  dbFile: string;
  /** Votes acknowledged during the warm-up (they are stored too). */
  warmupAcked: number;
  /** Stop with SIGTERM (drain), then count rows; returns the exit code and the stored event ids too. */
  stop(): Promise<{ exitCode: number | string; rows: number; integrity: unknown; eventIds: Set<string> }>;
  cleanup(): void;
}

const createBenchManifest = (): FeedbackManifest =>
  buildFeedbackManifest({
    revision: 'unknown',
    siteUrl: SITE_URL,
    items: Array.from({ length: ITEMS }, (_, i) => ({
      id: `article:bench-${i}`,
      kind: 'article' as const,
      title: `Bench ${i}`,
      path: `/bench/${i}/`,
    })),
  });

export async function startBenchServer(synchronous: 'FULL' | 'NORMAL'): Promise<BenchServer> {
  const site = createTempSite(createBenchManifest());
  const server = await spawnFeedbackServer({
    FEEDBACK_DB: site.dbFile,
    FEEDBACK_MANIFEST: site.manifestFile,
    FEEDBACK_RATE_LIMIT: 'off',
    FEEDBACK_RATE_LIMIT_GLOBAL: 'off',
    FEEDBACK_TRUST_PROXY: 'true',
    FEEDBACK_SQLITE_SYNCHRONOUS: synchronous,
  });
  const warmup = await runVoteLoad(server.url, WARMUP);
  return {
    server,
    dbFile: site.dbFile,
    warmupAcked: warmup.ok,
    async stop() {
      server.proc.kill('SIGTERM');
      const exitCode = await server.exited;
      const db = openReadOnly(site.dbFile);
      const rows = selectValue(db, 'SELECT count(*) FROM votes') as number;
      const integrity = readPragma(db, 'integrity_check');
      const eventIds = new Set(selectColumn(db, 'SELECT event_id FROM votes') as string[]);
      db.close();
      return { exitCode, rows, integrity, eventIds };
    },
    cleanup: site.cleanup,
  };
}

/** Run the second-writer process against `dbFile` for `durationMs`. */
export function startSecondWriter(
  dbFile: string,
  durationMs: number,
  votesPerSecond: number,
): Promise<{ written: number; errors: number }> {
  const tsx = pathToFileURL(path.join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  const proc = spawn(
    process.execPath,
    [
      '--import',
      tsx,
      path.join(REPO_ROOT, 'scripts/bench/feedback/second-writer.ts'),
      dbFile,
      String(durationMs),
      String(votesPerSecond),
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) =>
    proc.once('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').pop()!) as { written: number; errors: number })
        : reject(new Error(`the second writer exited with ${code}`)),
    ),
  );
}

export const getWalBytes = (dbFile: string) => {
  try {
    return statSync(`${dbFile}-wal`).size;
  } catch {
    return 0;
  }
};

/** Busy errors the server logged (checklist 12 wants none). */
export const countBusyErrors = (logs: string) => (logs.match(/SQLITE_BUSY|database is locked/g) ?? []).length;

/** The Cloudflare entry with D1 in workerd, listening on loopback, warmed up. */
export async function startD1BenchServer(): Promise<{
  url: string;
  warmupAcked: number;
  /** Kill workerd and return the stored event ids (read after a restart on the same D1 folder). */
  stop(): Promise<{ rows: number; eventIds: Set<string> }>;
}> {
  const root = mkdtempSync(path.join(tmpdir(), 'feedback-bench-d1-'));
  const assetsDir = path.join(root, 'dist');
  mkdirSync(assetsDir);
  writeFileSync(path.join(assetsDir, 'feedback-manifest.json'), JSON.stringify(createBenchManifest()));
  const start = () =>
    startWorkerd({
      entry: 'src/feedback/server/runtimes/cloudflare.ts',
      d1Dir: path.join(root, 'd1'),
      assetsDir,
      vars: {
        FEEDBACK_RATE_LIMIT: 'off',
        FEEDBACK_RATE_LIMIT_GLOBAL: 'off',
        FEEDBACK_SECRET: 'a-bench-secret-0123456789',
      },
    });
  const mf = await start();
  const url = (await mf.ready).origin;
  const warmup = await runVoteLoad(url, { ...WARMUP, clientHeader: 'cf-connecting-ip' });
  return {
    url,
    warmupAcked: warmup.ok,
    async stop() {
      await mf.dispose();
      const again = await start();
      try {
        const db = (await again.getD1Database('DB')) as unknown as D1Database;
        const { results } = await db.prepare('SELECT event_id FROM votes').all<{ event_id: string }>();
        return { rows: results.length, eventIds: new Set(results.map((r) => r.event_id)) };
      } finally {
        await again.dispose();
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}

/** A measured store: its load, and how the acknowledged votes compare with the stored ones. */
export interface StoreRun {
  load: LoadResult;
  acked: number;
  /** Rows written during the measured run (warm-up rows left out). */
  stored: number;
  /** Acknowledged event ids missing from the store (must be 0). */
  lost: number;
  /** Stored but not acknowledged: requests cut off in flight at the end (at most one per connection). */
  unacked: number;
}

export interface CompareResult {
  plan: { connections: number; durationS: number };
  baseline: LoadResult;
  sqlite: StoreRun & { exitCode: number | string; integrity: unknown };
  d1?: StoreRun;
}

function compareIds(load: LoadResult, acked: Set<string>, stored: Set<string>, rows: number, warmup: number): StoreRun {
  let lost = 0;
  for (const id of acked) if (!stored.has(id)) lost++;
  const measuredRows = rows - warmup;
  return { load, acked: acked.size, stored: measuredRows, lost, unacked: measuredRows - (acked.size - lost) };
}

/**
 * The default report: the same closed-loop load for the same fixed duration against the bare
 * server, the Node server with SQLite and (unless `d1` is false) the Workers entry with D1.
 */
export async function runComparison(
  plan: { connections: number; durationS: number },
  synchronous: 'FULL' | 'NORMAL',
  options: { d1?: boolean } = {},
): Promise<CompareResult> {
  const baselineServer = await startBaselineServer();
  let baseline: LoadResult;
  try {
    baseline = await runVoteLoad(baselineServer.url, plan);
  } finally {
    await baselineServer.stop();
  }
  const bench = await startBenchServer(synchronous);
  let sqlite: CompareResult['sqlite'];
  try {
    const acked = new Set<string>();
    const load = await runVoteLoad(bench.server.url, { ...plan, acked });
    const end = await bench.stop();
    sqlite = {
      ...compareIds(load, acked, end.eventIds, end.rows, bench.warmupAcked),
      exitCode: end.exitCode,
      integrity: end.integrity,
    };
  } finally {
    bench.cleanup();
  }
  if (options.d1 === false) return { plan, baseline, sqlite };
  const d1Server = await startD1BenchServer();
  const acked = new Set<string>();
  const load = await runVoteLoad(d1Server.url, { ...plan, acked, clientHeader: 'cf-connecting-ip' });
  const end = await d1Server.stop();
  return { plan, baseline, sqlite, d1: compareIds(load, acked, end.eventIds, end.rows, d1Server.warmupAcked) };
}

export interface Gate {
  name: string;
  passed: boolean;
  detail: string;
}

export interface CiResult {
  fixed: { feedback: LoadResult; baseline: LoadResult; acked: number; stored: number };
  closed: {
    feedback: LoadResult;
    baseline: LoadResult;
    acked: number;
    stored: number;
    secondWriter: { written: number; errors: number };
    walBytes: number;
    busyErrors: number;
  };
  gates: Gate[];
}

/** SLOs (checklist 13 and 12), with 1.5x headroom on latency because CI shares two cores with the load generator. */
export const SLO = {
  fixedRate: 500,
  fixedSeconds: 10,
  fixedConnections: 10,
  fixedP99Ms: 30 * 1.5,
  closedConnections: 50,
  closedAmount: 10_000,
  closedMinRps: 1000,
  closedP99Ms: 100 * 1.5,
  walMaxBytes: 64 * 1024 * 1024,
  secondWriterRate: 50,
};

/**
 * Fixed rate as an amount (rate x seconds), not a duration: autocannon cuts off requests still in
 * flight when a duration ends, which would make "acked == stored" unprovable.
 */
const FIXED_PLAN: LoadPlan = {
  connections: SLO.fixedConnections,
  amount: SLO.fixedRate * SLO.fixedSeconds,
  overallRate: SLO.fixedRate,
};

/** The --ci run: fixed-rate gate, then closed loop with a second writer process; every gate listed. */
export async function runCiGates(synchronous: 'FULL' | 'NORMAL'): Promise<CiResult> {
  const baselineServer = await startBaselineServer();
  let fixedBaseline: LoadResult;
  let closedBaseline: LoadResult;
  try {
    fixedBaseline = await runVoteLoad(baselineServer.url, FIXED_PLAN);
    closedBaseline = await runVoteLoad(baselineServer.url, {
      connections: SLO.closedConnections,
      amount: SLO.closedAmount,
    });
  } finally {
    await baselineServer.stop();
  }

  const fixedBench = await startBenchServer(synchronous);
  let fixed: CiResult['fixed'];
  try {
    const feedback = await runVoteLoad(fixedBench.server.url, FIXED_PLAN);
    const end = await fixedBench.stop();
    fixed = { feedback, baseline: fixedBaseline, acked: feedback.ok, stored: end.rows - fixedBench.warmupAcked };
  } finally {
    fixedBench.cleanup();
  }

  const closedBench = await startBenchServer(synchronous);
  let closed: CiResult['closed'];
  try {
    // The second writer runs for about as long as the closed loop takes at the minimum rate.
    const writer = startSecondWriter(
      closedBench.dbFile,
      (SLO.closedAmount / SLO.closedMinRps) * 1000,
      SLO.secondWriterRate,
    );
    const feedback = await runVoteLoad(closedBench.server.url, {
      connections: SLO.closedConnections,
      amount: SLO.closedAmount,
    });
    const secondWriter = await writer;
    const walBytes = getWalBytes(closedBench.dbFile);
    const busyErrors = countBusyErrors(closedBench.server.logs());
    const end = await closedBench.stop();
    closed = {
      feedback,
      baseline: closedBaseline,
      acked: feedback.ok,
      stored: end.rows - closedBench.warmupAcked - secondWriter.written,
      secondWriter,
      walBytes,
      busyErrors,
    };
  } finally {
    closedBench.cleanup();
  }

  const gates: Gate[] = [
    {
      name: 'fixed 500 req/s: 0 errors',
      passed: fixed.feedback.failed === 0,
      detail: `${fixed.feedback.failed} failed of ${fixed.feedback.ok + fixed.feedback.failed}`,
    },
    {
      name: `fixed 500 req/s: p99 < ${SLO.fixedP99Ms} ms`,
      passed: fixed.feedback.p99 < SLO.fixedP99Ms,
      detail: `p99 ${fixed.feedback.p99} ms`,
    },
    {
      name: 'fixed 500 req/s: acked == stored',
      passed: fixed.acked === fixed.stored,
      detail: `${fixed.acked} acked, ${fixed.stored} stored`,
    },
    {
      name: 'closed loop 10,000: 0 errors',
      passed: closed.feedback.failed === 0,
      detail: `${closed.feedback.failed} failed`,
    },
    {
      name: `closed loop 10,000: >= ${SLO.closedMinRps} req/s`,
      passed: closed.feedback.rps >= SLO.closedMinRps,
      detail: `${Math.round(closed.feedback.rps)} req/s`,
    },
    {
      name: `closed loop 10,000: p99 < ${SLO.closedP99Ms} ms`,
      passed: closed.feedback.p99 < SLO.closedP99Ms,
      detail: `p99 ${closed.feedback.p99} ms`,
    },
    {
      name: 'closed loop 10,000: acked == stored',
      passed: closed.acked === closed.stored,
      detail: `${closed.acked} acked, ${closed.stored} stored`,
    },
    {
      name: 'second writer process: no errors, no SQLITE_BUSY',
      passed: closed.secondWriter.errors === 0 && closed.busyErrors === 0,
      detail: `${closed.secondWriter.written} written, ${closed.secondWriter.errors} errors, ${closed.busyErrors} busy in server log`,
    },
    {
      name: '-wal file < 64 MB',
      passed: closed.walBytes < SLO.walMaxBytes,
      detail: `${(closed.walBytes / 1024 / 1024).toFixed(1)} MB`,
    },
  ];
  return { fixed, closed, gates };
}
