import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import matter from 'gray-matter';
import { glob, type LoaderContext } from 'astro/loaders';

type StoredEntry = Parameters<LoaderContext['store']['set']>[0];

/**
 * Astro's own glob loader, as our content collections use it: until Astro 6 it warned "Duplicate
 * id" for every re-sync of an edited file (our same-file-resync.ts wrapper held that back); since
 * Astro 6 (withastro/astro#15064) it warns only when another file has the id. These tests keep
 * that upstream behaviour in view.
 */

/** What Astro's content layer hands the glob loader in `astro dev`, with an in-memory store and watcher. */
function devContext(root: string) {
  const entries = new Map<string, StoredEntry>();
  const warnings: string[] = [];
  const watcher = Object.assign(new EventEmitter(), { add: () => watcher });
  const markdown = {
    getEntryInfo: ({ contents }: { contents: string }) => {
      const { content, data } = matter(contents);
      return { body: content, data };
    },
    getRenderFunction: () => Promise.resolve((entry: { body?: string }) => Promise.resolve({ html: `<p>${entry.body}</p>` })),
  };
  const store = {
    get: (id: string) => entries.get(id),
    has: (id: string) => entries.has(id),
    keys: () => [...entries.keys()],
    values: () => [...entries.values()],
    entries: () => [...entries.entries()],
    set: (entry: StoredEntry) => {
      const existing = entries.get(entry.id);
      if (existing?.digest && existing.digest === entry.digest) return false;
      entries.set(entry.id, entry);
      return true;
    },
    delete: (id: string) => void entries.delete(id),
    clear: () => entries.clear(),
    addModuleImport: () => {},
    addAssetImports: () => {},
  };
  const context = {
    collection: 'articles',
    config: { root: pathToFileURL(`${root}/`), srcDir: pathToFileURL(`${root}/src/`), legacy: { collections: false } },
    logger: { warn: (m: string) => warnings.push(m), info: () => {}, error: (m: string) => warnings.push(m), debug: () => {} },
    watcher,
    parseData: ({ data }: { data: Record<string, unknown> }) => Promise.resolve(data),
    store,
    generateDigest: (text: string) => createHash('sha1').update(text).digest('hex'),
    entryTypes: new Map([['.md', markdown]]),
    meta: new Map(),
  } as unknown as LoaderContext;
  return { context, entries, warnings, watcher };
}

function writeArticles(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'hc-resync-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const article = (title: string) => `---\ntitle: ${title}\n---\n\n${title} body.\n`;

describe("Astro's glob loader", () => {
  it('re-syncs an edited file without a "Duplicate id" warning', async () => {
    const root = writeArticles({ 'content/articles/billing/refunds.md': article('Refunds') });
    const { context, entries, warnings, watcher } = devContext(root);
    const file = path.join(root, 'content/articles/billing/refunds.md');
    const loader = glob({ pattern: '*/*.md', base: 'content/articles', generateId: ({ entry }) => entry.replace(/\.md$/, '') });
    await loader.load(context);
    expect(entries.get('billing/refunds')?.body).toContain('Refunds body');
    for (const title of ['Refunds, edited', 'Refunds, edited again']) {
      writeFileSync(file, article(title));
      watcher.emit('change', file);
      await vi.waitFor(() => expect(entries.get('billing/refunds')?.body).toContain(`${title} body`));
    }
    expect(warnings).toEqual([]);
  });

  it('re-syncs a file changed since the cached store without a warning', async () => {
    const root = writeArticles({ 'content/articles/billing/refunds.md': article('Refunds') });
    const first = devContext(root);
    const loader = () =>
      glob({ pattern: '*/*.md', base: 'content/articles', generateId: ({ entry }) => entry.replace(/\.md$/, '') });
    await loader().load(first.context);
    writeFileSync(path.join(root, 'content/articles/billing/refunds.md'), article('Refunds, edited'));
    const next = devContext(root);
    for (const [id, entry] of first.entries) next.entries.set(id, entry);
    await loader().load(next.context);
    expect(next.entries.get('billing/refunds')?.body).toContain('Refunds, edited body');
    expect(next.warnings).toEqual([]);
  });

  it('still warns when two files give the same id', async () => {
    const root = writeArticles({
      'content/articles/billing/refunds.md': article('Refunds'),
      'content/articles/account/refunds.md': article('Account refunds'),
    });
    const { context, warnings } = devContext(root);
    const loader = glob({ pattern: '*/*.md', base: 'content/articles', generateId: ({ entry }) => path.basename(entry, '.md') });
    await loader.load(context);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^\*\*articles\*\* contains multiple entries with the same slug: `refunds`/);
  });
});
