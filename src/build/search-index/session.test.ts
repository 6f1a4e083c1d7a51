import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VALID_CATEGORIES, VALID_SITE, writeTempSite } from '../../../test/helpers/temp-site.ts';
import { ErrorCodes } from '../../lib/errors.ts';
import { createNodeSearch } from '../../search/node-search.ts';
import { SearchIndexSession } from './session.ts';
import { createSearchRecordBuilders } from './record-builders.ts';
import { INVOICE_FAQ, REFUNDS_ARTICLE } from '../../../test/helpers/search-entries.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hc-search-session-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const vocabulary = { language: 'en', stopWords: [], words: ['refunds', 'card', 'invoice'] };
const refunds = REFUNDS_ARTICLE;
const invoice = INVOICE_FAQ;

/** A session for an English site at `root`, writing to a fresh work folder. */
const newSession = (root: string) =>
  new SearchIndexSession(
    tempDir(),
    createSearchRecordBuilders(path.join(root, 'content'), { language: 'en', locales: [], defaultLocalePrefix: false }),
  );

describe('the search index session', () => {
  it('indexes what it is sent and writes a working Pagefind index', async () => {
    const root = writeTempSite({ 'content/site.yaml': VALID_SITE, 'content/categories.yaml': VALID_CATEGORIES });
    dirs.push(root);
    const outDir = tempDir();
    const thread = newSession(root);
    thread.addEntry('articles', refunds);
    thread.addUnchangedEntries('articles', []);
    thread.addUnchangedEntries('faqs', [invoice]);
    thread.write();
    const result = await thread.finish(outDir, [vocabulary]);
    expect(result).toMatchObject({ articleCount: 1, faqCount: 1 });

    const search = await createNodeSearch(outDir);
    expect((await search.search('refunds card')).map((r) => r.url)).toEqual(['/billing/refunds/']);
    expect((await search.search('invoice')).map((r) => r.url)).toEqual([expect.stringMatching(/^\/faq\/.*invoice/)]);
  }, 30_000);

  it('ranks by search weight: a category’s, a section’s, and a page’s own over both', async () => {
    const categories =
      '- id: billing\n  title: Billing\n  description: Paying for things.\n' +
      '- id: developers\n  title: Developers\n  description: The API.\n  searchWeight: 0.2\n' +
      '  sections:\n    - { id: guides, title: Guides, searchWeight: 1 }\n';
    const root = writeTempSite({ 'content/site.yaml': VALID_SITE, 'content/categories.yaml': categories });
    dirs.push(root);
    const outDir = tempDir();
    const thread = newSession(root);
    // The developer pages say "refund" more often: without weights they would come first.
    const page = (category: string, slug: string, extra: object = {}) => ({
      ...refunds,
      category,
      slug,
      title: `Refund ${slug}`,
      html: '<p>Refund refund refund: a refund through the refunds endpoint.</p>',
      ...extra,
    });
    thread.addUnchangedEntries('articles', [
      { ...refunds, title: 'Refund money' },
      page('developers', 'api'),
      page('developers', 'sdk', { section: 'guides' }),
      page('developers', 'webhooks', { section: 'guides', searchWeight: 0.1 }),
    ]);
    thread.addUnchangedEntries('faqs', []);
    thread.write();
    await thread.finish(outDir, [vocabulary]);
    const search = await createNodeSearch(outDir);
    expect((await search.search('refund')).map((r) => r.url)).toEqual([
      '/developers/sdk/',
      '/billing/refunds/',
      '/developers/api/',
      '/developers/webhooks/',
    ]);
  }, 30_000);

  it('reports a collection that was never loaded through withSearchIndexing() from finish()', async () => {
    const root = writeTempSite({});
    dirs.push(root);
    const thread = newSession(root);
    thread.addUnchangedEntries('articles', [refunds]);
    // No FAQs were loaded through withSearchIndexing().
    expect(() => thread.write()).toThrow(
      expect.objectContaining({
        code: ErrorCodes.PagefindFailed,
        message: expect.stringContaining('got nothing from the faqs collection'),
      }),
    );
    await thread.close();
  }, 30_000);
});
