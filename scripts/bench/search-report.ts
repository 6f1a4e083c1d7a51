/** Text report of a search benchmark run: the figures, a line per query kind, and every query not ranked first. */
import type { BenchmarkFigures, BenchmarkReport } from './search/benchmark.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatFigures(f: BenchmarkFigures): string {
  return `hit@1 ${pct(f.hitAt1)}  hit@3 ${pct(f.hitAt3)}  MRR@10 ${f.mrr.toFixed(3)}  misses (not in top 3) ${f.misses}`;
}

export function formatBenchmarkReport(report: BenchmarkReport, file: string): string {
  const lines: string[] = [];
  lines.push(`${report.queries} queries from ${file}`);
  lines.push(formatFigures(report));
  lines.push('');
  lines.push(`${'kind'.padEnd(16)}${'n'.padStart(4)}${'hit@1'.padStart(9)}${'hit@3'.padStart(9)}${'MRR'.padStart(8)}`);
  for (const [kind, f] of Object.entries(report.byKind)) {
    lines.push(
      `${kind.padEnd(16)}${String(f.queries).padStart(4)}${pct(f.hitAt1).padStart(9)}${pct(f.hitAt3).padStart(9)}${f.mrr.toFixed(3).padStart(8)}`,
    );
  }
  const notFirst = report.outcomes.filter((o) => o.rank !== 1);
  if (notFirst.length > 0) {
    lines.push('');
    lines.push(`Not ranked first (${notFirst.length}):`);
    for (const o of notFirst) {
      const rank = o.rank === null ? 'miss' : `#${o.rank}`;
      const first = o.top[0] ? `first: ${o.top[0]}` : 'no results';
      lines.push(
        `  ${rank.padEnd(5)} ${JSON.stringify(o.query).padEnd(44)} want ${o.expect}  ${first}  (${file}:${o.line})`,
      );
    }
  }
  return lines.join('\n');
}
