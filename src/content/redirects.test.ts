import { describe, expect, it } from 'vitest';
import type { ArticleEntry, LoadedContent } from './load.ts';
import { parseYamlWithPositions } from './yaml-source.ts';
import { buildRedirectFiles, getRedirectErrors, getRedirects, normalizeRedirectPath } from './redirects.ts';

function makeArticle(category: string, id: string, redirectFrom: string[], extra: { draft?: boolean; title?: string } = {}): ArticleEntry {
  const yamlText = `title: ${extra.title ?? id}\ndescription: d\nredirectFrom:\n${redirectFrom.map((p) => `  - ${p}`).join('\n')}\n`;
  const file = `content/articles/${category}/${id}.md`;
  return {
    kind: 'article',
    id,
    category,
    section: undefined,
    file,
    absolutePath: `/site/${file}`,
    source: `---\n${yamlText}---\n`,
    body: '',
    bodyLine: 3 + redirectFrom.length + 3,
    yaml: parseYamlWithPositions(yamlText, 1),
    data: {
      title: extra.title ?? id,
      description: 'd',
      tags: [],
      featured: false,
      draft: extra.draft ?? false,
      related: [],
      redirectFrom,
      appRoutes: [],
      unlisted: false,
    },
  };
}

function makeContent(articles: ArticleEntry[]): Pick<LoadedContent, 'articles' | 'categories'> {
  return {
    articles,
    categories: [
      { id: 'billing', title: 'Billing', description: 'd', icon: 'card', order: 0, sections: [] },
      { id: 'account', title: 'Account', description: 'd', icon: 'user', order: 1, sections: [] },
    ],
  };
}

describe('normalizeRedirectPath', () => {
  it('adds the trailing slash of directory URLs and keeps file names as they are', () => {
    expect(['/billing/old', '/billing/old/', '//billing//old', '/old.html', '/'].map(normalizeRedirectPath)).toEqual([
      '/billing/old/',
      '/billing/old/',
      '/billing/old/',
      '/old.html',
      '/',
    ]);
  });
});

describe('getRedirects', () => {
  it('lists old paths of published articles with the base applied, sorted, without drafts', () => {
    const content = makeContent([
      makeArticle('billing', 'refunds', ['/billing/money-back', '/payments/refunds/'], { title: 'Get a refund' }),
      makeArticle('account', 'secret', ['/account/old-secret/'], { draft: true }),
    ]);
    expect(getRedirects(content, '/help/')).toEqual([
      { from: '/help/billing/money-back/', to: '/help/billing/refunds/', title: 'Get a refund' },
      { from: '/help/payments/refunds/', to: '/help/billing/refunds/', title: 'Get a refund' },
    ]);
    expect(getRedirects(content, '/', { drafts: true }).map((r) => r.from)).toContain('/account/old-secret/');
  });

  it('leaves out redirects to the article itself and second claims of one old path', () => {
    const content = makeContent([makeArticle('billing', 'refunds', ['/billing/refunds/', '/old/']), makeArticle('billing', 'invoices', ['/old/'])]);
    expect(getRedirects(content, '/')).toEqual([{ from: '/old/', to: '/billing/refunds/', title: 'refunds' }]);
  });
});

