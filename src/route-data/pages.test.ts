import { describe, expect, it } from 'vitest';
import { getCategoryRouteData } from './category.ts';
import { getFaqRouteData } from './faq.ts';
import { getHomeRouteData, getRecentArticles } from './home.ts';
import { getSearchRouteData } from './search.ts';
import { getNotFoundRouteData } from './not-found.ts';
import { getSitemapEntries } from './sitemap.ts';
import { getLayoutData } from './head.ts';
import { article, settings, site } from './fixtures.test.helpers.ts';
import { buildSiteData } from '../content/site-data.ts';
import { CategorySchema } from '../content/schema.ts';

describe('getCategoryRouteData', () => {
  it('has breadcrumbs, JSON-LD, articles and FAQs in order', () => {
    const route = getCategoryRouteData(site, settings(), 'billing');
    expect(route.head).toMatchObject({ title: 'Billing', description: 'Payments and invoices.', path: '/billing/' });
    expect(route.breadcrumbs).toEqual([{ name: 'Home', href: '/' }, { name: 'Billing' }]);
    expect(route.head.jsonLd).toEqual([
      {
        '@context': 'https://schema.org',
        '@type': 'BreadcrumbList',
        itemListElement: [
          { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://help.example.com/' },
          { '@type': 'ListItem', position: 2, name: 'Billing', item: 'https://help.example.com/billing/' },
        ],
      },
    ]);
    expect(route.articles.map((a) => a.slug)).toEqual(['invoices', 'refunds', 'vat']);
    expect(route.faqs.map((f) => f.slug)).toEqual(['pay-later', 'card']);
    expect(route.faqHeading).toBe('Questions about billing');
    expect(() => getCategoryRouteData(site, settings(), 'nope')).toThrow();
  });
});

describe('getFaqRouteData', () => {
  const answers = new Map([
    ['pay-later', { body: 'Yes.', rendered: { html: '<p>Yes, <a href="/x">see</a>.</p>' } }],
    ['track', { body: 'Use the link.' }],
  ]);
  const route = getFaqRouteData(site, settings(), answers);

  it('lists the categories that have FAQs, with topic anchors', () => {
    expect(route.sections.map((s) => [s.category.id, s.anchor, s.faqs.length])).toEqual([
      ['billing', 'topic-billing', 2],
      ['shipping', 'topic-shipping', 1],
    ]);
  });

  it('shows "FAQ" in the breadcrumbs and the full name in the BreadcrumbList', () => {
    expect(route.breadcrumbs).toEqual([{ name: 'Home', href: '/' }, { name: 'FAQ' }]);
    expect(route.head.jsonLd?.[1]).toMatchObject({
      itemListElement: [
        { name: 'Home' },
        { name: 'Frequently asked questions', item: 'https://help.example.com/faq/' },
      ],
    });
  });

  it('has a FAQPage with the rendered answer, else the body, else empty', () => {
    expect(route.head).toMatchObject({
      title: 'Frequently asked questions',
      description: 'Quick answers to common questions about Parcelo Help.',
      path: '/faq/',
    });
    expect(route.head.jsonLd?.[0]).toEqual({
      '@context': 'https://schema.org',
      '@type': 'FAQPage',
      url: 'https://help.example.com/faq/',
      mainEntity: [
        {
          '@type': 'Question',
          name: 'Can I pay later?',
          url: 'https://help.example.com/faq/#pay-later',
          acceptedAnswer: { '@type': 'Answer', text: '<p>Yes, <a href="/x">see</a>.</p>' },
        },
        {
          '@type': 'Question',
          name: 'Which cards?',
          url: 'https://help.example.com/faq/#card',
          acceptedAnswer: { '@type': 'Answer', text: '' },
        },
        {
          '@type': 'Question',
          name: 'Where is my parcel?',
          url: 'https://help.example.com/faq/#track',
          acceptedAnswer: { '@type': 'Answer', text: 'Use the link.' },
        },
      ],
    });
  });
});

describe('getHomeRouteData', () => {
  it('has cards with counts, featured articles and top questions', () => {
    const route = getHomeRouteData(site, settings());
    expect(route.head).toMatchObject({
      title: 'Parcelo Help',
      description: 'Answers and how-to guides from Parcelo Help: search or browse by topic.',
      path: '/',
      headerSearch: false,
    });
    expect(route.cards.map((c) => [c.href, c.icon, c.count])).toEqual([
      ['/billing/', 'card', '3 articles, 2 FAQs'],
      ['/shipping/', 'truck', '1 article, 1 FAQ'],
      ['/empty/', 'book', '0 articles'],
    ]);
    expect(route.featured.map((a) => a.slug)).toEqual(['invoices']);
    expect(route.topFaqs[0]).toEqual({ question: 'Can I pay later?', href: '/faq/#pay-later' });
    expect(route.faqIndexHref).toBe('/faq/');
  });

  it('lists recently updated articles newest first, ties in category order, undated ones left out', () => {
    const dated = buildSiteData(
      [CategorySchema.parse({ id: 'a', title: 'A', description: 'A.', order: 1 })],
      [
        article('a', 'old', { title: 'Old', order: 1, updated: '2025-01-02' }),
        article('a', 'same-2', { title: 'Same 2', order: 3 }),
        article('a', 'same-1', { title: 'Same 1', order: 2 }),
        article('a', 'new', { title: 'New', order: 4, updated: '2026-06-30' }),
        article('a', 'undated', { title: 'Undated', order: 5 }),
        article('a', 'hidden', { title: 'Hidden', order: 6, updated: '2026-12-01', unlisted: true }),
      ],
      [],
      {
        lastChanged: new Map([
          ['content/articles/a/same-1.md', new Date('2026-03-01T10:00:00Z')],
          ['content/articles/a/same-2.md', new Date('2026-03-01T10:00:00Z')],
        ]),
      },
    );
    const recent = getRecentArticles(dated, 'en-GB', 3);
    expect(recent.map((a) => a.slug)).toEqual(['new', 'same-1', 'same-2']);
    expect(recent[0]!.updated).toEqual({ datetime: '2026-06-30', text: '30 June 2026' });
    expect(getRecentArticles(dated, 'en-GB').map((a) => a.slug)).toEqual(['new', 'same-1', 'same-2', 'old']);
    expect(getHomeRouteData(site, settings()).recent.map((a) => a.slug)).toEqual(['invoices']);
  });
});

describe('search and 404', () => {
  it('are not indexed and hide the header search', () => {
    const search = getSearchRouteData(site);
    expect(search.head).toMatchObject({ path: '/search/', noindex: true, headerSearch: false });
    expect(search.topics[1]).toEqual({ id: 'shipping', title: 'Shipping', href: '/shipping/' });
    expect(getNotFoundRouteData()).toMatchObject({
      head: {
        title: 'Page not found',
        description: 'The page you were looking for is not here.',
        path: '/404/',
        headerSearch: false,
        noindex: true,
      },
      homeHref: '/',
    });
  });
});

describe('getSitemapEntries', () => {
  it('lists home, FAQ, categories and articles with their dates', () => {
    const entries = getSitemapEntries(site, 'https://help.example.com');
    expect(entries.slice(0, 3)).toEqual([
      { url: 'https://help.example.com/' },
      { url: 'https://help.example.com/faq/' },
      { url: 'https://help.example.com/billing/' },
    ]);
    expect(entries).toHaveLength(2 + 3 + 4);
    expect(entries.find((e) => e.url.endsWith('/invoices/'))?.lastModified?.toISOString()).toBe(
      '2026-03-05T00:00:00.000Z',
    );
  });
});

describe('getLayoutData', () => {
  it('titles every page but home with the site name, and serialises JSON-LD safely', () => {
    const s = settings({ logo: '/logo.svg' });
    const page = getLayoutData(
      { title: 'Refunds', description: 'd', path: '/billing/refunds/', jsonLd: [{ name: '</script>' }] },
      s,
    );
    expect(page).toMatchObject({
      fullTitle: 'Refunds | Parcelo Help',
      canonical: 'https://help.example.com/billing/refunds/',
      ogType: 'website',
      ogLocale: 'en_GB',
      htmlStyle: '--brand: #4f46e5; --brand-contrast: #ffffff; --brand-link-light: #4f46e5; --brand-link-dark: #7b74ec',
      iconHref: '/logo.svg',
      noindex: false,
      headerSearch: true,
      jsonLd: ['{"name":"\\u003c/script>"}'],
    });
    expect(
      getLayoutData({ title: 'Parcelo Help', description: 'd', path: '/' }, s, new URL('https://other.test')).canonical,
    ).toBe('https://other.test/');
    expect(getLayoutData({ title: 'Parcelo Help', description: 'd', path: '/' }, s).fullTitle).toBe('Parcelo Help');
  });
});
