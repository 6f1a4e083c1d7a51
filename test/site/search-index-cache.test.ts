/**
 * The search index is fed from the content layer as Astro renders each article. A second build
 * with the same cache renders nothing again (the articles are unchanged), so every article must
 * still reach the index, from the content layer's cache.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeSearch } from '../../src/search/node-search.ts';
import { buildSite, REPO_ROOT } from '../helpers/build-site.ts';

const fixture = path.join(REPO_ROOT, 'test/fixtures/search-synonyms/content');
/** Pages (articles and FAQ questions) in the index, as Pagefind itself counts them. */
const indexedPages = (outDir: string) => {
  const entry = JSON.parse(readFileSync(path.join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
};

describe('the search index of a build that reuses the content cache', () => {
  it('holds every article, whether Astro rendered it in this build or took it from its cache', async () => {
    rmSync(path.join(REPO_ROOT, '.cache', 'astro', 'search-cached'), { recursive: true, force: true });
    const cold = buildSite('search-cached', fixture);
    expect(cold.status, cold.output).toBe(0);
    const coldPages = indexedPages(cold.outDir);
    const warm = buildSite('search-cached', fixture);
    expect(warm.status, warm.output).toBe(0);
    expect(coldPages).toBeGreaterThanOrEqual(3);
    expect(indexedPages(warm.outDir)).toBe(coldPages);
    const search = await createNodeSearch(warm.outDir);
    expect((await search.search('reimbursement'))[0]?.url).toBe('/returns/refund-timelines/');
  }, 120_000);
});
