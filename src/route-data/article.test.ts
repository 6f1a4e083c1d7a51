import { describe, expect, it } from 'vitest';
import {
  getArticleRouteData,
  getEditUrl,
  getToc,
  getWindow,
  TOC_MIN_HEADINGS,
  TOC_MIN_WORDS,
  type Heading,
} from './article.ts';
import { settings, site } from './fixtures.test.helpers.ts';

const h = (depth: number, n: number): Heading => ({ depth, slug: `s${n}`, text: `Section ${n}` });

describe('getArticleRouteData', () => {
  const route = getArticleRouteData(
    site,
    settings({ editUrl: 'https://github.com/acme/help/edit/main/' }),
    'refunds',
    [],
  );

  it('has the head, breadcrumbs and the category', () => {
    expect(route.head).toMatchObject({
      title: 'Refunds',
      description: 'About refunds.',
      path: '/billing/refunds/',
      ogType: 'article',
    });
    expect(route.breadcrumbs).toEqual([
      { name: 'Home', href: '/' },
      { name: 'Billing', href: '/billing/' },
      { name: 'Refunds' },
    ]);
    expect(route.category.contact).toEqual({ email: 'billing@example.com' });
  });

  it('lists the category articles beside the article, the article marked current', () => {
    expect(route.categoryNav).toEqual({
      label: 'Articles in Billing',
      title: 'Billing',
      href: '/billing/',
      items: [
        { title: 'Invoices', href: '/billing/invoices/', current: false },
        { title: 'Refunds', href: '/billing/refunds/', current: true },
        { title: 'VAT', href: '/billing/vat/', current: false },
      ],
    });
  });

  it('keeps a long list to a window around the article', () => {
    const items = Array.from({ length: 30 }, (_, i) => i);
    expect(getWindow(items, 0, 5)).toEqual([0, 1, 2, 3, 4]);
    expect(getWindow(items, 15, 5)).toEqual([13, 14, 15, 16, 17]);
    expect(getWindow(items, 29, 5)).toEqual([25, 26, 27, 28, 29]);
    expect(getWindow(items, -1, 5)).toEqual([0, 1, 2, 3, 4]);
    expect(getWindow([1, 2], 1, 5)).toEqual([1, 2]);
  });

  it('has Article and BreadcrumbList JSON-LD with absolute URLs', () => {
    const [articleLd, crumbsLd] = route.head.jsonLd as [Record<string, unknown>, { itemListElement: unknown[] }];
    expect(articleLd).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: 'Refunds',
      description: 'About refunds.',
      mainEntityOfPage: 'https://help.example.com/billing/refunds/',
      inLanguage: 'en-GB',
      publisher: { '@type': 'Organization', name: 'Parcelo Help' },
    });
    expect(crumbsLd.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://help.example.com/' },
      { '@type': 'ListItem', position: 2, name: 'Billing', item: 'https://help.example.com/billing/' },
      { '@type': 'ListItem', position: 3, name: 'Refunds', item: 'https://help.example.com/billing/refunds/' },
    ]);
  });

  it('links previous and next within the category, and the related articles', () => {
    expect(route.previous).toEqual({ title: 'Invoices', href: '/billing/invoices/' });
    expect(route.next).toEqual({ title: 'VAT', href: '/billing/vat/' });
    expect(route.related.map((a) => a.slug)).toEqual(['invoices', 'labels']);
    const first = getArticleRouteData(site, settings(), 'invoices', []);
    expect(first.previous).toBeUndefined();
    expect(first.next?.title).toBe('Refunds');
    expect(getArticleRouteData(site, settings(), 'vat', []).next).toBeUndefined();
  });

  it('joins the edit URL with the article file', () => {
    expect(route.editUrl).toBe('https://github.com/acme/help/edit/main/content/articles/billing/refunds.md');
    expect(getArticleRouteData(site, settings(), 'refunds', []).editUrl).toBeUndefined();
  });

  it('shows the updated date in the site language, with a machine date beside it', () => {
    const invoices = getArticleRouteData(site, settings(), 'invoices', []);
    expect(invoices.lastUpdated).toEqual({ datetime: '2026-03-05', text: '5 March 2026' });
    expect(invoices.head.jsonLd?.[0]).toMatchObject({ dateModified: '2026-03-05T00:00:00.000Z' });
    expect(route.lastUpdated).toBeUndefined();
    expect(route.head.jsonLd?.[0]).not.toHaveProperty('dateModified');
  });

  it('shows a TOC for a long article with enough h2/h3 headings', () => {
    const headings = [h(2, 1), h(3, 2), h(4, 3), h(2, 4)];
    const long = getArticleRouteData(site, settings(), 'invoices', headings);
    expect(long.toc).toEqual({ show: true, headings: [h(2, 1), h(3, 2), h(2, 4)] });
    expect(getArticleRouteData(site, settings(), 'refunds', headings).toc.show).toBe(false);
  });

  it('throws for an unknown slug', () => {
    expect(() => getArticleRouteData(site, settings(), 'nope', [])).toThrow('No article "nope"');
  });
});

describe('getToc thresholds', () => {
  const enough = Array.from({ length: TOC_MIN_HEADINGS }, (_, i) => h(2, i));
  it('needs both the headings and the words', () => {
    expect(TOC_MIN_HEADINGS).toBe(3);
    expect(TOC_MIN_WORDS).toBe(400);
    expect(getToc(enough, TOC_MIN_WORDS).show).toBe(true);
    expect(getToc(enough, TOC_MIN_WORDS - 1).show).toBe(false);
    expect(getToc(enough.slice(1), 10_000).show).toBe(false);
    expect(getToc([...enough.slice(1), h(1, 9), h(4, 10)], 10_000).show).toBe(false);
  });
});

describe('getEditUrl', () => {
  it('puts exactly one slash between the URL and the file', () => {
    expect(getEditUrl('https://x.test/edit/main', 'content/a.md')).toBe('https://x.test/edit/main/content/a.md');
    expect(getEditUrl('https://x.test/edit/main//', '/content/a.md')).toBe('https://x.test/edit/main/content/a.md');
    expect(getEditUrl(undefined, 'content/a.md')).toBeUndefined();
  });
});
