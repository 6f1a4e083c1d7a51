import { describe, expect, it } from 'vitest';
import { article, faq, lintTestSite } from '../../../../test/helpers/lint-site.ts';

describe('similar FAQ questions', () => {
  it('accepts questions about different things that share a word', async () => {
    const { lines } = await lintTestSite({
      'content/faqs/billing/refund-card.md': faq('Can my refund go to a different card?'),
      'content/faqs/billing/refund-shipping.md': faq('Do you refund shipping costs?'),
    });
    expect(lines).toEqual([]);
  });

  it('reports a question that asks the same as another in other words, naming the pair', async () => {
    const { lines } = await lintTestSite({
      'content/faqs/billing/refunds-duration.md': faq('How many days do refunds take?'),
      'content/faqs/billing/refund-days.md': faq('Refunds: how many days does it take?'),
    });
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/faqs/billing/refunds-duration.md:2:1  warning  "How many days do refunds take?" asks the same as "Refunds: how many days does it take?" in content/faqs/billing/refund-days.md (100% similar); merge the two answers, or make the questions clearly different  (similar-faq)",
      ]
    `);
  });
});

const DESCRIPTION = 'A test article that says what it helps with in a sentence or two.';

describe('similar article titles', () => {
  it('warns about a title that says the same as another in other words, and not about different ones', async () => {
    const { lines } = await lintTestSite({
      'content/articles/billing/change-the-delivery-address.md': article(
        'Body.\n',
        `title: Change the delivery address\ndescription: ${DESCRIPTION}\nowner: Test team\n`,
      ),
      'content/articles/billing/change-your-delivery-address.md': article(
        'Body.\n',
        `title: Change your delivery address\ndescription: ${DESCRIPTION}\nowner: Test team\n`,
      ),
      'content/articles/billing/delivery-times.md': article(
        'Body.\n',
        `title: Delivery times and costs\ndescription: ${DESCRIPTION}\nowner: Test team\n`,
      ),
    });
    expect(lines).toEqual([
      expect.stringMatching(
        /^content\/articles\/billing\/change-your-delivery-address\.md:2:1 {2}warning {2}"Change your delivery address" is nearly the title of content\/articles\/billing\/change-the-delivery-address\.md .*\(similar-title\)$/,
      ),
    ]);
  });
});
