/**
 * Runs the real Pagefind browser bundle of a built site inside Node, so tests and the search
 * benchmark query exactly the index readers get. Pagefind loads its files with fetch(); here
 * file: URLs are answered from disk.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Pagefind, PagefindResultData } from './client/pagefind-api.ts';

let fetchPatched = false;
function patchFetchForFiles(): void {
  if (fetchPatched) return;
  fetchPatched = true;
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith('file:')) return new Response(await readFile(fileURLToPath(url.split('?')[0]!)));
    return realFetch(input, init);
  }) as typeof fetch;
}

export interface NodeSearch {
  /** Result URLs and data, best first. */
  search(query: string, filters?: Record<string, string>): Promise<PagefindResultData[]>;
}

export async function createNodeSearch(distDir: string, baseUrl = '/', limit = 10): Promise<NodeSearch> {
  patchFetchForFiles();
  const entry = pathToFileURL(path.join(path.resolve(distDir), 'pagefind', 'pagefind.js')).href;
  const pagefind = (await import(/* @vite-ignore */ entry)) as Pagefind;
  await pagefind.options({ baseUrl });
  await pagefind.init();
  return {
    async search(query, filters) {
      const result = await pagefind.search(query, filters ? { filters } : undefined);
      return Promise.all(result.results.slice(0, limit).map((r) => r.data()));
    },
  };
}
