/** Medians over benchmark runs and the Markdown tables the benchmark prints and writes. */
import type { BuildMeasurement } from './run-build.ts';
import { plural } from '../../src/lib/plural.ts';

export interface SizeResult {
  /** The row's name when it is not a generated size (the starter). */
  label?: string;
  articles: number;
  faqs: number;
  categories: number;
  words: number;
  ours: BuildMeasurement[];
  /** Our build again after each cold one, with its cache kept and one article's body edited. */
  rebuild: BuildMeasurement[];
  plain: BuildMeasurement[];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Wall time not in a measured phase: process start, config and content checks, client bundle,
 * sitemap, and the wait for Pagefind at the end (Pagefind itself runs alongside the phases).
 */
const getOtherMs = (m: BuildMeasurement) =>
  m.ms - (m.phases.syncMs ?? 0) - (m.phases.bundleMs ?? 0) - (m.phases.renderMs ?? 0) - (m.pagefindWaitMs ?? 0);
const med = (runs: BuildMeasurement[], pick: (m: BuildMeasurement) => number | undefined) =>
  median(runs.map((m) => pick(m) ?? 0));
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const x = (ratio: number) => `${ratio.toFixed(2)}x`;
/** CPU seconds, or n/a where GNU time was missing. */
const cpu = (runs: BuildMeasurement[]) => (runs.every((m) => m.cpuMs !== undefined) ? med(runs, (m) => m.cpuMs) : NaN);
const cs = (ms: number) => (Number.isNaN(ms) ? 'n/a' : s(ms));
/** Each pair (ours, plain) ran back to back under the same load: the median of their ratios. */
const pairedRatio = (
  ours: BuildMeasurement[],
  plain: BuildMeasurement[],
  pick: (m: BuildMeasurement) => number | undefined,
) => median(ours.map((m, i) => (pick(m) ?? NaN) / (pick(plain[i] ?? m) ?? NaN)));
const rowName = (r: SizeResult) => r.label ?? `${r.articles.toLocaleString('en')} + ${r.faqs.toLocaleString('en')}`;

export interface Summary {
  tables: string;
  verdicts: string[];
}

export function summarize(results: SizeResult[], runs: number): Summary {
  const header = [
    '| articles + FAQs | build | CPU | Pagefind, alongside | build waited for it | content sync | bundle | render pages | other | peak memory | dist/ | Pagefind index | pages | pages/s | plain Astro build | plain CPU | plain peak memory | ours / plain, wall | ours / plain, CPU | rebuild after one edit, cache kept | rebuild / cold |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const rows = results.map((r) => {
    const ms = med(r.ours, (m) => m.ms);
    const plainMs = med(r.plain, (m) => m.ms);
    const pages = med(r.ours, (m) => m.htmlPages);
    return `| ${rowName(r)} | ${s(ms)} | ${cs(cpu(r.ours))} | ${s(med(r.ours, (m) => m.pagefindMs))} | ${s(med(r.ours, (m) => m.pagefindWaitMs))} | ${s(med(r.ours, (m) => m.phases.syncMs))} | ${s(med(r.ours, (m) => m.phases.bundleMs))} | ${s(med(r.ours, (m) => m.phases.renderMs))} | ${s(med(r.ours, getOtherMs))} | ${mb(med(r.ours, (m) => m.peakRssBytes))} | ${mb(med(r.ours, (m) => m.distBytes))} | ${mb(med(r.ours, (m) => m.pagefindBytes))} | ${pages} | ${(pages / (ms / 1000)).toFixed(0)} | ${s(plainMs)} | ${cs(cpu(r.plain))} | ${mb(med(r.plain, (m) => m.peakRssBytes))} | ${x(pairedRatio(r.ours, r.plain, (m) => m.ms))} | ${cs(cpu(r.ours)) === 'n/a' ? 'n/a' : x(pairedRatio(r.ours, r.plain, (m) => m.cpuMs))} | ${r.rebuild.length ? s(med(r.rebuild, (m) => m.ms)) : '-'} | ${r.rebuild.length ? x(median(r.rebuild.map((m, i) => m.ms / (r.ours[i]?.ms ?? m.ms)))) : '-'} |`;
  });
  const plainHeader = [
    '| articles | plain: build | content sync | bundle | render pages | other | pages | pages/s |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const plainRows = results.map((r) => {
    const ms = med(r.plain, (m) => m.ms);
    const pages = med(r.plain, (m) => m.htmlPages);
    return `| ${rowName(r)} | ${s(ms)} | ${s(med(r.plain, (m) => m.phases.syncMs))} | ${s(med(r.plain, (m) => m.phases.bundleMs))} | ${s(med(r.plain, (m) => m.phases.renderMs))} | ${s(med(r.plain, getOtherMs))} | ${pages} | ${(pages / (ms / 1000)).toFixed(0)} |`;
  });

  const verdicts: string[] = [];
  const sized = results.filter((r) => !r.label);
  const [small, large] = [sized[0], sized[sized.length - 1]];
  if (small && large && small !== large) {
    const factor = large.articles / small.articles;
    const scale = med(large.ours, (m) => m.ms) / med(small.ours, (m) => m.ms);
    const plainScale = med(large.plain, (m) => m.ms) / med(small.plain, (m) => m.ms);
    const limit = factor * 1.1;
    verdicts.push(
      `Scaling: the ${large.articles.toLocaleString('en')}-article build takes ${x(scale)} the time of the ${small.articles.toLocaleString('en')}-article build (${factor}x the content; plain Astro ${x(plainScale)}); limit ${x(limit)}: ${scale <= limit ? 'PASS' : 'FAIL'}.`,
    );
  }
  if (large) {
    const ratio = med(large.ours, (m) => m.ms) / med(large.plain, (m) => m.ms);
    // Builds alternate (ours, plain, ...): each pair ran under the same machine load.
    const paired = median(large.ours.map((m, i) => m.ms / (large.plain[i]?.ms ?? m.ms)));
    verdicts.push(
      `Overhead at ${large.articles.toLocaleString('en')} articles: our build takes ${x(ratio)} the plain Astro build in wall time (median of medians; the median of the ${large.ours.length} back-to-back pairs' ratios is ${x(paired)}); target 1.20x: ${ratio <= 1.2 ? 'PASS' : 'MISS'}.`,
    );
    if (!Number.isNaN(cpu(large.ours))) {
      const cpuRatio = pairedRatio(large.ours, large.plain, (m) => m.cpuMs);
      verdicts.push(
        `In CPU seconds at ${large.articles.toLocaleString('en')} articles: ours ${s(cpu(large.ours))}, plain ${s(cpu(large.plain))}, ${x(cpuRatio)} (median of the pairs' ratios); next target 1.10x: ${cpuRatio <= 1.1 ? 'PASS' : 'MISS'}.`,
      );
    }
  }
  if (large && large.rebuild.length > 0) {
    const ratio = median(large.rebuild.map((m, i) => m.ms / (large.ours[i]?.ms ?? m.ms)));
    verdicts.push(
      `Rebuild after editing one article at ${large.articles.toLocaleString('en')} articles, cache kept: ${s(med(large.rebuild, (m) => m.ms))}, ${x(ratio)} the cold build (median of the pairs; 0.47x when first measured); next target 0.25x: ${ratio <= 0.25 ? 'PASS' : 'MISS'}.`,
    );
  }
  const memory =
    results[0]?.ours[0]?.memorySource === 'gnu-time'
      ? 'GNU time maximum resident set size (largest process)'
      : 'peak RSS of the build process polled from /proc';
  const tables = [
    `Medians of ${plural(runs, 'run')} per size (cold builds: output and caches removed before each run). Peak memory: ${memory}.`,
    '',
    ...header,
    ...rows,
    '',
    ...plainHeader,
    ...plainRows,
  ].join('\n');
  return { tables, verdicts };
}
