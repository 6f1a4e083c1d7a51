/**
 * The answer card's precision on the sample help center (built once by the global setup): every
 * search probe and the near misses of scripts/bench/search/answer-cards.ts through the real
 * Pagefind index, and the card the browser would show. `npm run bench:answer-cards` prints the
 * figures docs/search.md quotes; this test keeps a card for a wrong FAQ from coming back.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { getPublishedPages, loadSearchProbes, SEARCH_PROBES_FILE } from '../../src/content/search-probes.ts';
import {
  createCaseSearch,
  getAnswerCardCases,
  getAnswerCardFigures,
  runAnswerCardCases,
  type AnswerCardOutcome,
} from '../../scripts/bench/search/answer-cards.ts';
import { REPO_ROOT, SITES_DIR } from '../helpers/build-site.ts';

let outcomes: AnswerCardOutcome[];

beforeAll(async () => {
  const pages = getPublishedPages(loadContent(REPO_ROOT));
  const { probes, diagnostics } = loadSearchProbes(
    path.join(REPO_ROOT, 'content', SEARCH_PROBES_FILE),
    `content/${SEARCH_PROBES_FILE}`,
  );
  expect(diagnostics).toEqual([]);
  const cases = getAnswerCardCases(probes, pages);
  outcomes = await runAnswerCardCases(cases, createCaseSearch(path.join(SITES_DIR, 'sample'), pages.defaultLanguage));
});

describe('answer cards on the sample help center (real Pagefind index)', () => {
  it('shows no card for a wrong FAQ or article, and still one for most FAQ queries', () => {
    const wrong = outcomes
      .filter((o) => o.verdict === 'wrong-faq' || o.verdict === 'wrong-article')
      .map((o) => `${o.query} -> ${o.card} (want ${o.expect ?? 'no card'})`);
    expect(wrong).toEqual([]);
    const figures = getAnswerCardFigures(outcomes);
    // 31 of the 32 FAQ probes whose FAQ comes first when this test was written (docs/search.md).
    expect(figures.faqCards / figures.faqFirst).toBeGreaterThanOrEqual(0.9);
  });

  it('shows no card for "gift wrapping", but one for "gift card balance"', () => {
    const card = (query: string) => outcomes.find((o) => o.query === query)?.card;
    expect(card('gift wrapping')).toBeUndefined();
    expect(card('gift card balance')).toBe('/faq/#gift-card-balance');
  });
});
