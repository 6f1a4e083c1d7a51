/**
 * What the sample build writes for assistants and the in-product widget: llms.txt in the
 * llmstxt.org format, llms-full.txt, a Markdown copy of every article and FAQ, the widget script,
 * its route map and fragments, and the CORS headers for the product origin of site.yaml.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getHelpRecords } from '../../src/content/help-records.ts';
import { loadContent } from '../../src/content/load.ts';
import { parseLlmsTxt } from '../../src/build/llms-text.ts';
import { SITES_DIR, REPO_ROOT } from '../helpers/build-site.ts';

const outDir = path.join(SITES_DIR, 'sample');
const content = loadContent(REPO_ROOT);
const records = getHelpRecords(content);
// Unlisted articles stay out of llms.txt and llms-full.txt (as out of the sitemap); their copies exist.
const listed = records.filter((r) => !r.unlisted);
const siteUrl = content.site!.url.replace(/\/$/, '');
const read = (file: string) => readFileSync(path.join(outDir, file), 'utf8');

describe('files for assistants and the in-product widget', () => {
  it('writes an llms.txt that parses, linking the Markdown copy of every article and FAQ', () => {
    const parsed = parseLlmsTxt(read('llms.txt'));
    expect(parsed.title).toBe(content.site!.name);
    expect(parsed.summary).toMatch(/^Parcelo Help Center: \d+ help articles and \d+ answered questions in 7 topics\.$/);
    expect(parsed.sections.map((s) => s.name)).toEqual(
      [...content.categories].sort((a, b) => a.order - b.order).map((c) => c.title),
    );
    const urls = parsed.sections.flatMap((s) => s.links.map((l) => l.url));
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
    expect(page).toContain(fragment.html);
    expect(existsSync(path.join(outDir, 'widget/faq/why-cant-i-log-in.json'))).toBe(true);
    expect(read('_headers')).toContain('/pagefind/*\n  Access-Control-Allow-Origin: https://app.parcelo.example');
    const vercel = JSON.parse(read('vercel.json')) as { headers: Array<{ source: string }>; redirects: unknown[] };
    expect(vercel.headers.map((h) => h.source)).toEqual(['/pagefind/(.*)', '/widget/(.*)']);
    expect(vercel.redirects.length).toBeGreaterThan(0);
  });
});
