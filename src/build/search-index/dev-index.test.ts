import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { writeTempSite } from '../../../test/helpers/temp-site.ts';
import { createNodeSearch } from '../../search/node-search.ts';
import { createQueryPlanner } from '../../search/query.ts';
import { createSearchRecordBuilders } from './record-builders.ts';
import { DevSearchIndex } from './dev-index.ts';
import { createDevVocabularies } from './dev-vocabulary.ts';
import { INVOICE_FAQ, REFUNDS_ARTICLE } from '../../../test/helpers/search-entries.ts';

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

describe('the dev server search index', () => {
  it('indexes the loaded content, follows edits and deletions, and serves the files', async () => {
    const root = writeTempSite({});
    dirs.push(root);
    const warnings: string[] = [];
    const settings = { name: 'Qqq Desk', language: 'en', locales: [], defaultLocalePrefix: false };
    const index = new DevSearchIndex(
      createSearchRecordBuilders(path.join(root, 'content'), settings),
      { info: () => {}, warn: (m) => warnings.push(m) },
      { collections: ['articles', 'faqs'], vocabularies: createDevVocabularies(path.join(root, 'content'), settings) },
    );
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

      let before = await entryFile(index);
      index.setEntry('articles', 'billing/refunds', { ...refunds, title: 'Refunds for zebrafish owners' });
      await vi.waitFor(async () => expect(await entryFile(index)).not.toBe(before), { timeout: 20_000, interval: 100 });
      expect(await searchServed(index, 'zebrafish')).toEqual(['/billing/refunds/']);

      before = await entryFile(index);
      index.deleteEntry('articles', 'billing/refunds');
      await vi.waitFor(async () => expect(await entryFile(index)).not.toBe(before), { timeout: 20_000, interval: 100 });
      expect(await searchServed(index, 'zebrafish')).toEqual([]);
      expect(warnings).toEqual([]);
    } finally {
      await index.close();
    }
  }, 60_000);
});
