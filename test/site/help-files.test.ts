/**
 * What the sample build writes for assistants and the in-product widget: llms.txt in the
 * llmstxt.org format, llms-full.txt, a Markdown copy of every article and FAQ, the widget script,
 * its route map and fragments, and the CORS headers for the product origin of site.yaml.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Nodes } from 'mdast';
import { getHelpRecords } from '../../src/content/help-records.ts';
import { loadContent } from '../../src/content/load.ts';
import { LANGUAGES_SECTION, parseLlmsTxt } from '../../src/content/llms-text.ts';
import { SITES_DIR, REPO_ROOT } from '../helpers/build-site.ts';
import { readPage } from '../helpers/dist.ts';

const outDir = path.join(SITES_DIR, 'sample');
const content = loadContent(REPO_ROOT);
const records = getHelpRecords(content);
// Unlisted articles stay out of llms.txt and llms-full.txt (as out of the sitemap); their copies exist.
const listed = records.filter((r) => !r.unlisted);
const siteUrl = content.site!.url.replace(/\/$/, '');
const read = (file: string) => readFileSync(path.join(outDir, file), 'utf8');

/** Every link, image and link definition URL of a Markdown text, as a Markdown reader sees them. */
function getMarkdownUrls(markdown: string): string[] {
  const urls: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') urls.push(node.url);
    if ('children' in node) node.children.forEach(walk);
  };
  walk(unified().use(remarkParse).use(remarkGfm).parse(markdown));
  return urls;
}

