/**
 * `helpdesk-kit import` end to end: every source format's fixture is imported into one content
 * folder (as a team moving several old sites into one help center would), the folder is built
 * with the real `astro build`, each source's articles are found by search, every old URL
 * redirects, and no template syntax reaches a page or the search index.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.ts';
import { createNodeSearch, type NodeSearch } from '../../src/search/node-search.ts';
import { buildSite, REPO_ROOT } from '../helpers/build-site.ts';
import { readPage, text } from '../helpers/dist.ts';
import { findDanger } from '../helpers/html-danger.ts';

const fixtures = path.join(REPO_ROOT, 'test/fixtures');
const projectDir = path.join(REPO_ROOT, '.cache', 'import-site');
const contentDir = path.join(projectDir, 'content');
const SOURCES: Array<[from: string, source: string, ...options: string[]]> = [
  ['zendesk', 'import-zendesk'],
  ['hugo', 'import-hugo', '--split-faq'],
  ['jekyll', 'import-jekyll', '--split-faq'],
  ['docusaurus', 'import-docusaurus'],
  ['mkdocs', 'import-mkdocs'],
  ['intercom', 'import-intercom'],
  ['helpscout', 'import-helpscout'],
  ['freshdesk', 'import-freshdesk', '--split-faq'],
  ['document360', 'import-document360/export.zip'],
  // Hostile bodies (import-hostile.test.ts checks the Markdown; here, the built pages and widget fragments).
  ['zendesk', 'import-hostile-zendesk'],
  ['intercom', 'import-hostile-intercom'],
  ['helpscout', 'import-hostile-helpscout'],
  ['freshdesk', 'import-hostile-freshdesk'],
  ['document360', 'import-hostile-document360/export.zip'],
];

/** A word only one fixture article has, the source, and the page search must find for it. */
const FINDS: Array<[word: string, from: string, page: string]> = [
  ['zebrafinch', 'zendesk', '/billing-payments/download-an-invoice/'],
  ['quokkarefund', 'zendesk', '/billing-payments/refunds-credits/'],
  ['pelicanctl', 'hugo', '/getting-started/getting-started-install/'],
  ['marmosetsync', 'hugo', '/getting-started/4-2/'],
  ['wallabyreset', 'hugo', '/faq/#how-do-i-reset-my-password'],
  ['ocelotflow', 'jekyll', '/docs/quick-start/'],
  ['axolotlstore', 'docusaurus', '/general/intro/'],
  ['narwhalqueue', 'docusaurus', '/guides/options/'],
  ['capybaragate', 'mkdocs', '/general/general-overview/'],
  ['wombatboard', 'intercom', '/using-the-app/share-a-board/'],
  ['platypusphone', 'helpscout', '/acme-docs/install-the-mobile-app/'],
  ['kangaroocrate', 'freshdesk', '/orders/change-the-delivery-address/'],
  ['dingoparcel', 'freshdesk', '/faq/#when-arrives'],
  ['meerkatmemo', 'document360', '/getting-started/welcome/'],
];

