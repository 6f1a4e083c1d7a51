/** A small site for the route-data tests, built with the real buildSiteData. */
import { buildSiteData, type ArticleInput, type FaqInput } from '../content/site-data.ts';
import {
  ArticleFrontmatterSchema,
  CategorySchema,
  FaqFrontmatterSchema,
  SiteSettingsSchema,
  type SiteSettings,
} from '../content/schema.ts';

export const settings = (extra: Partial<SiteSettings> = {}): SiteSettings => ({
  ...SiteSettingsSchema.parse({ name: 'Parcelo Help', url: 'https://help.example.com', language: 'en-GB' }),
  ...extra,
});

export const article = (
  category: string,
  slug: string,
  data: Record<string, unknown>,
  body = 'word '.repeat(500),
  section?: string,
): ArticleInput => ({
  slug,
  category,
  section,
  file: `content/articles/${category}/${section ? `${section}/` : ''}${slug}.md`,
  body,
  data: ArticleFrontmatterSchema.parse({ description: `About ${slug}.`, ...data }),
});
export const faq = (category: string, slug: string, question: string, order: number, section?: string): FaqInput => ({
  slug,
  category,
  section,
  file: `content/faqs/${category}/${section ? `${section}/` : ''}${slug}.md`,
  body: `Answer to ${slug}.`,
  data: FaqFrontmatterSchema.parse({ question, order }),
});

export const site = buildSiteData(
  [
    CategorySchema.parse({
      id: 'billing',
      title: 'Billing',
      description: 'Payments and invoices.',
      icon: 'card',
      order: 1,
      contact: { email: 'billing@example.com' },
    }),
    CategorySchema.parse({
      id: 'shipping',
      title: 'Shipping',
      description: 'Sending parcels.',
      icon: 'truck',
      order: 2,
    }),
    CategorySchema.parse({ id: 'empty', title: 'Empty', description: 'Nothing yet.', order: 3 }),
  ],
  [
    article('billing', 'invoices', {
      title: 'Invoices',
      order: 1,
      tags: ['money'],
      updated: '2026-03-05',
      featured: true,
    }),
    article('billing', 'refunds', { title: 'Refunds', order: 2, tags: ['money'] }, 'short body'),
    article('billing', 'vat', { title: 'VAT', order: 3 }),
    article('shipping', 'labels', { title: 'Labels', tags: ['money'] }),
  ],
  [
    faq('billing', 'pay-later', 'Can I pay later?', 1),
    faq('shipping', 'track', 'Where is my parcel?', 1),
    faq('billing', 'card', 'Which cards?', 2),
  ],
);

/** A category with sections: a long one, a short one listed first by `order`, an empty one, plus an unlisted article. */
export const accountCategory = CategorySchema.parse({
  id: 'account',
  title: 'Account',
  description: 'Your account.',
  sections: [
    { id: 'signing-in', title: 'Signing in', description: 'Get back in.', order: 2 },
    { id: 'settings', title: 'Settings', order: 1 },
    { id: 'empty', title: 'Nothing here yet' },
  ],
});
export const sectionedArticles = [
  ...Array.from({ length: 10 }, (_, i) =>
    article('account', `sign-in-${i + 1}`, { title: `Sign in ${i + 1}`, order: i + 1 }, 'word', 'signing-in'),
  ),
  article('account', 'change-email', { title: 'Change email', tags: ['email'] }, 'word', 'settings'),
  article('account', 'loose', { title: 'Loose article', tags: ['email'] }),
  article('account', 'ticket-only', { title: 'Ticket only', tags: ['email'], unlisted: true }, 'word', 'settings'),
];
export const sectionedSite = buildSiteData([accountCategory], sectionedArticles, [
  faq('account', 'lost-phone', 'Lost my phone?', 1, 'signing-in'),
  faq('account', 'family', 'Share with family?', 2),
  faq('account', 'rename', 'Change my name?', 3, 'settings'),
]);
