import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { writeTempSite } from '../../../test/helpers/temp-site.ts';
import { createNodeSearch } from '../../search/node-search.ts';
import { createQueryPlanner } from '../../search/query.ts';
import { createSearchRecordBuilders } from './record-builders.ts';
import { DevSearchIndex } from './dev-index.ts';
import { createDevVocabularies } from './dev-vocabulary.ts';
import { INVOICE_FAQ, REFUNDS_ARTICLE } from '../../../test/helpers/search-entries.ts';

// Pagefind itself, with its index creations counted.
vi.mock('pagefind', async (importOriginal) => {
  const actual = await importOriginal<typeof import('pagefind')>();
  return { ...actual, createIndex: vi.fn(actual.createIndex) };
});

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const refunds = REFUNDS_ARTICLE;
const invoice = INVOICE_FAQ;

/** The index as the dev server serves it, written to a folder the browser's Pagefind bundle reads in Node. */
async function searchServed(index: DevSearchIndex, query: string): Promise<string[]> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'hc-dev-search-'));
  dirs.push(outDir);
  for (const file of await index.listFiles()) {
    const target = path.join(outDir, 'pagefind', file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, (await index.getFile(file))!);
  }
  const search = await createNodeSearch(outDir);
  // Loads the index before the temporary folder goes: a query whose words the vocabulary drops never would.
  await search.search('invoice');
  return (await search.search(query)).map((r) => r.url);
}

const entryFile = async (index: DevSearchIndex) => new TextDecoder().decode(await index.getFile('pagefind-entry.json'));

function createIndex(warnings: string[] = []) {
  const root = writeTempSite({});
  dirs.push(root);
  const settings = { name: 'Qqq Desk', language: 'en', locales: [], defaultLocalePrefix: false };
  return new DevSearchIndex(
    createSearchRecordBuilders(path.join(root, 'content'), settings),
    { info: () => {}, warn: (m) => warnings.push(m) },
    { collections: ['articles', 'faqs'], vocabularies: createDevVocabularies(path.join(root, 'content'), settings) },
  );
}

describe('the dev server search index', () => {
  it('indexes the loaded content, follows edits and deletions, and serves the files', async () => {
    const warnings: string[] = [];
    const index = createIndex(warnings);
    try {
      // As the loader hands them: what the load stored, then the rest (unchanged since the cache).
      index.setEntry('articles', 'billing/refunds', refunds);
      index.endCollection('articles', [{ id: 'billing/draft', entry: undefined }]);
      // No index while a collection has not loaded: it would lack that collection's entries.
      expect(await index.getFile('pagefind.js')).toBeUndefined();
      index.endCollection('faqs', [{ id: 'billing/invoice', entry: invoice }]);
      expect(await index.getFile('pagefind.js')).toBeDefined();
      expect(await searchServed(index, 'refunds card')).toEqual(['/billing/refunds/']);
      expect(await searchServed(index, 'invoice')).toEqual([expect.stringMatching(/^\/faq\/.*invoice/)]);
      // The vocabulary is served too: a typo is corrected, and the result list has its words.
      const vocabulary = JSON.parse(new TextDecoder().decode(await index.getFile('help-center-vocabulary.en.json')));
      expect(vocabulary).toMatchObject({ language: 'en', brandWords: ['qqq', 'desk'] });
      expect(Object.keys(vocabulary.ui)).toContain('results.article');
      expect(createQueryPlanner(vocabulary).plan('refnds').terms).toEqual(['refunds']);

      const before = await entryFile(index);
      index.setEntry('articles', 'billing/refunds', { ...refunds, title: 'Refunds for zebrafish owners' });
      expect(await entryFile(index)).not.toBe(before);
      expect(await searchServed(index, 'zebrafish')).toEqual(['/billing/refunds/']);

      index.deleteEntry('articles', 'billing/refunds');
      expect(await searchServed(index, 'zebrafish')).toEqual([]);
      expect(warnings).toEqual([]);
    } finally {
      await index.close();
    }
  }, 60_000);

  it('indexes only when a file of the index is asked for after a change, once for several changes', async () => {
    const created = vi.mocked(pagefind.createIndex);
    const index = createIndex();
    try {
      created.mockClear();
      index.endCollection('articles', [{ id: 'billing/refunds', entry: refunds }]);
      index.endCollection('faqs', [{ id: 'billing/invoice', entry: invoice }]);
      // The start: nothing indexed until someone searches.
      await new Promise((r) => setTimeout(r, 500));
      expect(created).not.toHaveBeenCalled();
      const [entry, again] = await Promise.all([entryFile(index), entryFile(index)]);
      expect(again).toBe(entry);
      expect(created).toHaveBeenCalledTimes(1);

      // Edits: still nothing until the next search, which indexes them all at once.
      index.setEntry('articles', 'billing/refunds', { ...refunds, title: 'Refunds for zebrafish owners' });
      index.setEntry('faqs', 'billing/invoice', { ...invoice, question: 'Where is the okapi invoice?' });
      await new Promise((r) => setTimeout(r, 500));
      expect(created).toHaveBeenCalledTimes(1);
      // A file that never changes (a fragment of the index before) is served without indexing.
      const fragment = (await index.listFiles()).find((f) => f.endsWith('.pf_fragment'))!;
      expect(created).toHaveBeenCalledTimes(2);
      index.setEntry('articles', 'billing/refunds', refunds);
      expect(await index.getFile(fragment)).toBeDefined();
      expect(created).toHaveBeenCalledTimes(2);
      expect(await searchServed(index, 'okapi')).toEqual([expect.stringMatching(/^\/faq\/.*invoice/)]);
      expect(await searchServed(index, 'zebrafish')).toEqual([]);
      expect(created).toHaveBeenCalledTimes(3);
      // Nothing changed since: the next search indexes nothing.
      await entryFile(index);
      expect(created).toHaveBeenCalledTimes(3);
    } finally {
      await index.close();
    }
  }, 60_000);
});
