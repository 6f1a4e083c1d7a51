import { describe, expect, it } from 'vitest';
import { article, faq, lintTestSite } from '../../../../test/helpers/lint-site.ts';

describe('duplicate titles and questions', () => {
  it('accepts distinct titles and questions', async () => {
    const { lines } = await lintTestSite({ 'content/faqs/billing/other.md': faq('Do you refund shipping costs?') });
    expect(lines).toEqual([]);
  });

  it('reports an article title used twice and a question asked twice, ignoring case and punctuation', async () => {
    const { lines } = await lintTestSite({
      'content/articles/account/refunds-again.md': article(
        'Body.\n',
        'title: get a REFUND\ndescription: How to ask for a refund, how long it takes and where the money goes.\nowner: Team\n',
      ),
      'content/faqs/account/refund-time-again.md': faq('How long does a refund take'),
    });
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/articles/billing/refunds.md:2:1  error  the title "Get a refund" is also the title of content/articles/account/refunds-again.md; give each article a title that tells them apart in search results  (duplicate-title)",
        "content/faqs/billing/refund-time.md:2:1  error  the question "How long does a refund take?" is also asked in content/faqs/account/refund-time-again.md; merge the two FAQs or ask something different  (duplicate-title)",
      ]
    `);
  });
});
