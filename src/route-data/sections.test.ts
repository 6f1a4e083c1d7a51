import { describe, expect, it } from 'vitest';
import { buildSiteData } from '../content/site-data.ts';
import { getArticleRouteData } from './article.ts';
import { getCategoryRouteData, SECTION_LONG_AFTER, SECTION_PREVIEW } from './category.ts';
import { getHomeRouteData } from './home.ts';
import { getSitemapEntries } from './sitemap.ts';
import { accountCategory, article, sectionedArticles, sectionedSite, settings } from './fixtures.test.helpers.ts';

describe('a category with sections', () => {
  const route = getCategoryRouteData(sectionedSite, settings(), 'account');

  it('lists its sections by order, each with its articles, then the articles in no section', () => {
    expect(route.groups.map((g) => [g.anchor, g.title, g.description])).toEqual([
      ['section-settings', 'Settings', undefined],
      ['section-signing-in', 'Signing in', 'Get back in.'],
      ['articles-heading', 'Other articles', undefined],
    ]);
    expect(route.groups[0]!.articles.map((a) => a.slug)).toEqual(['change-email']);
    expect(route.groups[2]!.articles.map((a) => a.slug)).toEqual(['loose']);
    expect(route.sectionNav).toEqual([
      { title: 'Settings', href: '#section-settings' },
      { title: 'Signing in', href: '#section-signing-in' },
      { title: 'Other articles', href: '#articles-heading' },
    ]);
  });

  it('shows the first articles of a long section and puts the rest behind "See all N"', () => {
    expect([SECTION_LONG_AFTER, SECTION_PREVIEW]).toEqual([8, 6]);
    const long = route.groups[1]!;
    expect(long.articles.map((a) => a.slug)).toEqual([1, 2, 3, 4, 5, 6].map((i) => `sign-in-${i}`));
    expect(long.more?.label).toBe('See all 10 articles in Signing in');
    expect(long.more?.articles.map((a) => a.slug)).toEqual(['sign-in-7', 'sign-in-8', 'sign-in-9', 'sign-in-10']);
    expect(route.groups[0]!.more).toBeUndefined();
  });

  it('groups its FAQs by section, those in none last as "Other questions"', () => {
    expect(route.faqGroups.map((g) => [g.title, g.faqs.map((f) => f.slug)])).toEqual([
      ['Settings', ['rename']],
      ['Signing in', ['lost-phone']],
      ['Other questions', ['family']],
    ]);
  });

  it('pages through the category in the order it lists them, across sections', () => {
    const first = getArticleRouteData(sectionedSite, settings(), 'change-email', []);
    expect(first.previous).toBeUndefined();
    expect(first.next).toEqual({ title: 'Sign in 1', href: '/account/sign-in-1/' });
    const last = getArticleRouteData(sectionedSite, settings(), 'sign-in-10', []);
    expect(last.next).toEqual({ title: 'Loose article', href: '/account/loose/' });
  });

  it("lists the article's section beside it, linking the section's heading; an article in no section gets the category's list", () => {
    const inSection = getArticleRouteData(sectionedSite, settings(), 'sign-in-3', []).categoryNav;
    expect(inSection.label).toBe('Articles in Account');
    expect([inSection.title, inSection.href]).toEqual(['Signing in', '/account/#section-signing-in']);
    expect(inSection.items.map((i) => i.title)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `Sign in ${n}`));
    expect(inSection.items.filter((i) => i.current).map((i) => i.href)).toEqual(['/account/sign-in-3/']);
    const loose = getArticleRouteData(sectionedSite, settings(), 'loose', []).categoryNav;
    expect([loose.title, loose.href]).toEqual(['Account', '/account/']);
    expect(loose.items.map((i) => i.title)).toContain('Change email');
  });

  it('adds the section to the breadcrumbs, linking its heading on the category page', () => {
    const route = getArticleRouteData(sectionedSite, settings(), 'sign-in-3', []);
    expect(route.breadcrumbs).toEqual([
      { name: 'Home', href: '/' },
      { name: 'Account', href: '/account/' },
      { name: 'Signing in', href: '/account/#section-signing-in' },
      { name: 'Sign in 3' },
    ]);
    expect((route.head.jsonLd?.[1] as { itemListElement: unknown[] }).itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://help.example.com/' },
      { '@type': 'ListItem', position: 2, name: 'Account', item: 'https://help.example.com/account/' },
      {
        '@type': 'ListItem',
        position: 3,
        name: 'Signing in',
        item: 'https://help.example.com/account/#section-signing-in',
      },
      { '@type': 'ListItem', position: 4, name: 'Sign in 3', item: 'https://help.example.com/account/sign-in-3/' },
    ]);
    expect(getArticleRouteData(sectionedSite, settings(), 'loose', []).breadcrumbs).toHaveLength(3);
  });

  it('keeps the URL and the sitemap when an article moves section; only its section crumb changes', () => {
    const moved = buildSiteData(
      [accountCategory],
      sectionedArticles.map((a) => (a.slug === 'change-email' ? { ...a, section: 'signing-in' } : a)),
      [],
    );
    const before = getArticleRouteData(sectionedSite, settings(), 'change-email', []);
    const after = getArticleRouteData(moved, settings(), 'change-email', []);
    expect(after.head.path).toBe('/account/change-email/');
    expect(after.head.path).toBe(before.head.path);
    expect(after.breadcrumbs[2]).toEqual({ name: 'Signing in', href: '/account/#section-signing-in' });
    // `moved` has no FAQs, so no /faq/ page: compare the rest.
    const urls = (site: typeof moved) =>
      getSitemapEntries(site, 'https://help.example.com')
        .map((e) => e.url)
        .filter((u) => !u.endsWith('/faq/'));
    expect(urls(moved)).toEqual(urls(sectionedSite));
  });
});

