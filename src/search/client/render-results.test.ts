import { describe, expect, it } from 'vitest';
import type { PagefindResultData } from './pagefind-api.ts';
import {
  getMatchingSections,
  getTopicCounts,
  renderOtherTopics,
  renderResult,
  renderStatus,
  createResultText,
} from './render-results.ts';
import de from '../../i18n/dictionaries/de.ts';

const section = (slug: string, title: string, score: number) => ({
  title,
  url: `/billing/refunds/#${slug}`,
  excerpt: `…${title}…`,
  weighted_locations: score ? [{ weight: 1, balanced_score: score, location: 1 }] : [],
});

const article: PagefindResultData = {
  url: '/billing/refunds/',
  excerpt: 'When your <mark>refund</mark> arrives',
  meta: { title: 'Refunds & credits', category: 'Payments and billing' },
  filters: { type: ['article'], category: ['billing'] },
  word_count: 600,
  sub_results: [
    { title: 'Refunds & credits', url: '/billing/refunds/', excerpt: '' },
    section('when', 'When we refund', 10),
    section('card', 'Refunds to a card', 500),
    section('other', 'Other things', 0),
  ],
};
const faq: PagefindResultData = {
  url: '/faq/#refund-to-different-card',
  excerpt: 'Can my <mark>refund</mark> go…',
  meta: { title: 'Can my refund go to a different card?', category: 'Returns and refunds' },
  filters: { type: ['faq'], category: ['returns-refunds'] },
  word_count: 90,
  sub_results: [{ title: 'Can my refund go to a different card?', url: '/faq/#refund-to-different-card', excerpt: '' }],
};
const plan = { terms: ['refund'], corrections: [], unknown: [] };

describe('a search result', () => {
  it('shows the title, category and kind, the highlighted excerpt and the best-matching sections of a long article', () => {
    expect(renderResult(article, 2)).toMatchInlineSnapshot(
      `"<li><a class="result" href="/billing/refunds/"><span class="result-title">Refunds &amp; credits</span> <span class="result-meta">Payments and billing · Article</span><span class="result-excerpt">When your <mark>refund</mark> arrives…</span></a><ul class="result-sub" aria-label="Matching sections of Refunds &amp; credits"><li><a href="/billing/refunds/#card">Refunds to a card</a></li><li><a href="/billing/refunds/#when">When we refund</a></li></ul></li>"`,
    );
  });

  it('shows the help center section the result is in, between its category and kind', () => {
    const inSection = { ...article, meta: { ...article.meta, section: 'Cards & wallets' } };
    expect(renderResult(inSection, 0)).toContain(
      '<span class="result-meta">Payments and billing · Cards &amp; wallets · Article</span>',
    );
  });

  it('shows a FAQ answer under its question, without sections', () => {
    expect(renderResult(faq, 2)).toContain(
      '<span class="result-title">Can my refund go to a different card?</span> <span class="result-meta">Returns and refunds · FAQ</span>',
    );
    expect(renderResult(faq, 2)).not.toContain('result-sub');
  });

  it('shows no sections under a short article', () => {
    expect(getMatchingSections({ ...article, word_count: 120 }, 3)).toEqual([]);
  });
});

describe('a result in the default language on a page in another', () => {
  it("carries its lang and says its language in the page's language", () => {
    const html = renderResult(faq, 2, createResultText(de, 'de'), { code: 'en', pageLanguage: 'de' });
    expect(html).toMatch(/^<li lang="en"><a class="result" href="\/faq\/#refund-to-different-card">/);
    expect(html).toContain(
      '<span class="result-meta">Returns and refunds · FAQ · <span class="result-language" lang="de">Auf Englisch</span></span>',
    );
    expect(renderResult(faq, 2, createResultText(), { code: 'de', pageLanguage: 'en' })).toContain(
      '<span class="result-language" lang="en">In German</span>',
    );
    expect(renderResult(faq, 2)).toMatch(/^<li><a /);
  });
});

describe('the search status line', () => {
  it('counts the results and says when only the first ones are shown', () => {
    expect(renderStatus('refund', 1, 1, plan)).toBe('1 result for “refund”.');
    expect(renderStatus('refund', 25, 20, plan)).toBe('25 results for “refund”, showing the first 20.');
    expect(renderStatus('xylophonequartz', 0, 0, { terms: [], corrections: [], unknown: ['xylophonequartz'] })).toBe(
      'No results for “xylophonequartz”.',
    );
  });

  it('says what was searched for when a typo was corrected', () => {
    expect(
      renderStatus('reset pasword', 3, 3, {
        terms: ['reset', 'password'],
        corrections: [{ from: 'pasword', to: 'password' }],
        unknown: [],
      }),
    ).toBe('3 results for “reset pasword”, searched as “reset password”.');
  });
});

describe('other topics when the filters leave nothing', () => {
  it('lists the categories of the unfiltered results, most first, each keeping the query', () => {
    const topics = getTopicCounts([faq, article, { ...faq, url: '/faq/#x' }]);
    expect(topics).toEqual([
      { id: 'returns-refunds', title: 'Returns and refunds', count: 2 },
      { id: 'billing', title: 'Payments and billing', count: 1 },
    ]);
    expect(renderOtherTopics('money back', '/search/', topics, 3)).toMatchInlineSnapshot(
      `"<p>Without the filters, “money back” finds 3 results in these topics:</p><ul class="link-list"><li><a href="/search/?q=money%20back&amp;category=returns-refunds">Returns and refunds</a> (2)</li><li><a href="/search/?q=money%20back&amp;category=billing">Payments and billing</a> (1)</li></ul><p><a href="/search/?q=money%20back">Search all topics for “money back”</a></p>"`,
    );
  });

  it('adds nothing when the query finds nothing anywhere', () => {
    expect(renderOtherTopics('xylophonequartz', '/search/', [], 0)).toBe('');
  });
});

describe('strings from the index in a result', () => {
  it('go in escaped: the excerpt keeps only its highlights, and an unsafe URL becomes a dead link', () => {
    const hostile: PagefindResultData = {
      ...faq,
      url: 'javascript:alert(1)',
      excerpt: 'Paste &lt;img src=x onerror=alert(1)&gt; <mark>here</mark> & <b>go</b>',
      meta: { title: '<script>alert(1)</script>', category: '<i>x</i>' },
      sub_results: [],
    };
    expect(renderResult(hostile, 0)).toBe(
      '<li><a class="result" href="#"><span class="result-title">&lt;script&gt;alert(1)&lt;/script&gt;</span> ' +
        '<span class="result-meta">&lt;i&gt;x&lt;/i&gt; · FAQ</span><span class="result-excerpt">' +
        'Paste &lt;img src=x onerror=alert(1)&gt; <mark>here</mark> &amp; &lt;b&gt;go&lt;/b&gt;…</span></a></li>',
    );
  });
});
