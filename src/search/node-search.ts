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
import { getVocabularyFile, VOCABULARY_FILE, type SearchVocabulary } from './vocabulary.ts';

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
  /** The same search with what the answer card is judged by: the plan and each result's score. */
  searchScored(
    query: string,
  ): Promise<{ plan: QueryPlan; results: PagefindResultData[]; scores: number[]; stopWords: readonly string[] }>;
}

/**
 * @param language The `<html lang>` of the page searched from: Pagefind's index and our vocabulary
 * of that language (unset: the default language's).
 */
export async function createNodeSearch(
  distDir: string,
  baseUrl = '/',
  limit = 10,
  language?: string,
): Promise<NodeSearch> {
  patchFetchForFiles();
  const bundle = path.join(path.resolve(distDir), 'pagefind');
  // Pagefind's module is one search per language: a query string gives each language its own
  // instance, and it picks its index from the page's <html lang>, which Node has to stand in for.
  const href = pathToFileURL(path.join(bundle, 'pagefind.js')).href + (language ? `?language=${language}` : '');
  const pagefind = (await import(/* @vite-ignore */ href)) as Pagefind;
  await pagefind.options({ ...PAGEFIND_OPTIONS, baseUrl });
  await withPageLanguage(language, () => pagefind.init());
  const vocabularyFile = path.join(bundle, language ? getVocabularyFile(language) : VOCABULARY_FILE);
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
    async searchScored(query) {
      const { results, plan, answerScores } = await searchHelpCenter(pagefind, planner.plan(query));
      const top = results.slice(0, limit);
      const data = await Promise.all(top.map((r) => r.data()));
      return { plan, results: data, scores: answerScores, stopWords: vocabulary?.stopWords ?? [] };
    },
  };
}

/** Runs `fn` with a stand-in `document` whose `<html lang>` is `language` (when Node has no document). */
async function withPageLanguage(language: string | undefined, fn: () => Promise<void> | void): Promise<void> {
  const g = globalThis as { document?: unknown };
  if (!language || g.document !== undefined) return fn();
  g.document = { querySelector: () => ({ getAttribute: (name: string) => (name === 'lang' ? language : null) }) };
  try {
    await fn();
  } finally {
    delete g.document;
  }
}
