import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGitHistory } from '../../src/content/git-history.ts';
import { loadContent } from '../../src/content/load.ts';
import { getArticlePath } from '../../src/content/routes.ts';
import { countWords } from '../../src/content/site-data.ts';
import { createNodeSearch, type NodeSearch } from '../../src/search/node-search.ts';
import { getBrandStyle } from '../../src/site/brand-colors.ts';
import { REPO_ROOT, SITES_DIR } from '../helpers/build-site.ts';
import { getJsonLd, readPage, text } from '../helpers/dist.ts';

const outDir = path.join(SITES_DIR, 'sample');
const content = loadContent(REPO_ROOT);
const articles = content.articles.filter((a) => !a.data.draft);
/** What readers find in lists, the sitemap and search: unlisted articles are built but in none of them. */
const listed = articles.filter((a) => !a.data.unlisted);
const unlisted = articles.filter((a) => a.data.unlisted);
const sectionTitle = (a: (typeof articles)[number]) =>
  content.categories.find((c) => c.id === a.category)?.sections.find((s) => s.id === a.section)?.title;
const faqs = content.faqs.filter((f) => !f.data.draft);
const site = content.site!;
const siteUrl = site.url.replace(/\/$/, '');

describe('the sample help center build', () => {
  it('has the sample content the demo promises', () => {
    expect(content.diagnostics).toEqual([]);
    expect(content.categories.length).toBeGreaterThanOrEqual(6);
    expect(articles.length).toBeGreaterThanOrEqual(24);
    expect(faqs.length).toBeGreaterThanOrEqual(30);
  });

  it('shows one search box on the home page (the hero’s), not a second in the header', () => {
    const home = readPage(outDir, '/');
    expect(home.querySelectorAll('input[type="search"]').map((i) => i.id)).toEqual(['home-search']);
    expect(home.querySelector('.skip-link')?.getAttribute('href')).toBe('#main');
    expect(home.querySelector('#main #home-search')).not.toBeNull();
  });

  it('sets the link colours of both themes, derived from brandColor, on every page', () => {
    expect(readPage(outDir, '/').querySelector('html')?.getAttribute('style')).toBe(getBrandStyle(site.brandColor));
    expect(getBrandStyle(site.brandColor)).toBe(
      '--brand: #4338ca; --brand-contrast: #ffffff; --brand-link-light: #4338ca; --brand-link-dark: #857edd',
    );
  });

  it('writes one page per article, category, the FAQ, search and 404 pages, a sitemap and robots.txt', () => {
    for (const a of articles)
      expect(existsSync(path.join(outDir, getArticlePath(a.category, a.id), 'index.html')), a.file).toBe(true);
    for (const c of content.categories) expect(existsSync(path.join(outDir, c.id, 'index.html'))).toBe(true);
    for (const p of ['faq/index.html', 'search/index.html', '404.html', 'index.html', 'robots.txt', 'sitemap.xml']) {
      expect(existsSync(path.join(outDir, p)), p).toBe(true);
    }
    const sitemap = readFileSync(path.join(outDir, 'sitemap.xml'), 'utf8');
    // The default language's entries; the other languages' are checked in languages.test.ts.
    const defaultLanguage = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].filter(
      (m) => !/^https?:\/\/[^/]+\/(de|ja|ar)\//.test(m[1]!),
    );
    expect(defaultLanguage.length).toBe(listed.length + content.categories.length + 2);
    expect(readFileSync(path.join(outDir, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${siteUrl}/sitemap.xml`);
  });

  it('shows every category on the home page with its article and FAQ counts', () => {
    const home = readPage(outDir, '/');
    const cards = home.querySelectorAll('#categories .card');
    expect(cards.map((c) => text(c.querySelector('h3')))).toEqual(
      [...content.categories].sort((a, b) => a.order - b.order).map((c) => c.title),
    );
    for (const card of cards) {
      const id = card.getAttribute('href')!.split('/')[1]!;
      const n = listed.filter((a) => a.category === id).length;
      const m = faqs.filter((f) => f.category === id).length;
      expect(text(card.querySelector('.count'))).toBe(
        `${n} article${n === 1 ? '' : 's'}, ${m} FAQ${m === 1 ? '' : 's'}`,
      );
    }
    expect(home.querySelectorAll('#featured-heading + ul li').length).toBe(
      articles.filter((a) => a.data.featured).length,
    );
    expect(home.querySelector('h1')?.textContent).toBe('How can we help?');
    expect(home.querySelector('input[type=search][name=q]')).not.toBeNull();
    expect(home.querySelector('#contact')).not.toBeNull();
  });

  it('gives each article breadcrumbs, JSON-LD that parses, a canonical URL and OpenGraph tags', () => {
    for (const a of articles) {
      const page = readPage(outDir, getArticlePath(a.category, a.id));
      const category = content.categories.find((c) => c.id === a.category)!;
      const section = sectionTitle(a);
      const trail = section ? ['Home', category.title, section, a.data.title] : ['Home', category.title, a.data.title];
      expect(page.querySelectorAll('.breadcrumbs li').map(text)).toEqual(trail);
      expect(text(page.querySelector('h1'))).toBe(a.data.title);
      const canonical = `${siteUrl}${getArticlePath(a.category, a.id)}`;
      expect(page.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(canonical);
      expect(page.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe(a.data.title);
      const ld = getJsonLd(page);
      expect(ld.map((d) => d['@type'])).toEqual(['Article', 'BreadcrumbList']);
      expect(ld[0]).toMatchObject({ headline: a.data.title, mainEntityOfPage: canonical });
      expect((ld[1]!.itemListElement as unknown[]).length).toBe(trail.length);
      expect(page.querySelectorAll('h1').length).toBe(1);
    }
  });

  it('shows a table of contents on long articles only, reading time, and previous/next within the category', () => {
    const withToc = articles.filter((a) => readPage(outDir, getArticlePath(a.category, a.id)).querySelector('nav.toc'));
    expect(withToc.length).toBeGreaterThan(0);
    const short = articles.find((a) => countWords(a.body) < 300)!;
    expect(readPage(outDir, getArticlePath(short.category, short.id)).querySelector('nav.toc')).toBeNull();
    const page = readPage(outDir, getArticlePath(withToc[0]!.category, withToc[0]!.id));
    for (const link of page.querySelectorAll('nav.toc a')) {
      expect(page.getElementById(link.getAttribute('href')!.slice(1)), link.getAttribute('href')).not.toBeNull();
    }
    expect(text(page.querySelector('.article-meta'))).toMatch(/\d+ min read/);
    const pager = page.querySelectorAll('.pager a');
    expect(pager.length).toBeGreaterThan(0);
    for (const a of pager) expect(a.getAttribute('href')).toMatch(new RegExp(`^/${withToc[0]!.category}/[a-z0-9-]+/$`));
  });

  it('dates each article by its `updated` field, else by its last commit (read by the build’s content check)', () => {
    const history = loadGitHistory(REPO_ROOT, 'content', { renames: false });
    let fromGit = 0;
    for (const a of articles) {
      const shown = readPage(outDir, getArticlePath(a.category, a.id))
        .querySelector('.article-meta time')
        ?.getAttribute('datetime');
      const committed = history.lastChanged.get(a.file)?.toISOString().slice(0, 10);
      if (!a.data.updated && committed) fromGit++;
      expect(shown, a.file).toBe(a.data.updated ?? committed);
    }
    // Outside git (or in a shallow clone) there are no commit dates to show, and nothing to compare.
    if (history.available && !history.shallow) expect(fromGit).toBeGreaterThan(0);
  });

  it('lists related articles, explicit ones first', () => {
    const a = articles.find((x) => x.data.related.length > 0)!;
    const page = readPage(outDir, getArticlePath(a.category, a.id));
    const hrefs = page.querySelectorAll('#related-heading + ul a').map((l) => l.getAttribute('href'));
    const first = articles.find((x) => x.id === a.data.related[0])!;
    expect(hrefs[0]).toBe(getArticlePath(first.category, first.id));
    expect(hrefs).not.toContain(getArticlePath(a.category, a.id));
  });

  it('rewrites links to other Markdown files into page URLs, and renders callouts', () => {
    const linking = articles.find((a) => /\]\(\.\.\/[a-z-]+\/[a-z0-9-]+\.md\)/.test(a.body))!;
    const page = readPage(outDir, getArticlePath(linking.category, linking.id));
    const hrefs = page.querySelectorAll('.prose a').map((l) => l.getAttribute('href') ?? '');
    expect(hrefs.some((h) => h.endsWith('.md'))).toBe(false);
    expect(hrefs.some((h) => /^\/[a-z-]+\/[a-z0-9-]+\/(#[a-z0-9-]+)?$/.test(h))).toBe(true);
    const withCallout = articles.find((a) => a.body.includes(':::warning'))!;
    const calloutPage = readPage(outDir, getArticlePath(withCallout.category, withCallout.id));
    expect(calloutPage.querySelector('aside.callout-warning .callout-title')).not.toBeNull();
  });

  it('shows an edit link to the article file when an edit URL is configured', () => {
    const a = articles[0]!;
    const page = readPage(outDir, getArticlePath(a.category, a.id));
    expect(page.querySelector('.edit-link a')?.getAttribute('href')).toBe(
      `${site.editUrl!.replace(/\/$/, '')}/${a.file}`,
    );
  });

  it('puts every FAQ question on the FAQ page under a stable anchor, with FAQPage JSON-LD', () => {
    const page = readPage(outDir, '/faq/');
    for (const f of faqs) {
      const item = page.getElementById(f.id);
      expect(item?.tagName, f.id).toBe('DETAILS');
      expect(text(item!.querySelector('summary'))).toBe(f.data.question);
    }
    const [faqLd] = getJsonLd(page);
    expect(faqLd!['@type']).toBe('FAQPage');
    const entities = faqLd!.mainEntity as Array<{ name: string; acceptedAnswer: { text: string } }>;
    expect(entities.length).toBe(faqs.length);
    expect(entities.every((e) => e.name.endsWith('?') && e.acceptedAnswer.text.length > 10)).toBe(true);
  });

  it('lists a category’s articles in order and then its FAQs on the category page', () => {
    const c = content.categories[0]!;
    const page = readPage(outDir, `/${c.id}/`);
    expect(c.sections).toEqual([]);
    const ordered = listed
      .filter((a) => a.category === c.id)
      .sort((a, b) => (a.data.order ?? 1e9) - (b.data.order ?? 1e9) || a.data.title.localeCompare(b.data.title));
    expect(page.querySelectorAll('#articles-heading + ul > li > a').map(text)).toEqual(
      ordered.map((a) => a.data.title),
    );
    expect(page.querySelectorAll('.faq-item').length).toBe(faqs.filter((f) => f.category === c.id).length);
  });

  it('keeps indexing markup out of the pages: the search index is built from the content', () => {
    const a = articles[0]!;
    const html = readFileSync(path.join(outDir, getArticlePath(a.category, a.id), 'index.html'), 'utf8');
    expect(html).not.toMatch(/data-pagefind-|data-(description-|heading-|body-)?synonyms/);
  });
});

describe('sections and unlisted articles in the sample help center', () => {
  const account = content.categories.find((c) => c.id === 'account')!;

  it('gives at least two categories sections, and has an unlisted article', () => {
    expect(content.categories.filter((c) => c.sections.length > 0).length).toBeGreaterThanOrEqual(2);
    expect(listed.some((a) => a.section !== undefined)).toBe(true);
    expect(unlisted.map((a) => a.id)).toEqual(['confirm-a-payment-with-your-bank']);
  });

  it('lists the sections in order on the category page, each with its articles in order, and links them at the top', () => {
    const page = readPage(outDir, '/account/');
    const sections = [...account.sections].sort((a, b) => (a.order ?? 1e9) - (b.order ?? 1e9));
    expect(page.querySelectorAll('section.article-group > h2').map(text)).toEqual(sections.map((s) => s.title));
    expect(page.querySelectorAll('nav.section-nav a').map((a) => a.getAttribute('href'))).toEqual(
      sections.map((s) => `#section-${s.id}`),
    );
    for (const s of sections) {
      const ordered = listed
        .filter((a) => a.category === 'account' && a.section === s.id)
        .sort((a, b) => (a.data.order ?? 1e9) - (b.data.order ?? 1e9) || a.data.title.localeCompare(b.data.title));
      expect(ordered.length).toBeGreaterThan(0);
      expect(page.querySelectorAll(`#section-${s.id} ~ ul.link-list > li > a`).map(text)).toEqual(
        ordered.map((a) => a.data.title),
      );
    }
  });

  it('links an article’s section crumb to the section’s heading, and keeps the section out of its URL', () => {
    const page = readPage(outDir, '/account/reset-password/');
    const crumbs = page.querySelectorAll('.breadcrumbs a').map((a) => [text(a), a.getAttribute('href')]);
    expect(crumbs).toEqual([
      ['Home', '/'],
      ['Your account', '/account/'],
      ['Signing in', '/account/#section-signing-in'],
    ]);
    expect(existsSync(path.join(outDir, 'account/signing-in'))).toBe(false);
    expect(readPage(outDir, '/account/').querySelector('#section-signing-in')).not.toBeNull();
  });

  it('builds the unlisted article with noindex, and leaves it out of the sitemap, lists and pagers', () => {
    const [a] = unlisted;
    const url = getArticlePath(a!.category, a!.id);
    const page = readPage(outDir, url);
    expect(text(page.querySelector('h1'))).toBe(a!.data.title);
    expect(page.querySelector('meta[name=robots]')?.getAttribute('content')).toBe('noindex');
    expect(readPage(outDir, '/account/reset-password/').querySelector('meta[name=robots]')).toBeNull();
    expect(readFileSync(path.join(outDir, 'sitemap.xml'), 'utf8')).not.toContain(url);
    for (const other of ['/', `/${a!.category}/`, ...listed.map((l) => getArticlePath(l.category, l.id))]) {
      const html = readFileSync(path.join(outDir, other, 'index.html'), 'utf8');
      expect(html.includes(`href="${url}"`), other).toBe(false);
    }
  });

  it('keeps the unlisted article out of the search index, and shows sections in search results', async () => {
    const search = await createNodeSearch(outDir);
    const url = getArticlePath(unlisted[0]!.category, unlisted[0]!.id);
    for (const query of ['confirm a payment with your bank', '3-D Secure', 'Verified by Visa', 'banking app']) {
      expect(
        (await search.search(query)).map((r) => r.url),
        query,
      ).not.toContain(url);
    }
    const [hit] = await search.search('reset password');
    expect(hit?.meta).toMatchObject({ category: 'Your account', section: 'Signing in' });
    expect(hit?.filters.section).toEqual(['account/signing-in']);
    const inSection = await search.search('card', { section: 'billing/payments' });
    expect(inSection.length).toBeGreaterThan(0);
    expect(inSection.every((r) => r.filters.section?.includes('billing/payments'))).toBe(true);
  });

  it('puts the category and section in the feedback manifest, unlisted articles included', () => {
    const manifest = JSON.parse(readFileSync(path.join(outDir, 'feedback-manifest.json'), 'utf8')) as {
      items: Array<{ id: string; category?: string; section?: string }>;
    };
    expect(manifest.items).toContainEqual(
      expect.objectContaining({ id: 'article:reset-password', category: 'account', section: 'signing-in' }),
    );
    expect(manifest.items).toContainEqual(
      expect.objectContaining({ id: 'article:confirm-a-payment-with-your-bank', section: 'payments' }),
    );
    const track = manifest.items.find((i) => i.id === 'article:track-your-order')!;
    expect(track.category).toBe('orders-shipping');
    expect(track).not.toHaveProperty('section');
  });
});

describe('search over the sample help center (real Pagefind index)', () => {
  let search: NodeSearch;
  beforeAll(async () => {
    search = await createNodeSearch(outDir);
  });

  it('indexes each article’s own text (title, description, body), not the header, footer or navigation around it', async () => {
    const [hit] = await search.search('reset password');
    const indexed = (hit as unknown as { content: string }).content;
    expect(indexed.startsWith('Reset your password.')).toBe(true);
    expect(indexed).not.toMatch(/Was this helpful|Related articles|On this page|Edit this page|Updated /);
  });

  it('has only articles and FAQ questions as results, never a whole category, home or FAQ page', async () => {
    for (const query of ['billing', 'account', 'returns', 'faq', 'parcelo']) {
      for (const r of await search.search(query))
        expect(r.url, query).toMatch(/^\/[a-z0-9-]+\/[a-z0-9-]+\/$|^\/faq\/#[a-z0-9-]+$/);
    }
  });

  it('finds an article by words in its title', async () => {
    const results = await search.search('reset password');
    expect(results[0]?.url).toBe('/account/reset-password/');
    expect(results[0]?.meta.title).toBe('Reset your password');
  });

  it('lands a FAQ question on its own anchor, not just the FAQ page', async () => {
    const results = await search.search('deliver on Sundays');
    expect(results[0]?.url).toBe('/faq/#deliver-on-sundays');
    expect(results[0]?.meta.title).toBe('Do you deliver on Sundays?');
  });

  it('filters by type and by category', async () => {
    const onlyFaqs = await search.search('refund', { type: 'faq' });
    expect(onlyFaqs.length).toBeGreaterThan(0);
    expect(onlyFaqs.every((r) => r.url.startsWith('/faq/#'))).toBe(true);
    const billing = await search.search('refund', { category: 'billing' });
    expect(billing.every((r) => r.filters.category?.includes('billing'))).toBe(true);
  });

  it('indexes an article without the header, breadcrumbs, related links or contact block', async () => {
    const [result] = await search.search('reset password');
    const indexed = (result as unknown as { content: string }).content;
    expect(indexed).toContain('Reset your password');
    for (const chrome of ['Skip to content', 'Related articles', 'Still need help', 'min read', 'Home /']) {
      expect(indexed).not.toContain(chrome);
    }
  });
});

describe('artefacts the build writes beside the pages', () => {
  it('writes a feedback manifest with every published article and FAQ id', () => {
    const manifest = JSON.parse(readFileSync(path.join(outDir, 'feedback-manifest.json'), 'utf8')) as {
      items: Array<{ id: string; path: string }>;
      revision: string;
    };
    expect(manifest.items.length).toBe(articles.length + faqs.length);
    expect(manifest.items).toContainEqual(
      expect.objectContaining({ id: 'article:reset-password', path: '/account/reset-password/' }),
    );
    expect(manifest.items).toContainEqual(
      expect.objectContaining({ id: 'faq:deliver-on-sundays', path: '/faq/#deliver-on-sundays' }),
    );
    expect(manifest.revision).toMatch(/^([0-9a-f]{7,64}|unknown)$/);
  });

  it('emits redirects for a moved article for Netlify, Cloudflare, Vercel and plain static hosts', () => {
    expect(readFileSync(path.join(outDir, '_redirects'), 'utf8')).toMatch(
      /^\/account\/forgot-password\/\s+\/account\/reset-password\/\s+301!/m,
    );
    const vercel = JSON.parse(readFileSync(path.join(outDir, 'vercel.json'), 'utf8')) as {
      redirects: Array<{ source: string; destination: string }>;
    };
    expect(vercel.redirects).toContainEqual(
      expect.objectContaining({ source: '/account/forgot-password/', destination: '/account/reset-password/' }),
    );
    const page = readPage(outDir, '/account/forgot-password/');
    expect(page.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(`${siteUrl}/account/reset-password/`);
    expect(page.querySelector('meta[http-equiv=refresh]')?.getAttribute('content')).toContain(
      '/account/reset-password/',
    );
  });
});
