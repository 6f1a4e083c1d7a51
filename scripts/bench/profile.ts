/**
 * Where a build spends its time: reads a V8 .cpuprofile (node --cpu-prof) and sums self time per
 * package and inclusive time per function of this project's code (src/, and the pages and chunks
 * Astro bundles from it), so the benchmark can show evidence rather than guesses.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  /** Self time by package (node_modules/<pkg>), file of ours, or V8 bucket (GC, idle, program). */
  selfByPackage: Array<[string, number]>;
  /** Inclusive time of our functions, by "name (file:line)". */
  ourFunctions: Array<[string, number]>;
}

function shorten(url: string, repoRoot: string): string {
  const plain = url.replace(/^file:\/\//, '').replace(/\?.*$/, '');
  const nm = plain.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (nm) return nm[1]!;
  const rel = plain.startsWith(repoRoot) ? plain.slice(repoRoot.length + 1) : plain;
  // The server bundle of a benchmark build: .cache/bench/<run>/dist/pages/x.mjs -> (bundle)/pages/x.mjs
  return rel.replace(/^.*?\/dist\/((?:pages|chunks)\/)/, '(bundle)/$1');
}

/** Our code: src/ files (config time) and the page/chunk files Astro's server build makes from them, minus Astro's runtime chunk. */
const isOurs = (file: string) =>
  file.startsWith('src/') || (/\/(pages|chunks)\/.+\.mjs$/.test(file) && !/\/chunks\/(astro\/|_@astrojs)/.test(file));

export function summarizeCpuProfile(file: string, repoRoot: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const timeByNode = new Map<number, number>();
  profile.samples.forEach((id, i) => timeByNode.set(id, (timeByNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

  const selfByPackage = new Map<string, number>();
  const ourFunctions = new Map<string, number>();
  let total = 0;
  for (const [id, micros] of timeByNode) {
    total += micros;
    const node = nodes.get(id)!;
    const bucket = node.callFrame.url
      ? shorten(node.callFrame.url, repoRoot)
      : `(${node.callFrame.functionName.replace(/[()]/g, '')})`;
    selfByPackage.set(bucket, (selfByPackage.get(bucket) ?? 0) + micros);
    const counted = new Set<string>();
    for (let p: number | undefined = id; p !== undefined; p = parent.get(p)) {
      const frame = nodes.get(p)!.callFrame;
      const f = shorten(frame.url, repoRoot);
      if (!isOurs(f)) continue;
      const key = `${frame.functionName || '(anonymous)'} (${f}:${frame.lineNumber + 1})`;
      if (counted.has(key)) continue;
      counted.add(key);
      ourFunctions.set(key, (ourFunctions.get(key) ?? 0) + micros);
    }
  }
  const sorted = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]): [string, number] => [k, Math.round(v / 1000)]);
  return {
    totalMs: Math.round(total / 1000),
    selfByPackage: sorted(selfByPackage),
    ourFunctions: sorted(ourFunctions),
  };
}

export function formatProfileSummary(summary: ProfileSummary): string {
  const rows = (list: Array<[string, number]>) =>
    list.map(([k, ms]) => `| ${(ms / 1000).toFixed(1)} s | ${k.replace(/\|/g, '\\|')} |`).join('\n');
  return [
    `CPU profile of one build of ours (${(summary.totalMs / 1000).toFixed(1)} s sampled, main process only; Pagefind's own binary is not in it).`,
    '',
    '| inclusive | our function (file:line; (bundle)/ files are the pages and chunks Astro bundles from src/) |',
    '| ---: | --- |',
    rows(summary.ourFunctions),
    '',
    '| self | package or file |',
    '| ---: | --- |',
    rows(summary.selfByPackage),
  ].join('\n');
}

/** A time window on the monotonic clock, in microseconds (what `process.hrtime.bigint() / 1000n` and V8's profiles count). */
export interface ProfileWindow {
  fromUs: number;
  toUs: number;
}

/**
 * Self time of one or more profiles (a process and its worker threads), optionally only the
 * samples inside a window: by package, or by folder for this repository's own files (its
 * compiled `dist/` when a site runs the package), so a dev-server edit's time can be split into
 * Astro's content layer, our search index, our content check and the rest.
 */
export function summarizeSelfTimeByFolder(
  files: string[],
  repoRoot: string,
  windows?: ProfileWindow[],
  top = 20,
): { totalMs: number; buckets: Array<[string, number]> } {
  const buckets = new Map<string, number>();
  let total = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile & { startTime: number };
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    let at = profile.startTime;
    profile.samples.forEach((id, i) => {
      const delta = profile.timeDeltas[i] ?? 0;
      at += delta;
      if (windows && !windows.some((w) => at >= w.fromUs && at <= w.toUs)) return;
      const frame = nodes.get(id)!.callFrame;
      if (frame.functionName === '(idle)') return;
      let bucket = frame.url ? shorten(frame.url, repoRoot) : `(${frame.functionName.replace(/[()]/g, '')})`;
      // Our own files, grouped by folder: dist/build/search-index/session.js -> dist/build/search-index
      if (/^(dist|src|\(bundle\))\//.test(bucket)) bucket = bucket.replace(/\/[^/]*$/, '');
      buckets.set(bucket, (buckets.get(bucket) ?? 0) + delta);
      total += delta;
    });
  }
  return {
    totalMs: Math.round(total / 1000),
    buckets: [...buckets.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]): [string, number] => [k, Math.round(v / 1000)]),
  };
}