const TEMPLATE_SYNTAX = /\{\{[<%]|\{%/;

function run(argv: string[]): Promise<{ code: number | undefined; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    cwd: projectDir,
    env: {},
  };
  return runCli(argv, io).then((code) => ({ code, stdout, stderr }));
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe('importing every source format and building the result', () => {
  const outputs = new Map<string, string>();
  let outDir = '';
  let search: NodeSearch;

  beforeAll(async () => {
    rmSync(projectDir, { recursive: true, force: true });
    for (const [from, source, ...options] of SOURCES) {
      const result = await run(['import', path.join(fixtures, source), '--from', from, ...options]);
      outputs.set(source.startsWith('import-hostile-') ? source : from, result.stdout + result.stderr);
      if (result.code !== 0)
        throw new Error(`import --from ${from} exited ${result.code}:\n${result.stdout}${result.stderr}`);
    }
    const build = buildSite('import', contentDir, { HELP_CENTER_PUBLIC_DIR: path.join(projectDir, 'public') });
    if (build.status !== 0) throw new Error(`Building the imported site failed:\n${build.output}`);
    outDir = build.outDir;
    search = await createNodeSearch(outDir);
  }, 600_000);

  it('prints a summary and lints the result with nothing to fix', () => {
    for (const [from] of SOURCES) {
      expect(outputs.get(from), from).toMatch(/Summary: \d+ imported/);
      expect(outputs.get(from), from).toMatch(/The content linter found (nothing to fix|0 errors)/);
    }
    expect(outputs.get('hugo')).toContain('"4_2.md" is not a slug');
    expect(outputs.get('zendesk')).toContain('visible only to a Zendesk user segment');
    expect(outputs.get('freshdesk')).toContain('not visible to everyone');
    expect(outputs.get('hugo')).toContain('content/docs/account/faq.md -> 3 FAQs');
    expect(outputs.get('jekyll')).toContain('_docs/Setup/troubleshooting.md: kept as an article');
  });

  it('finds each source article by a word only it has', async () => {
    for (const [word, from, page] of FINDS) {
      const results = await search.search(word);
      expect(results[0]?.url, `${word} (${from})`).toBe(page);
    }
  });

  it('leaves no template syntax in any page or in the search index', () => {
    const pages = listFiles(outDir).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    for (const file of pages) expect(TEMPLATE_SYNTAX.test(readFileSync(file, 'utf8')), file).toBe(false);
    const fragments = listFiles(path.join(outDir, 'pagefind')).filter((f) => f.endsWith('.pf_fragment'));
    expect(fragments.length).toBeGreaterThanOrEqual(FINDS.length);
    for (const file of fragments)
      expect(TEMPLATE_SYNTAX.test(gunzipSync(readFileSync(file)).toString('utf8')), file).toBe(false);
  });

  it('redirects old URLs, external redirects included, and keeps literal braces in code', () => {
    const redirects = readFileSync(path.join(outDir, '_redirects'), 'utf8');
    for (const old of [
      '/hc/en-us/articles/360001-Download-an-invoice/',
      '/install.html',
      '/quickstart.html',
      '/docs/guides/setup/',
      '/acme/en/articles/502-rename-a-board/',
      '/article/12-install-the-mobile-app/',
      '/support/solutions/articles/9101',
    ])
      expect(redirects, old).toContain(old);
    expect(redirects).toMatch(/^\/status\/ +https:\/\/status\.acme\.example\/ +301!$/m);
    expect(existsSync(path.join(outDir, 'install.html'))).toBe(true);
    // Two old paths that differ only in case share one HTML page; the server rules keep both.
    expect(redirects).toContain('/QuickStart.html');
    const zendesk = readPage(outDir, '/billing-payments/download-an-invoice/');
    expect(text(zendesk.querySelector('pre'))).toContain('{{amount}}');
    expect(zendesk.querySelector('aside.callout-warning')).not.toBeNull();
    expect(zendesk.querySelector('script:not([type])')?.textContent ?? '').not.toContain('alert(1)');
  });

  it('keeps {#custom-id} heading ids on the page, with the braces gone, and links to them', () => {
    const page = readPage(outDir, '/getting-started/getting-started-install/');
    expect(page.querySelector('h2#download')).not.toBeNull();
    expect(text(page.querySelector('h2#download'))).toBe('Download the installer');
    const html = page.toString();
    expect(html).not.toContain('{#download}');
    expect(html).not.toContain('${#');
    const release = readPage(outDir, '/getting-started/4-2/');
    expect(release.querySelector('a[href="/getting-started/getting-started-install/#download"]')).not.toBeNull();
  });

  it('splits a FAQ page into FAQs on the category page, and its old #anchors still land on their questions', () => {
    const category = readPage(outDir, '/account/');
    for (const anchor of ['how-do-i-reset-my-password', 'two-accounts'])
      expect(category.querySelector(`details.faq-item#${anchor}`), anchor).not.toBeNull();
    expect(readPage(outDir, '/faq/').querySelector('details.faq-item#two-accounts')).not.toBeNull();
    // A hosted desk's heading ids are the anchors: Freshdesk's <h2 id="when-arrives">.
    expect(readPage(outDir, '/orders/').querySelector('details.faq-item#when-arrives')).not.toBeNull();
    // Server redirects: a browser keeps the #fragment when the target has none.
    const redirects = readFileSync(path.join(outDir, '_redirects'), 'utf8');
    expect(redirects).toMatch(/^\/docs\/account\/faq\/ +\/account\/ +301!$/m);
    expect(redirects).toMatch(/^\/old\/account-faq\/ +\/account\/ +301!$/m);
    // Hosts that serve files: the build's page at the old path carries the #fragment over.
    const old = readFileSync(path.join(outDir, 'docs/account/faq/index.html'), 'utf8');
    expect(old).toContain('location.replace("/account/" + location.hash)');
    const release = readPage(outDir, '/getting-started/4-2/');
    expect(release.querySelector('a[href="/faq/#two-accounts"]')).not.toBeNull();
    expect(release.querySelector('a[href="/account/"]')).not.toBeNull();
  });

  it('builds hostile exports into pages and widget fragments where nothing runs, frames, submits or navigates', () => {
    // The articles, their category pages and the other languages' fallback copies of both.
    const pages = listFiles(outDir).filter((f) => /[\\/]security-[^\\/]+[\\/](.+[\\/])?index\.html$/.test(f));
    const articles = pages.filter((f) => parse(readFileSync(f, 'utf8')).querySelector('.prose'));
    // One article per hosted desk and Document360's HTML and Markdown pages, in three languages.
    expect(articles.length).toBe(6 * 3);
    for (const file of pages) {
      const page = parse(readFileSync(file, 'utf8'));
      const prose = page.querySelector('.prose');
      if (prose) expect(findDanger(prose.innerHTML), file).toEqual([]);
      // Anywhere on the page (its own search form aside): no inline handler, frame or base.
      const handlers = page
        .querySelectorAll('*')
        .flatMap((el) => Object.keys(el.attributes).filter((a) => /^on/i.test(a)));
      expect(handlers, file).toEqual([]);
      expect(page.querySelectorAll('iframe, object, embed, base').length, file).toBe(0);
    }
    const hosted = readPage(outDir, '/security-zendesk/hostile-zendesk-body-img-src-x-onerror-alert-0/');
    expect(text(hosted.querySelector('h1'))).toBe('Hostile Zendesk body <img src=x onerror=alert(0)>');
    expect(hosted.querySelector('.prose h2#setup')).not.toBeNull();
    expect(hosted.querySelector('.prose a[href="https://www.youtube.com/embed/abc123"]')).not.toBeNull();
    const fragments = listFiles(path.join(outDir, 'widget')).filter(
      (f) => f.endsWith('.json') && !f.endsWith('routes.json'),
    );
    expect(fragments.length).toBeGreaterThan(20);
    for (const file of fragments) {
      const { html } = JSON.parse(readFileSync(file, 'utf8')) as { html: string };
      expect(findDanger(html), file).toEqual([]);
    }
    expect(outputs.get('import-hostile-zendesk')).toContain(
      'unsafe HTML removed: 1 script, 2 event handlers, 6 javascript: links, 2 data:, vbscript: or other unsafe URLs, 2 iframes,',
    );
  });
});
