/**
 * Search quality on the sample help center (built once by the global setup): the benchmark's
 * queries through the real Pagefind index, with the browser's options and query handling.
 * `npm run bench:search` prints the full report; this test keeps CI from regressing below the floor.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { getPublishedPages } from '../../src/content/search-probes.ts';
import {
  BENCHMARK_FILE,
  BENCHMARK_HIT3_FLOOR,
  createBenchmarkSearch,
  getBenchmarkReport,
  loadBenchmark,
  runBenchmark,
} from '../../scripts/bench/search/benchmark.ts';
import { createNodeSearch, type NodeSearch } from '../../src/search/node-search.ts';
import { REPO_ROOT, SITES_DIR } from '../helpers/build-site.ts';

const outDir = path.join(SITES_DIR, 'sample');
let search: NodeSearch;
const first = async (query: string) => (await search.search(query))[0]?.url;

beforeAll(async () => {
  search = await createNodeSearch(outDir);
});

describe('search quality on the sample help center (real Pagefind index)', () => {
  it('keeps the benchmark’s hit@3 at or above the CI floor, and its query file valid', async () => {
    const { queries, diagnostics } = loadBenchmark(
      path.join(REPO_ROOT, 'content', BENCHMARK_FILE),
      `content/${BENCHMARK_FILE}`,
      getPublishedPages(loadContent(REPO_ROOT)),
    );
    expect(diagnostics).toEqual([]);
    expect(queries.length).toBeGreaterThanOrEqual(60);
    const report = getBenchmarkReport(await runBenchmark(queries, createBenchmarkSearch(outDir)));
    const missed = report.outcomes
      .filter((o) => o.rank === null || o.rank > 3)
      .map((o) => `${o.query} -> ${o.top[0] ?? 'nothing'}`);
    expect(report.hitAt3, `not in the top 3:\n${missed.join('\n')}`).toBeGreaterThanOrEqual(BENCHMARK_HIT3_FLOOR);
  });

  it('finds the answer in the customer’s words: money back, can’t log in, cancel my account', async () => {
    expect(await first('money back')).toBe('/faq/#money-back-change-of-mind');
    expect(await first('reimbursement')).toBe('/returns-refunds/refund-timelines/');
    expect(await first("can't log in")).toBe('/faq/#why-cant-i-log-in');
    expect(await first('cancel my account')).toBe('/faq/#how-do-i-cancel-my-account');
    expect(await first('deactivate account')).toMatch(
      /^\/account\/close-your-account\/$|^\/faq\/#how-do-i-cancel-my-account$/,
    );
  });

  it('answers whole questions, typos and long searches', async () => {
    expect(await first('how do I reset my password')).toBe('/account/reset-password/');
    expect(await first('pasword')).toBe('/account/reset-password/');
    expect(search.plan('cancle my order')).toEqual({
      terms: ['cancel', 'order'],
      corrections: [{ from: 'cancle', to: 'cancel' }],
      unknown: [],
    });
    expect(await first('I got a text asking me to pay a customs fee is it a scam')).toBe('/faq/#customs-fee-text');
  });

  it('finds nothing, rather than noise, for a word that is in no page', async () => {
    expect(await search.search('xylophonequartz')).toEqual([]);
  });
});