/** Why `url` does not lead anywhere from a copy read on its own, or undefined when it does. */
function getDeadLink(url: string): string | undefined {
  if (url.startsWith('mailto:')) return undefined;
  if (!/^https?:\/\//.test(url)) return 'not absolute';
  if (!url.startsWith(`${siteUrl}/`)) return undefined; // outside the site
  const sitePath = decodeURIComponent(new URL(url).pathname);
  const file = path.join(outDir, sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath);
  return existsSync(file) && statSync(file).isFile() ? undefined : `no file ${path.relative(outDir, file)}`;
}

describe('files for assistants and the in-product widget', () => {
  it('writes an llms.txt that parses, linking the Markdown copy of every article and FAQ', () => {
    const parsed = parseLlmsTxt(read('llms.txt'));
    expect(parsed.title).toBe(content.site!.name);
    expect(parsed.summary).toMatch(/^Parcelo Help Center: \d+ help articles and \d+ answered questions in 7 topics\.$/);
    expect(parsed.sections.map((s) => s.name)).toEqual([
      ...[...content.categories].sort((a, b) => a.order - b.order).map((c) => c.title),
      LANGUAGES_SECTION,
    ]);
    // The last section links each other language's own llms.txt.
    expect(parsed.sections.at(-1)!.links.map((l) => l.url)).toEqual(
      ['de', 'ja', 'ar'].map((code) => `${siteUrl}/${code}/llms.txt`),
    );
    const urls = parsed.sections.slice(0, -1).flatMap((s) => s.links.map((l) => l.url));
    expect(urls.sort()).toEqual(listed.map((r) => `${siteUrl}${r.markdownPath}`).sort());
    expect(listed.length).toBeLessThan(records.length);
    for (const r of records) expect(existsSync(path.join(outDir, r.markdownPath)), r.markdownPath).toBe(true);
    for (const url of urls) expect(existsSync(path.join(outDir, url.slice(siteUrl.length))), url).toBe(true);
  });

  it('writes each page as Markdown, and all of them in llms-full.txt', () => {
    const reset = read('account/reset-password.md');
    expect(reset.split('\n')[0]).toBe('# Reset your password');
    expect(reset).toContain(`Source: ${siteUrl}/account/reset-password/`);
    const full = read('llms-full.txt');
    expect(full.match(/^Source: /gm)).toHaveLength(listed.length);
    expect(read('faq/why-cant-i-log-in.md')).toContain(`Source: ${siteUrl}/faq/#why-cant-i-log-in`);
  });

  it("writes llms.txt, llms-full.txt and Markdown copies per language, with that language's pages", () => {
    for (const code of ['de', 'ja', 'ar']) {
      const parsed = parseLlmsTxt(read(`${code}/llms.txt`));
      const links = parsed.sections.slice(0, -1).flatMap((s) => s.links.map((l) => l.url));
      expect(links.length, code).toBeGreaterThan(0);
      for (const url of links) expect(url.startsWith(`${siteUrl}/${code}/`), url).toBe(true);
      expect(parsed.sections.at(-1)!.name).toBe(LANGUAGES_SECTION);
      expect(parsed.sections.at(-1)!.links.map((l) => l.url)).toContain(`${siteUrl}/llms.txt`);
      expect(read(`${code}/llms-full.txt`).match(/^Source: /gm)).toHaveLength(links.length);
    }
    expect(read('de/account/reset-password.md').split('\n')[0]).toBe('# Passwort zurücksetzen');
    expect(read('de/llms.txt')).toContain('## Ihr Konto');
  });

  it('makes every link in llms.txt, llms-full.txt and the Markdown copies of every language absolute and leading to a file, with callouts as blockquotes', () => {
    const perLanguage = ['de', 'ja', 'ar'].flatMap((code) => {
      const llms = read(`${code}/llms.txt`);
      const copies = getMarkdownUrls(llms)
        .filter((u) => u.endsWith('.md'))
        .map((u) => u.slice(siteUrl.length + 1));
      return [`${code}/llms.txt`, `${code}/llms-full.txt`, ...copies];
    });
    expect(perLanguage.length).toBeGreaterThan(20);
    const files = ['llms.txt', 'llms-full.txt', ...records.map((r) => r.markdownPath.slice(1)), ...perLanguage];
    const dead: string[] = [];
    let links = 0;
    for (const file of files) {
      const text = read(file);
      for (const url of getMarkdownUrls(text)) {
        links++;
        const why = getDeadLink(url);
        if (why) dead.push(`${file}: ${url} (${why})`);
      }
      expect(
        text.split('\n').filter((line) => /^[>\s]*:::/.test(line)),
        file,
      ).toEqual([]);
    }
    expect(dead).toEqual([]);
    // The sample links between articles, to images and to the product's site: all of them counted.
    expect(links).toBeGreaterThan(200);
    const reset = read('account/reset-password.md');
    expect(reset).toContain(
      '> **Note:** Resetting your password signs you out on all your other devices and browsers.',
    );
    expect(reset).toContain('> **Choose a strong password:** Use a long password');
    expect(reset).toContain(`[two-factor authentication](${siteUrl}/account/two-factor-authentication.md)`);
    expect(read('llms-full.txt')).toContain('> **Note:** Resetting your password');
  });

  it("names each article page's Markdown copy in its head (a translation its own, a fallback page the original's)", () => {
    const markdownLinks = (sitePath: string) =>
      readPage(outDir, sitePath)
        .querySelectorAll('head link[rel=alternate][type="text/markdown"]')
        .map((l) => l.getAttribute('href'));
    const articles = records.filter((r) => r.kind === 'article');
    expect(articles.length).toBeGreaterThan(30);
    for (const r of articles) {
      expect(markdownLinks(r.path), r.path).toEqual([`${siteUrl}${r.markdownPath}`]);
      expect(getDeadLink(`${siteUrl}${r.markdownPath}`), r.markdownPath).toBeUndefined();
    }
    expect(markdownLinks('/de/account/change-email-address/')).toEqual([
      `${siteUrl}/de/account/change-email-address.md`,
    ]);
    expect(getDeadLink(`${siteUrl}/de/account/change-email-address.md`)).toBeUndefined();
    // Pages that are no one article have no copy of their own.
    expect(markdownLinks('/')).toEqual([]);
  });

  it('writes the widget with the site settings, its route map, a fragment per page and CORS headers', () => {
    const widget = read('widget.js');
    expect(widget).not.toContain('__HELP_CENTER_WIDGET_CONFIG__');
    expect(widget).toContain('#4338ca');
    const routes = JSON.parse(read('widget/routes.json')) as { routes: Array<{ pattern: string; id: string }> };
    expect(routes.routes).toContainEqual(
      expect.objectContaining({ pattern: '/settings/billing*', id: 'article:update-card-details' }),
    );
    const fragment = JSON.parse(read('widget/article/reset-password.json')) as { html: string; path: string };
    expect(fragment.path).toBe('/account/reset-password/');
    expect(fragment.html).toContain('<h2 id=');
    // The body the page shows, as the content layer rendered it (not a second rendering of the Markdown).
    const page = readFileSync(path.join(outDir, 'account/reset-password/index.html'), 'utf8');
    // The same HTML: the page as Sätteri writes it (`&gt;` in text), the fragment as the sanitiser's serialiser does (`>`).
    expect(page.replaceAll('&gt;', '>')).toContain(fragment.html);
    expect(existsSync(path.join(outDir, 'widget/faq/why-cant-i-log-in.json'))).toBe(true);
    expect(read('_headers')).toContain('/pagefind/*\n  Access-Control-Allow-Origin: https://app.parcelo.example');
    const vercel = JSON.parse(read('vercel.json')) as { headers: Array<{ source: string }>; redirects: unknown[] };
    expect(vercel.headers.map((h) => h.source)).toEqual(['/pagefind/(.*)', '/widget/(.*)']);
    expect(vercel.redirects.length).toBeGreaterThan(0);
  });
});
