/**
 * Runs one `astro build` in a child process (plain-shell environment) and measures it: wall time,
 * CPU time (user + system, children included),
 * peak memory (GNU time's maximum resident set size of the largest process, or /proc polling
 * when /usr/bin/time is missing), output size, and the phase times Astro and the help center print.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { getCleanEnv } from '../../test/helpers/build-site.ts';
import { BUILD_TIMINGS_FILE } from '../../src/build/help-center-build.ts';

export interface BuildMeasurement {
  ms: number;
  /** User + system CPU time of the build and every child it waited for (GNU time); undefined without it. */
  cpuMs: number | undefined;
  peakRssBytes: number;
  /** The largest sum of RSS over the build's process tree (Pagefind's process included). */
  peakTreeRssBytes: number;
  /** How peak memory was measured. */
  memorySource: 'gnu-time' | 'proc-poll';
  distBytes: number;
  pagefindBytes: number;
  htmlPages: number;
  /** From <cacheDir>/helpdesk-kit-build.json (our build only): Pagefind's whole run, alongside the build. */
  pagefindMs: number | undefined;
  /** How long the build waited for Pagefind at its end: the part of Pagefind on the critical path. */
  pagefindWaitMs: number | undefined;
  /** Phase times parsed from Astro's log (ms): content sync, server bundle, page rendering. */
  phases: { syncMs?: number; bundleMs?: number; renderMs?: number };
}

const GNU_TIME = '/usr/bin/time';

export function getTreeSize(dir: string): { bytes: number; html: number } {
  let bytes = 0;
  let html = 0;
  if (!existsSync(dir)) return { bytes, html };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
    if (entry.name.endsWith('.html')) html++;
  }
  return { bytes, html };
}

/** Astro's durations: "512ms", "5.98s", or from a minute on "1m 5s" (getTimeStat). */
const DURATION = String.raw`(?:(\d+)m )?([\d.]+)(m?s)`;
const toMs = (minutes: string | undefined, value: string, unit: string) =>
  Number(minutes ?? 0) * 60_000 + Math.round(Number(value) * (unit === 's' ? 1000 : 1));

/** Astro's info log: "[types] Generated 1.16s", "✓ Completed in 5.98s." after the bundle and after the routes. */
export function parseAstroPhases(log: string): BuildMeasurement['phases'] {
  const plain = stripVTControlCharacters(log);
  const phases: BuildMeasurement['phases'] = {};
  const sync = plain.match(new RegExp(String.raw`\[types\] Generated ${DURATION}`));
  if (sync) phases.syncMs = toMs(sync[1], sync[2]!, sync[3]!);
  // Astro 7 logs each Vite build of the bundle ("[vite] ✓ built in 1.96s"): their sum.
  const bundleLog = plain.match(/Building static entrypoints([\s\S]*?)generating static routes/)?.[1];
  if (bundleLog) {
    const builds = [...bundleLog.matchAll(new RegExp(`built in ${DURATION}`, 'g'))];
    if (builds.length > 0) phases.bundleMs = builds.reduce((sum, m) => sum + toMs(m[1], m[2]!, m[3]!), 0);
    else {
      const completed = bundleLog.match(new RegExp(`Completed in ${DURATION}`));
      if (completed) phases.bundleMs = toMs(completed[1], completed[2]!, completed[3]!);
    }
  }
  const render = plain.match(new RegExp(String.raw`generating static routes[\s\S]*?Completed in ${DURATION}`));
  if (render) phases.renderMs = toMs(render[1], render[2]!, render[3]!);
  return phases;
}

export interface BuildOptions {
  /** Project folder: the build runs there with its node_modules/astro. */
  cwd: string;
  env: Record<string, string>;
  /** Where the build writes (measured afterwards). */
  outDir: string;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
}

export interface TimedRun {
  ms: number;
  cpuMs: number | undefined;
  /** GNU time's maximum resident set size (largest process), or the polled peak RSS of the process itself. */
  peakRssBytes: number;
  /** The largest sum of RSS over the whole process tree (polled from /proc every 200 ms): what the machine must hold. */
  peakTreeRssBytes: number;
  memorySource: 'gnu-time' | 'proc-poll';
  log: string;
}