describe('an unlisted article', () => {
  it('is built, with noindex, and no pager', () => {
    const route = getArticleRouteData(sectionedSite, settings(), 'ticket-only', []);
    expect(route.head).toMatchObject({ path: '/account/ticket-only/', noindex: true });
    expect(route.previous).toBeUndefined();
    expect(route.next).toBeUndefined();
    expect(route.breadcrumbs[2]).toEqual({ name: 'Settings', href: '/account/#section-settings' });
    expect(getArticleRouteData(sectionedSite, settings(), 'change-email', []).head.noindex).toBe(false);
  });

  it('is in no category list, count, related list, pager or sitemap', () => {
    const route = getCategoryRouteData(sectionedSite, settings(), 'account');
    const listed = route.groups.flatMap((g) => [...g.articles, ...(g.more?.articles ?? [])]).map((a) => a.slug);
    expect(listed).not.toContain('ticket-only');
    expect(route.articles.map((a) => a.slug)).not.toContain('ticket-only');
    expect(getHomeRouteData(sectionedSite, settings()).cards[0]!.count).toBe('12 articles, 3 FAQs');
    const all = [...sectionedSite.articleBySlug.values()];
    expect(all.flatMap((a) => [a.previous?.slug, a.next?.slug, ...a.related.map((r) => r.slug)])).not.toContain(
      'ticket-only',
    );
    // It shares the "email" tag with change-email and loose, which do relate to each other.
    expect(sectionedSite.articleBySlug.get('change-email')!.related.map((a) => a.slug)).toEqual(['loose']);
    const urls = getSitemapEntries(sectionedSite, 'https://help.example.com').map((e) => e.url);
    expect(urls).toContain('https://help.example.com/account/loose/');
    expect(urls).not.toContain('https://help.example.com/account/ticket-only/');
  });

  it('is left out of related lists even when named in `related`', () => {
    const site = buildSiteData(
      [accountCategory],
      [...sectionedArticles, article('account', 'names-it', { title: 'Names it', related: ['ticket-only', 'loose'] })],
      [],
    );
    expect(site.articleBySlug.get('names-it')!.related.map((a) => a.slug)).toEqual(['loose']);
  });
});
