import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SiteSettingsSchema } from '../content/schema.ts';
import type { HelpRecord } from '../content/help-records.ts';
import { writeHelpFiles } from './help-files.ts';
import { hashKey, openCachedStep } from './page-cache.ts';
import { getWidgetFragmentPath } from '../widget/widget-config.ts';

const temp = () => mkdtempSync(path.join(tmpdir(), 'page-cache-'));

describe('a cached step', () => {
  it('makes what it has not kept, and takes from the build before what has the same key', () => {
    const folder = temp();
    const first = openCachedStep(folder, 'upper', 1, z.string());
    expect(first.memo(hashKey('a'), () => 'A')).toBe('A');
    expect(first.memo(hashKey('b'), () => 'B')).toBe('B');
    first.save();
    const second = openCachedStep(folder, 'upper', 1, z.string());
    expect(second.memo(hashKey('a'), () => 'made again')).toBe('A');
    expect(second.memo(hashKey('b', 'changed'), () => 'B2')).toBe('B2');
    expect(second.stats).toEqual({ hits: 1, made: 1 });
    second.save();
    // Saving kept only what the build used: the old "b" is gone.
    const kept = JSON.parse(readFileSync(path.join(folder, 'upper.json'), 'utf8')) as { entries: object };
    expect(Object.keys(kept.entries).sort()).toEqual([hashKey('a'), hashKey('b', 'changed')].sort());
  });

  it('starts empty from a file that is not JSON, does not match its schema or is of another version, and replaces it', () => {
    const folder = temp();
    const file = path.join(folder, 'upper.json');
    for (const text of [
      '{"version": "0.2.0/1", "entries": {"x": ',
      JSON.stringify({ version: 'other', entries: { [hashKey('a')]: 'stale' } }),
      JSON.stringify({ entries: { [hashKey('a')]: 42 } }),
    ]) {
      writeFileSync(file, text);
      const step = openCachedStep(folder, 'upper', 1, z.string());
      expect(step.memo(hashKey('a'), () => 'A')).toBe('A');
      expect(step.stats).toEqual({ hits: 0, made: 1 });
      step.save();
      expect(openCachedStep(folder, 'upper', 1, z.string()).memo(hashKey('a'), () => 'made again')).toBe('A');
    }
    // The step's own version: raised, what the older code made is not used.
    expect(openCachedStep(folder, 'upper', 2, z.string()).memo(hashKey('a'), () => 'new')).toBe('new');
  });

  it('keeps nothing without a folder', () => {
    const step = openCachedStep(undefined, 'upper', 1, z.string());
    expect(step.memo(hashKey('a'), () => 'A')).toBe('A');
    expect(step.memo(hashKey('a'), () => 'A again')).toBe('A again');
    step.save();
    expect(step.stats).toEqual({ hits: 0, made: 2 });
  });
});

describe("the help files' cache between builds", () => {
  const settings = SiteSettingsSchema.parse({
    name: 'Help',
    url: 'https://help.example.test',
    language: 'en',
    contact: { email: 'a@b.test' },
  });
  const root = temp();
  const contentDir = path.join(root, 'content');
  mkdirSync(contentDir);
  const record = (slug: string, markdown: string): HelpRecord => ({
    kind: 'article',
    language: 'en',
    id: `article:${slug}`,
    slug,
    category: 'billing',
    categoryTitle: 'Billing',
    title: slug,
    description: `About ${slug}`,
    path: `/billing/${slug}/`,
    markdownPath: `/billing/${slug}.md`,
    markdown,
    appRoutes: [],
    sourcePath: path.join(contentDir, 'articles', 'billing', `${slug}.md`),
    unlisted: false,
  });
  const build = (records: HelpRecord[], bodies: Record<string, string>, outDir: string) =>
    writeHelpFiles({
      outDir,
      contentDir,
      settings,
      records,
      revision: 'unknown',
      widgetBundle: path.join(root, 'no-widget.js'),
      getRenderedBody: (id) => bodies[id],
      cacheFolder: path.join(root, 'cache'),
    });
  const fragment = (outDir: string, slug: string) =>
    readFileSync(path.join(outDir, ...getWidgetFragmentPath('article', slug).split('/')), 'utf8');

  it('makes the copy and fragment of a changed page anew and takes the unchanged ones from the cache', async () => {
    const bodies = {
      'article:refunds': '<p>Refunds take <a href="/billing/invoices/">five days</a>.</p>',
      'article:invoices': '<p>Invoices</p><script>alert(1)</script>',
    };
    const pages = [
      record('refunds', 'Refunds take [five days](./invoices.md).'),
      record('invoices', 'Invoices\n\n<script>alert(1)</script>'),
    ];
    const cold = await build(pages, bodies, path.join(root, 'out1'));
    expect(cold.cached).toEqual({ hits: 0, made: 4 });
    expect(cold.warnings.some((w) => w.includes('invoices.md') && w.includes('script'))).toBe(true);

    const again = await build(pages, bodies, path.join(root, 'out2'));
    expect(again.cached).toEqual({ hits: 4, made: 0 });
    // From the cache: the same files, the sanitiser's warning too.
    expect(again.warnings).toEqual(cold.warnings);
    for (const file of ['billing/refunds.md', 'billing/invoices.md', 'llms-full.txt'])
      expect(readFileSync(path.join(root, 'out2', file), 'utf8')).toBe(
        readFileSync(path.join(root, 'out1', file), 'utf8'),
      );
    expect(fragment(path.join(root, 'out2'), 'invoices')).toBe(fragment(path.join(root, 'out1'), 'invoices'));
    expect(fragment(path.join(root, 'out2'), 'invoices')).not.toContain('<script');

    const edited = await build(
      [record('refunds', 'Refunds take [ten days](./invoices.md).'), pages[1]!],
      { ...bodies, 'article:refunds': '<p>Refunds take ten days.</p>' },
      path.join(root, 'out3'),
    );
    expect(edited.cached).toEqual({ hits: 2, made: 2 });
    expect(readFileSync(path.join(root, 'out3', 'billing/refunds.md'), 'utf8')).toContain(
      '[ten days](https://help.example.test/billing/invoices.md)',
    );
    expect(fragment(path.join(root, 'out3'), 'refunds')).toContain('ten days');
    expect(existsSync(path.join(root, 'cache', 'markdown-copies.json'))).toBe(true);
  });
});
