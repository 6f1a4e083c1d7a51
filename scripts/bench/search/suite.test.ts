import { describe, expect, it } from 'vitest';
import { getBenchmarkReport, type BenchmarkOutcome } from './benchmark.ts';
import { findWorseThanRaw } from './suite.ts';
import { formatSuiteTable } from './suite-report.ts';

const outcome = (query: string, rank: number | null, line: number): BenchmarkOutcome => ({
  query,
  expect: '/a/b/',
  kind: 'keyword',
  line,
  rank,
  top: [],
});

describe('the real-world search benchmark', () => {
  it('lists the probes where ours ranks the page lower than raw Pagefind, not found counting lowest', () => {
    const ours = [
      outcome('a', 1, 1),
      outcome('b', 3, 2),
      outcome('c', null, 3),
      outcome('d', null, 4),
      outcome('e', 2, 5),
    ];
    const raw = [outcome('a', 2, 1), outcome('b', 1, 2), outcome('c', 9, 3), outcome('d', null, 4), outcome('e', 2, 5)];
    expect(findWorseThanRaw(ours, raw).map((w) => [w.ours.query, w.ours.rank, w.raw.rank])).toEqual([
      ['b', 3, 1],
      ['c', null, 9],
    ]);
  });

  it('tabulates each set as counts of its probes, with a total weighted by probe count', () => {
    const set = (name: string, ours: Array<number | null>, raw: Array<number | null>) => ({
      set: name,
      file: `${name}.yaml`,
      ours: getBenchmarkReport(ours.map((r, i) => outcome(`q${i}`, r, i + 1))),
      raw: getBenchmarkReport(raw.map((r, i) => outcome(`q${i}`, r, i + 1))),
      worse: [],
    });
    const table = formatSuiteTable([set('one', [1, 1, 2, null], [1, 3, null, null]), set('two', [1, 1], [1, 2])]);
    expect(table.split('\n').slice(2)).toEqual([
      '| one | 4 | 2/4 | 3/4 | 0.625 | 1/4 | 2/4 | 0.333 | 0 |',
      '| two | 2 | 2/2 | 2/2 | 1.000 | 1/2 | 2/2 | 0.750 | 0 |',
      '| **all** | 6 | 4/6 | 5/6 | 0.750 | 2/6 | 4/6 | 0.472 | 0 |',
    ]);
  });
});
