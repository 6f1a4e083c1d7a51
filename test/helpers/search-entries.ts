/** An article and a FAQ as the content loader hands them to search (build and dev index tests). */
import type { ArticleForSearch } from '../../src/search/article-records.ts';
import type { FaqForSearch } from '../../src/search/faq-records.ts';

export const REFUNDS_ARTICLE = {
  category: 'billing',
  slug: 'refunds',
  title: 'Refunds',
  description: 'How and when we pay money back after a cancelled order.',
  html: '<h2 id="timing">Timing</h2><p>Refunds reach your card within five working days.</p>',
  headings: ['Timing'],
  markdown: '## Timing\n\nRefunds reach your card within five working days.\n',
} satisfies Partial<ArticleForSearch>;

export const INVOICE_FAQ = {
  category: 'billing',
  slug: 'invoice',
  question: 'Where do I find my invoice?',
  html: '<p>Under Orders, on each order.</p>',
  markdown: 'Under Orders, on each order.\n',
} satisfies Partial<FaqForSearch>;