/** The process and all its descendants, from /proc (Linux; empty elsewhere). */
function getProcessTree(pid: number): number[] {
  const all: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.shift()!;
    all.push(current);
    try {
      for (const tid of readdirSync(`/proc/${current}/task`))
        queue.push(
          ...readFileSync(`/proc/${current}/task/${tid}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number),
        );
    } catch {
      /* exited meanwhile */
    }
  }
  return all;
}

function readRssBytes(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(status.match(new RegExp(`${field}:\\s+(\\d+) kB`))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/**
 * Runs one command under GNU time (when present) and measures wall time, CPU time of it and its
 * children, and peak memory: the largest process's and the whole tree's.
 */
export async function runTimed(options: {
  cwd: string;
  command: string;
  args: string[];
  env: Record<string, string>;
}): Promise<TimedRun> {
  const useTime = existsSync(GNU_TIME);
  const env = { ...getCleanEnv(), ASTRO_TELEMETRY_DISABLED: '1', ...options.env };
  const started = performance.now();
  const child = useTime
    ? spawn(GNU_TIME, ['-v', options.command, ...options.args], { cwd: options.cwd, env })
    : spawn(options.command, options.args, { cwd: options.cwd, env });
  let log = '';
  child.stdout.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr.on('data', (c: Buffer) => (log += c.toString()));
  let polledPeak = 0;
  let treePeak = 0;
  const poll = setInterval(() => {
    if (!child.pid) return;
    // Under GNU time the tree's root is `time` itself (a few MB): counted, it changes nothing.
    const tree = getProcessTree(child.pid);
    treePeak = Math.max(
      treePeak,
      tree.reduce((sum, pid) => sum + readRssBytes(pid, 'VmRSS'), 0),
    );
    if (!useTime) polledPeak = Math.max(polledPeak, readRssBytes(child.pid, 'VmHWM'));
  }, 200);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const ms = Math.round(performance.now() - started);
  clearInterval(poll);
  if (code !== 0)
    throw new Error(
      `${path.basename(options.command)} ${options.args.join(' ')} failed (exit ${code}):\n${log.slice(-4000)}`,
    );
  const cpuSeconds = ['User', 'System'].map((k) => log.match(new RegExp(`${k} time \\(seconds\\): ([\\d.]+)`))?.[1]);
  const cpuMs = cpuSeconds.every(Boolean)
    ? Math.round((Number(cpuSeconds[0]) + Number(cpuSeconds[1])) * 1000)
    : undefined;
  const gnuPeak = Number(log.match(/Maximum resident set size \(kbytes\): (\d+)/)?.[1] ?? 0) * 1024;
  return {
    ms,
    cpuMs,
    peakRssBytes: useTime ? gnuPeak : polledPeak,
    peakTreeRssBytes: Math.max(treePeak, useTime ? gnuPeak : polledPeak),
    memorySource: useTime ? 'gnu-time' : 'proc-poll',
    log,
  };
}

export async function runAstroBuild(options: BuildOptions): Promise<BuildMeasurement> {
  const astro = path.join(options.cwd, 'node_modules/astro/bin/astro.mjs');
  const run = await runTimed({
    cwd: options.cwd,
    command: process.execPath,
    args: [...(options.nodeArgs ?? []), astro, 'build'],
    env: options.env,
  });
  const dist = getTreeSize(options.outDir);
  const cacheDir = options.env.HELP_CENTER_CACHE_DIR;
  const buildInfo = cacheDir ? path.join(cacheDir, BUILD_TIMINGS_FILE) : '';
  const info = existsSync(buildInfo)
    ? (JSON.parse(readFileSync(buildInfo, 'utf8')) as { pagefindMs?: number; pagefindWaitMs?: number })
    : {};
  return {
    ms: run.ms,
    cpuMs: run.cpuMs,
    peakRssBytes: run.peakRssBytes,
    peakTreeRssBytes: run.peakTreeRssBytes,
    memorySource: run.memorySource,
    distBytes: dist.bytes,
    pagefindBytes: getTreeSize(path.join(options.outDir, 'pagefind')).bytes,
    htmlPages: dist.html,
    pagefindMs: info.pagefindMs,
    pagefindWaitMs: info.pagefindWaitMs,
    phases: parseAstroPhases(run.log),
  };
}
