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

const article = (
  category: string,
  slug: string,
  data: Record<string, unknown>,
  body = 'word '.repeat(500),
): ArticleInput => ({
  slug,
  category,
  file: `content/articles/${category}/${slug}.md`,
  body,
  data: ArticleFrontmatterSchema.parse({ description: `About ${slug}.`, ...data }),
});
const faq = (category: string, slug: string, question: string, order: number): FaqInput => ({
  slug,
  category,
  file: `content/faqs/${category}/${slug}.md`,
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
