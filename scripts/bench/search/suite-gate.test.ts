import { describe, expect, it } from 'vitest';
import { compareProbes, getCheckSummary, type ProbeOutcome } from '../../../src/tools/search-check/compare.ts';
import { getSearchFigures } from '../../../src/tools/search-check/figures.ts';
import {
  RESULTS_VERSION,
  type SearchCheckBaseline,
  type SearchCheckResults,
} from '../../../src/tools/search-check/results-file.ts';
import { judgeSetSearch } from './suite-gate.ts';

const outcome = (query: string, rank: number | null): ProbeOutcome => ({
  query,
  expect: `/docs/${query.replace(/\W+/g, '-')}/`,
  language: 'en',
  line: 1,
  column: 1,
  expectAt: { line: 1, column: 1 },
  rank,
  top: ['/docs/other/'],
});

/** The baseline as `search check --save` records it: the probes' ranks then. */
const baselineOf = (outcomes: readonly ProbeOutcome[]): SearchCheckBaseline => ({
  version: RESULTS_VERSION,
  probes: outcomes.map(({ query, language, expect, rank }) => ({ query, language, expect, rank })),
});

/** What runSearchCheck returns for these outcomes against the baseline (the check's own comparison). */
function checkAgainst(now: readonly ProbeOutcome[], before: readonly ProbeOutcome[]): SearchCheckResults {
  const probes = compareProbes(now, baselineOf(before).probes);
  const summary = getCheckSummary(probes);
  return {
    version: RESULTS_VERSION,
    probesFile: 'search-probes.yaml',
    passed: summary.failed === 0,
    figures: getSearchFigures(probes.map((p) => p.rank)),
    summary,
    probes: probes.map(({ query, language, expect, line, rank, change, failure, top }) => ({
      query,
      language,
      expect,
      line,
      rank,
      change,
      ...(failure ? { failure } : {}),
      top,
    })),
  };
}

const judge = (now: ProbeOutcome[], before: ProbeOutcome[]) =>
  judgeSetSearch('a-set', checkAgainst(now, before), baselineOf(before), 'baseline.json');

const BEFORE = [
  outcome('tabs', 1),
  outcome('custom css', 1),
  outcome('warning box', 2),
  outcome('make text bigger', null),
];

describe('the real-world suite search gate', () => {
  it('passes the baseline itself, probes outside the top 3 before included', () => {
    const verdict = judge(BEFORE, BEFORE);
    expect(verdict).toMatchObject({ passed: true, failures: [], hitAt1: 2, floor: 2, probes: 4 });
  });

  it('passes a probe that moves within the top 3 when hit@1 holds', () => {
    const now = [
      outcome('tabs', 1),
      outcome('custom css', 1),
      outcome('warning box', 3),
      outcome('make text bigger', 5),
    ];
    expect(judge(now, BEFORE).passed).toBe(true);
  });

  it('fails a probe that falls out of the top 3, and hit@1 below the floor', () => {
    const now = [outcome('tabs', 4), ...BEFORE.slice(1)];
    const verdict = judge(now, BEFORE);
    expect(verdict.passed).toBe(false);
    expect(verdict.failures).toEqual([
      '"tabs": /docs/tabs/ fell out of the top 3: #1 before, #4 now; first is /docs/other/',
      expect.stringContaining('hit@1 1/4 is below the floor of 2 in baseline.json'),
    ]);
  });

  it('fails on hit@1 alone: a probe from first to third stays in the top 3 but lowers the floor', () => {
    const now = [outcome('tabs', 3), ...BEFORE.slice(1)];
    const verdict = judge(now, BEFORE);
    expect(verdict.failures).toEqual([expect.stringMatching(/^hit@1 1\/4 is below the floor of 2/)]);
  });

  it('does not fail on a new probe outside the top 3 (the baseline never had it)', () => {
    const verdict = judge([...BEFORE, outcome('brand new hard query', null)], BEFORE);
    expect(verdict.passed).toBe(true);
  });
});