describe('getRedirectErrors', () => {
  it('finds nothing wrong with redirects from paths no page uses', () => {
    expect(getRedirectErrors(makeContent([makeArticle('billing', 'refunds', ['/billing/money-back/'])]))).toEqual([]);
  });

  it('lets an old /faq/ redirect on a site without FAQs (it has no FAQ page), not on one with them', () => {
    const content = makeContent([makeArticle('billing', 'refunds', ['/faq/'])]);
    expect(getRedirectErrors({ ...content, faqs: [] })).toEqual([]);
    expect(getRedirectErrors({ ...content, faqs: [{}] }).map((d) => d.ruleId)).toEqual(['redirect-conflict']);
  });

  it('reports live pages, double claims and redirects to articles that are not built, at the redirectFrom item', () => {
    const content = makeContent([
      makeArticle('billing', 'refunds', ['/billing/', '/faq', '/billing/refunds', '/old/', '/old']),
      makeArticle('billing', 'invoices', ['/old/', '/account/', '/billing/refunds/']),
      makeArticle('legacy', 'moved', ['/legacy/moved-before/']),
    ]);
    const lines = getRedirectErrors(content).map((d) => `${d.file}:${d.line}:${d.column}  ${d.message}  (${d.ruleId})`);
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/articles/billing/refunds.md:5:5  redirectFrom: "/billing/" is a live page (the "Billing" category page); a redirect there would hide it, so remove it from redirectFrom  (redirect-conflict)",
        "content/articles/billing/refunds.md:6:5  redirectFrom: "/faq" is a live page (the FAQ page); a redirect there would hide it, so remove it from redirectFrom  (redirect-conflict)",
        "content/articles/billing/refunds.md:9:5  redirectFrom: "/old" is listed twice; remove one  (redirect-duplicate)",
        "content/articles/billing/invoices.md:5:5  redirectFrom: "/old/" is also claimed by content/articles/billing/refunds.md; an old path can redirect to one article only, so remove it from one of them  (redirect-duplicate)",
        "content/articles/billing/invoices.md:6:5  redirectFrom: "/account/" is a live page (the "Account" category page); a redirect there would hide it, so remove it from redirectFrom  (redirect-conflict)",
        "content/articles/billing/invoices.md:7:5  redirectFrom: "/billing/refunds/" is a live page (content/articles/billing/refunds.md); a redirect there would hide it, so remove it from redirectFrom  (redirect-conflict)",
        "content/articles/legacy/moved.md:5:5  redirectFrom: "/legacy/moved-before/" would redirect to /legacy/moved/, which is not built because "legacy" is not a category; move the article or add the category  (redirect-target)",
      ]
    `);
  });
});

describe('redirects listed in redirects.yaml', () => {
  const at = { file: 'content/redirects.yaml', line: 1, column: 3 };
  const content = makeContent([makeArticle('billing', 'refunds', ['/billing/money-back/'])]);

  it('go to full URLs as written and to site paths with the base, after the articles own claims', () => {
    const listed = [
      { ...at, from: '/pricing', to: 'https://example.com/pricing' },
      { ...at, from: '/old-refunds.html', to: '/billing/refunds/' },
      { ...at, from: '/billing/money-back/', to: 'https://elsewhere.example/' },
    ];
    expect(getRedirectErrors(content, listed.slice(0, 2))).toEqual([]);
    expect(getRedirects(content, '/help/', {}, listed)).toEqual([
      { from: '/help/billing/money-back/', to: '/help/billing/refunds/', title: 'refunds' },
      { from: '/help/old-refunds.html', to: '/help/billing/refunds/' },
      { from: '/help/pricing/', to: 'https://example.com/pricing' },
    ]);
  });

  it('report live pages, double claims and site paths that are not pages; a redirect to itself is ignored', () => {
    const listed = [
      { ...at, from: '/billing/', to: 'https://example.com/' },
      { ...at, from: '/billing/money-back', to: 'https://example.com/' },
      { ...at, from: '/gone/', to: '/billing/nothing-here/' },
      { ...at, from: '/same/', to: '/same' },
    ];
    expect(getRedirectErrors(content, listed).map((d) => d.ruleId)).toEqual([
      'redirect-conflict',
      'redirect-duplicate',
      'redirect-target',
    ]);
    expect(getRedirects(content, '/', {}, listed.slice(3)).map((r) => r.from)).toEqual(['/billing/money-back/']);
  });
});

describe('buildRedirectFiles', () => {
  it('writes a page for each old path that differs only in case (case-sensitive hosts), one per folded path when targets differ', () => {
    const files = buildRedirectFiles(
      [
        { from: '/Billing/Old/', to: '/billing/refunds/' },
        { from: '/billing/old/', to: '/billing/refunds/' },
        { from: '/Setup/', to: '/start/setup/' },
        { from: '/setup/', to: '/start/other/' },
        { from: '/away/', to: 'https://example.org/away' },
      ],
      'https://example.com',
    );
    // The same target: both pages (a case-insensitive disk keeps one, and it is right for both).
    // Different targets: only the first, the server rules serve the other.
    expect(files.htmlPages.map((p) => p.path)).toEqual([
      'Billing/Old/index.html',
      'billing/old/index.html',
      'Setup/index.html',
      'away/index.html',
    ]);
    expect(files.htmlPages[3]!.html).toContain('<link rel="canonical" href="https://example.org/away">');
    expect(files.netlify).toContain('/billing/old/');
    expect(files.netlify).toMatch(/^\/away\/ +https:\/\/example.org\/away {2}301$/m);
  });

  const redirects = [
    { from: '/help/billing/money-back/', to: '/help/billing/refunds/', title: 'Get a <refund>' },
    { from: '/help/old.html', to: '/help/billing/refunds/' },
  ];

  it('writes a _redirects file with 301s, listing directory paths with and without the slash', () => {
    expect(buildRedirectFiles(redirects, 'https://example.com').netlify).toMatchInlineSnapshot(`
      "# Moved articles (generated from redirectFrom; do not edit)
      /help/billing/money-back/  /help/billing/refunds/  301
      /help/billing/money-back   /help/billing/refunds/  301
      /help/old.html             /help/billing/refunds/  301
      "
    `);
  });

  it('percent-encodes special characters, escapes Vercel pattern characters, and can force Netlify redirects', () => {
    const files = buildRedirectFiles([{ from: '/billing/géné (old):1/', to: '/billing/refunds/' }], 'https://example.com', { force: true });
    expect(files.netlify.split('\n')[1]).toBe('/billing/g%C3%A9n%C3%A9%20(old):1/  /billing/refunds/  301!');
    expect(files.vercel.redirects[0]!.source).toBe('/billing/g%C3%A9n%C3%A9%20\\(old\\)\\:1/');
  });

  it('writes vercel.json redirects that are permanent', () => {
    expect(buildRedirectFiles(redirects, 'https://example.com').vercel).toMatchInlineSnapshot(`
      {
        "redirects": [
          {
            "destination": "/help/billing/refunds/",
            "permanent": true,
            "source": "/help/billing/money-back/",
          },
          {
            "destination": "/help/billing/refunds/",
            "permanent": true,
            "source": "/help/billing/money-back",
          },
          {
            "destination": "/help/billing/refunds/",
            "permanent": true,
            "source": "/help/old.html",
          },
        ],
      }
    `);
  });

  it('writes one HTML page per old path with a refresh (keeping the #fragment where scripts run), a canonical link, a visible link, a lang and a title', () => {
    const { htmlPages } = buildRedirectFiles(redirects, 'https://example.com/', { base: '/help/', lang: 'de' });
    expect(htmlPages.map((p) => p.path)).toEqual(['billing/money-back/index.html', 'old.html']);
    expect(htmlPages[0]!.html).toMatchInlineSnapshot(`
      "<!doctype html>
      <html lang="de">
      <head>
      <meta charset="utf-8">
      <title>Moved: Get a &lt;refund&gt;</title>
      <meta name="robots" content="noindex">
      <script>location.replace("/help/billing/refunds/" + location.hash)</script>
      <meta http-equiv="refresh" content="0; url=/help/billing/refunds/">
      <link rel="canonical" href="https://example.com/help/billing/refunds/">
      </head>
      <body>
      <p>This page has moved to <a href="/help/billing/refunds/">Get a &lt;refund&gt;</a>.</p>
      </body>
      </html>
      "
    `);
  });
});
