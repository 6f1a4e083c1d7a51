/**
 * Runs the real Pagefind browser bundle of a built site inside Node, with the browser's options
 * and the browser's query handling (query.ts), so tests and the search benchmark query exactly
 * what readers get. Pagefind loads its files with fetch(); here file: URLs are answered from disk.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Pagefind, PagefindResultData } from './client/pagefind-api.ts';
import { createQueryPlanner, searchHelpCenter, type QueryPlan } from './query.ts';
import { PAGEFIND_OPTIONS } from './search-options.ts';
import { VOCABULARY_FILE, type SearchVocabulary } from './vocabulary.ts';

let fetchPatched = false;
function patchFetchForFiles(): void {
  if (fetchPatched) return;
  fetchPatched = true;
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith('file:')) return new Response(await readFile(fileURLToPath(url.split('?')[0]!)));
    return realFetch(input, init);
  };
}

export interface NodeSearch {
  /** Result URLs and data, best first. */
  search(query: string, filters?: Record<string, string>): Promise<PagefindResultData[]>;
  /** What the query becomes before it reaches Pagefind (stop words dropped, typos corrected). */
  plan(query: string): QueryPlan;
}

export async function createNodeSearch(distDir: string, baseUrl = '/', limit = 10): Promise<NodeSearch> {
  patchFetchForFiles();
  const bundle = path.join(path.resolve(distDir), 'pagefind');
  const pagefind = (await import(/* @vite-ignore */ pathToFileURL(path.join(bundle, 'pagefind.js')).href)) as Pagefind;
  await pagefind.options({ ...PAGEFIND_OPTIONS, baseUrl });
  await pagefind.init();
  const vocabularyFile = path.join(bundle, VOCABULARY_FILE);
  const vocabulary = existsSync(vocabularyFile)
    ? (JSON.parse(readFileSync(vocabularyFile, 'utf8')) as SearchVocabulary)
    : undefined;
  const planner = createQueryPlanner(vocabulary);
  return {
    plan: (query) => planner.plan(query),
    async search(query, filters) {
      const { results } = await searchHelpCenter(pagefind, planner.plan(query), filters);
      return Promise.all(results.slice(0, limit).map((r) => r.data()));
    },
  };
}
