/** Text report of the real-world suite's search benchmark: a table of sets, ours against raw Pagefind, then the details. */
import type { BenchmarkFigures } from './benchmark.ts';
import type { SetComparison } from './suite.ts';

const count = (share: number, n: number) => `${Math.round(share * n)}/${n}`;
const cells = (f: BenchmarkFigures) => [count(f.hitAt1, f.queries), count(f.hitAt3, f.queries), f.mrr.toFixed(3)];
const rank = (r: number | null) => (r === null ? 'miss' : `#${r}`);

/** The docs' table (docs/search.md): one row per set and a total. */
export function formatSuiteTable(sets: readonly SetComparison[]): string {
  const total = (pick: (s: SetComparison) => BenchmarkFigures): BenchmarkFigures => {
    const queries = sets.reduce((n, s) => n + pick(s).queries, 0);
    const sum = (k: 'hitAt1' | 'hitAt3' | 'mrr') =>
      sets.reduce((n, s) => n + pick(s)[k] * pick(s).queries, 0) / (queries || 1);
    return { queries, hitAt1: sum('hitAt1'), hitAt3: sum('hitAt3'), mrr: sum('mrr'), misses: 0 };
  };
  const row = (name: string, ours: BenchmarkFigures, raw: BenchmarkFigures, worse: number) =>
    `| ${name} | ${ours.queries} | ${cells(ours).join(' | ')} | ${cells(raw).join(' | ')} | ${worse} |`;
  return [
    '| set | probes | ours hit@1 | ours hit@3 | ours MRR | raw hit@1 | raw hit@3 | raw MRR | ours below raw |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...sets.map((s) => row(s.set, s.ours, s.raw, s.worse.length)),
    ...(sets.length > 1
      ? [
          row(
            '**all**',
            total((s) => s.ours),
            total((s) => s.raw),
            sets.reduce((n, s) => n + s.worse.length, 0),
          ),
        ]
      : []),
  ].join('\n');
}

export function formatSuiteReport(sets: readonly SetComparison[]): string {
  const lines = [formatSuiteTable(sets)];
  for (const s of sets) {
    const notFirst = s.ours.outcomes.filter((o) => o.rank !== 1);
    if (notFirst.length === 0 && s.worse.length === 0) continue;
    lines.push('', `${s.set} (${s.file}):`);
    for (const w of s.worse)
      lines.push(
        `  BELOW RAW ${rank(w.ours.rank)} (raw ${rank(w.raw.rank)}) ${JSON.stringify(w.ours.query)} want ${w.ours.expect}; ours first: ${w.ours.top[0] ?? 'nothing'}  (line ${w.ours.line})`,
      );
    for (const o of notFirst) {
      const raw = s.raw.outcomes.find((r) => r.line === o.line);
      lines.push(
        `  ${rank(o.rank).padEnd(5)} ${JSON.stringify(o.query).padEnd(44)} [${o.kind}] want ${o.expect}  first: ${o.top[0] ?? 'nothing'}  (raw ${rank(raw?.rank ?? null)}, line ${o.line})`,
      );
    }
  }
  return lines.join('\n');
}
