/** Percentiles over the search speed runs and the Markdown the benchmark prints and writes. */
import { median } from '../report.ts';
import type { RunMeasurement, Transfer } from './measure.ts';

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface TargetSummary {
  name: string;
  label: string;
  runs: number;
  samples: number;
  /** Queries whose first result never showed (within 10 s). */
  missing: number;
  p50: number;
  p90: number;
  /** Median, over runs, of the first query's latency (its index chunks not yet fetched). */
  coldMs: number;
  /** Median bytes of the search files on page load, on focus, and of a cold first query (focus + first query). */
  pageLoadSearchBytes: number;
  pageLoadBytes: number;
  focusBytes: number;
  coldQueryBytes: number;
  coldQueryMin: number;
  coldQueryMax: number;
  /** Median index chunks fetched for one query typed after others (warm engine). */
  chunksPerQuery: number;
  /** Median bytes for one query typed after others. */
  warmQueryBytes: number;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const ms = (v: number) => (Number.isNaN(v) ? 'n/a' : `${Math.round(v)} ms`);

export function summarizeTarget(name: string, label: string, runs: readonly RunMeasurement[]): TargetSummary {
  const latencies = runs.flatMap((r) => r.queries.map((q) => q.firstResultMs)).filter((v) => v !== undefined);
  const cold = runs.map((r) => r.focus.bytes + (r.queries[0]?.transfer.bytes ?? 0));
  const warm = runs.flatMap((r) => r.queries.slice(1).map((q) => q.transfer));
  return {
    name,
    label,
    runs: runs.length,
    samples: latencies.length,
    missing: runs.reduce((n, r) => n + r.queries.filter((q) => q.firstResultMs === undefined).length, 0),
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    coldMs: median(runs.map((r) => r.queries[0]?.firstResultMs ?? NaN)),
    pageLoadSearchBytes: median(runs.map((r) => r.pageLoadSearch.bytes)),
    pageLoadBytes: median(runs.map((r) => r.pageLoad.bytes)),
    focusBytes: median(runs.map((r) => r.focus.bytes)),
    coldQueryBytes: median(cold),
    coldQueryMin: Math.min(...cold),
    coldQueryMax: Math.max(...cold),
    chunksPerQuery: median(warm.map((t: Transfer) => t.indexChunks)),
    warmQueryBytes: median(warm.map((t: Transfer) => t.bytes)),
  };
}

export const LATENCY_TARGET_MS = 150;
export const COLD_QUERY_TARGET_BYTES = 200 * 1024;

/** The table, one row per target, and the verdicts against the issue's targets. */
export function formatSpeedReport(
  summaries: readonly TargetSummary[],
  ours: TargetSummary,
  raw: TargetSummary,
): string {
  const rows = summaries.map(
    (s) =>
      `| ${s.label} | ${ms(s.p50)} | ${ms(s.p90)} | ${ms(s.coldMs)} | ${kb(s.pageLoadSearchBytes)} of ${kb(s.pageLoadBytes)} | ${kb(s.focusBytes)} | ${kb(s.coldQueryBytes)} (${kb(s.coldQueryMin)}-${kb(s.coldQueryMax)}) | ${s.chunksPerQuery} | ${kb(s.warmQueryBytes)} | ${s.samples}${s.missing ? ` (${s.missing} without a result)` : ''} |`,
  );
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
  return [
    '| | first result p50 | p90 | first query, cold | page load: search of all | on focus | cold first query (focus + query) | index chunks per later query | bytes per later query | queries timed |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `- First result after the last key, p50: ours ${ms(ours.p50)} against ${ms(raw.p50)} for Pagefind's own UI (${(ours.p50 / raw.p50).toFixed(2)}x); target <= ${LATENCY_TARGET_MS} ms: ${verdict(ours.p50 <= LATENCY_TARGET_MS)}.`,
    `- A cold first query (what focus and the first query fetch): ours ${kb(ours.coldQueryBytes)} against ${kb(raw.coldQueryBytes)} (${(ours.coldQueryBytes / raw.coldQueryBytes).toFixed(2)}x); target <= ${kb(COLD_QUERY_TARGET_BYTES)}: ${verdict(ours.coldQueryBytes <= COLD_QUERY_TARGET_BYTES)}.`,
  ].join('\n');
}
