import { describe, expect, it } from 'vitest';
import { compareProbes, describeChange, getCheckSummary, type BaselineProbe, type ProbeOutcome } from './compare.ts';
import { getSearchFigures } from './figures.ts';

const outcome = (query: string, rank: number | null, extra: Partial<ProbeOutcome> = {}): ProbeOutcome => ({
  query,
  expect: `/help/${query.replace(/\s+/g, '-')}/`,
  language: 'en',
  line: 1,
  column: 3,
  expectAt: { line: 1, column: 20 },
  rank,
  top: rank === 1 ? [`/help/${query.replace(/\s+/g, '-')}/`] : ['/other/page/'],
  ...extra,
});
const was = (query: string, rank: number | null, extra: Partial<BaselineProbe> = {}): BaselineProbe => ({
  query,
  language: 'en',
  expect: `/help/${query.replace(/\s+/g, '-')}/`,
  rank,
  ...extra,
});

describe('the search check without a baseline', () => {
  it('fails every probe whose page is not in the top 3, saying where it is and what came first', () => {
    const compared = compareProbes([
      outcome('a', 1),
      outcome('b', 3),
      outcome('c', 4),
      outcome('d', null, { top: [] }),
    ]);
    expect(compared.map((p) => [p.change, p.failure])).toEqual([
      ['new', undefined],
      ['new', undefined],
      ['new', '/help/c/ is #4, not in the top 3; first is /other/page/'],
      ['new', '/help/d/ is not in the top 10; the search finds nothing'],
    ]);
    expect(getCheckSummary(compared)).toEqual({ better: 0, worse: 0, same: 0, new: 4, failed: 2 });
  });

  it('fails a probe whose page is not published, even when another page of that path ranks', () => {
    const [p] = compareProbes([outcome('a', null, { missingPage: '"/help/a/" is not a published article' })]);
    expect(p!.failure).toBe('"/help/a/" is not a published article');
  });
});

describe('the search check against a baseline', () => {
  it('says which probes got better or worse and by how many places', () => {
    const compared = compareProbes(
      [outcome('up', 1), outcome('down', 3), outcome('same', 2), outcome('found now', 5), outcome('lost', null)],
      [was('up', 4), was('down', 1), was('same', 2), was('found now', null), was('lost', 7)],
    );
    expect(compared.map((p) => [p.query, p.before, p.change, p.places, describeChange(p)])).toEqual([
      ['up', 4, 'better', 3, 'better by 3'],
      ['down', 1, 'worse', -2, 'worse by 2'],
      ['same', 2, 'same', undefined, 'same'],
      ['found now', null, 'better', undefined, 'better: found now'],
      ['lost', 7, 'worse', undefined, 'worse: not found now'],
    ]);
  });

  it('fails only a probe that was in the top 3 and is not now', () => {
    const compared = compareProbes(
      [outcome('fell', 4), outcome('fell out of 10', null), outcome('weak before', 6), outcome('still top 3', 3)],
      [was('fell', 2), was('fell out of 10', 3), was('weak before', 5), was('still top 3', 1)],
    );
    expect(compared.map((p) => p.failure)).toEqual([
      '/help/fell/ fell out of the top 3: #2 before, #4 now; first is /other/page/',
      '/help/fell-out-of-10/ fell out of the top 3: #3 before, not in the top 10 now; first is /other/page/',
      undefined,
      undefined,
    ]);
    expect(getCheckSummary(compared)).toEqual({ better: 0, worse: 4, same: 0, new: 0, failed: 2 });
  });

  it('treats a probe the baseline lacks, or whose expected page changed, as new and does not fail it for its rank', () => {
    const compared = compareProbes(
      [
        outcome('added', 8),
        outcome('moved', 9, { expect: '/help/elsewhere/' }),
        outcome('Same Words', 1, { expect: '/help/same-words/' }),
      ],
      [was('moved', 1), was('same words', 1)],
    );
    expect(compared.map((p) => [p.change, p.before, p.failure])).toEqual([
      ['new', undefined, undefined],
      ['new', undefined, undefined],
      ['same', 1, undefined],
    ]);
  });

  it('matches probes by language as well as by query', () => {
    const [p] = compareProbes([outcome('konto', 5, { language: 'de' })], [was('konto', 1, { language: 'en' })]);
    expect(p!.change).toBe('new');
  });
});

describe('the figures', () => {
  it('computes hit@1, hit@3, MRR over the top 10 and misses', () => {
    expect(getSearchFigures([1, 2, 4, null, 11])).toEqual({
      probes: 5,
      hitAt1: 0.2,
      hitAt3: 0.4,
      mrr: 0.35,
      misses: 3,
    });
    expect(getSearchFigures([])).toEqual({ probes: 0, hitAt1: 0, hitAt3: 0, mrr: 0, misses: 0 });
  });
});
