/**
 * Raw Pagefind on a built site, for comparison with our search: the same index and the same
 * browser bundle as createNodeSearch, but Pagefind's own defaults (no ranking options), the query
 * sent as typed, and Pagefind's order: what Pagefind's own search UI would list.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Pagefind } from '../../../src/search/client/pagefind-api.ts';
import { createNodeSearch } from '../../../src/search/node-search.ts';

export interface UrlSearch {
  /** Result URLs, best first (at most `limit`). */
  search(query: string): Promise<string[]>;
}

export async function createRawPagefindSearch(distDir: string, limit = 10): Promise<UrlSearch> {
  // createNodeSearch answers file: URLs from disk (Pagefind fetches its chunks); build one first
  // so that is in place, then load a second instance of the bundle (its own query string).
  await createNodeSearch(distDir);
  const href = `${pathToFileURL(path.join(path.resolve(distDir), 'pagefind', 'pagefind.js')).href}?raw`;
  const pagefind = (await import(/* @vite-ignore */ href)) as Pagefind;
  await pagefind.options({ baseUrl: '/' });
  await pagefind.init();
  return {
    async search(query) {
      const { results } = await pagefind.search(query);
      return Promise.all(results.slice(0, limit).map(async (r) => (await r.data()).url));
    },
  };
}
