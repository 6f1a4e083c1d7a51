import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { markdownConfigDefaults, unified, type RehypePlugins, type RemarkPlugins } from '@astrojs/markdown-remark';
import type { ContentEntryRenderFunction, ContentEntryType } from 'astro';
import type { Loader, LoaderContext } from 'astro/loaders';
import { helpCenterMarkdown } from '../../content/markdown-config.ts';
import {
  chooseMarkdownThreads,
  MarkdownThreads,
  MIN_FILES_FOR_THREADS,
  startMarkdownThreads,
  toThreadOptions,
  type MarkdownEntry,
} from './markdown-threads.ts';
import { withMarkdownThreads, type MarkdownRenderer } from './markdown-threads-loader.ts';
import { closeOpenBuildSession, openBuildSession } from '../../integration/build-session-door.ts';

const contentDir = '/site/content';
/** The resolved config Astro hands the loaders: its defaults under ours, as astro.config.mjs sets them. */
const config = {
  markdown: { ...markdownConfigDefaults, ...helpCenterMarkdown({ contentDir, base: '/help/' }) },
  image: { domains: [], remotePatterns: [] },
} as unknown as Parameters<typeof toThreadOptions>[0];
const ourPlugins = helpCenterMarkdown({ contentDir, base: '/help/' }).processor.options;

/** The config with other remark or rehype plugins on its unified() processor. */
function withPlugins(plugins: { remarkPlugins?: RemarkPlugins; rehypePlugins?: RehypePlugins }) {
  return { ...config, markdown: { ...config.markdown, processor: unified({ ...ourPlugins, ...plugins }) } };
}

/** Astro's own render function for Markdown entries (astro/dist/vite-plugin-markdown/content-entry-type.js). */
async function astroRender(): Promise<ContentEntryRenderFunction> {
  const { processor: unifiedProcessor, ...shared } = config.markdown;
  const processor = await unifiedProcessor.createRenderer({ image: config.image, ...shared });
  return async (entry) => {
    const result = await processor.render(entry.body ?? '', {
      frontmatter: entry.data,
      fileURL: entry.filePath ? pathToFileURL(entry.filePath) : undefined,
    });
    return {
      html: result.code,
      metadata: {
        ...result.metadata,
        imagePaths: result.metadata.localImagePaths.concat(result.metadata.remoteImagePaths),
      },
    };
  };
}

const entries: MarkdownEntry[] = [
  {
    id: 'account/reset-password',
    filePath: `${contentDir}/articles/account/reset-password.md`,
    data: { title: 'Reset your password', updated: new Date('2026-03-01') },
    body: [
      '## Before you start',
      '',
      ':::note',
      'The link in the email works for **one hour**. See [two-step sign-in](../account/two-factor-authentication.md#backup-codes).',
      ':::',
      '',
      '| Plan | Resets a day |',
      '| --- | --- |',
      '| Free | 3 |',
      '',
      '```sh',
      'curl -X POST https://api.example.com/reset',
      '```',
      '',
      '![The reset form](./reset-form.png)',
      '',
      '### "Quotes" -- and dashes',
      '',
      '- [ ] a task',
      '- [Contact](/contact/)',
    ].join('\n'),
  },
  {
    id: 'billing/refunds',
    filePath: `${contentDir}/faqs/billing/refunds.md`,
    data: { question: 'When do I get my money back?' },
    body: 'Within **five** working days.',
  },
  { id: 'empty/body', data: {}, body: '' },
];

describe('Markdown on worker threads', () => {
  const pools: MarkdownThreads[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    stops.splice(0);
    await Promise.all(pools.splice(0).map((p) => p.close()));
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const stops: Array<Error | undefined> = [];
  const start = (count: number, entry?: URL) => {
    const options = toThreadOptions(config);
    if ('reason' in options) throw new Error(options.reason);
    const pool = new MarkdownThreads(options, count, { entry, onStop: (error) => stops.push(error) });
    pools.push(pool);
    return pool;
  };

  it('renders the same HTML, headings and image paths as Astro does on its own thread', async () => {
    const render = await start(2).getRenderFunction(config, () =>
      Promise.reject(new Error('should run on the threads')),
    );
    const inline = await astroRender();
    const [threaded, expected] = await Promise.all([
      Promise.all(entries.map(render)),
      Promise.all(entries.map(inline)),
    ]);
    expect(threaded).toEqual(expected);
    // The plugins really ran there: a callout, a content link rewritten with the base, code, an image.
    const html = threaded[0]!.html;
    expect(html).toContain('class="callout callout-note"');
    expect(html).toContain('href="/help/account/two-factor-authentication/#backup-codes"');
    expect(html).toContain('<pre class="astro-code css-variables"');
    expect(html).toContain(
      '<div class="table-scroll" role="region" tabindex="0" aria-label="Before you start"><table>',
    );
    expect(threaded[0]!.metadata?.imagePaths).toEqual(['./reset-form.png']);
    expect(threaded[0]!.metadata?.headings?.map((h) => h.text)).toEqual(['Before you start', '“Quotes” — and dashes']);
    expect(stops).toEqual([]);
  });

  it("renders on Astro's thread when a thread cannot start", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hc-md-thread-'));
    dirs.push(dir);
    const broken = path.join(dir, 'broken-worker.mjs');
    writeFileSync(broken, 'throw new Error("no processor here");\n');
    let inlineCalls = 0;
    const render = await start(1, pathToFileURL(broken)).getRenderFunction(config, async () => {
      inlineCalls++;
      return astroRender();
    });
    const inline = await astroRender();
    expect(await Promise.all(entries.map(render))).toEqual(await Promise.all(entries.map(inline)));
    expect(inlineCalls).toBe(1);
    expect(stops.map((e) => e?.message)).toEqual(['no processor here']);
  });

  it("uses Astro's render function when the config changed after the threads started", async () => {
    const pool = start(1);
    const own: ContentEntryRenderFunction = async () => ({ html: 'inline' });
    const changed = { ...config, markdown: { ...config.markdown, smartypants: false as const } };
    expect(await pool.getRenderFunction(changed, async () => own)).toBe(own);
  });
});

describe('which Markdown options a thread can take', () => {
  it('takes ours: the plugins by name, their options as data', () => {
    const options = toThreadOptions(config);
    expect(options).toMatchObject({
      remarkPlugins: [
        { name: 'remark-directive' },
        { name: 'definition-lists' },
        { name: 'tabs' },
        { name: 'callouts' },
        { name: 'heading-ids' },
        { name: 'links', options: { contentDir, base: '/help/' } },
      ],
      rehypePlugins: [{ name: 'table-regions' }, { name: 'bidi-isolate' }],
    });
  });

  it('says why not for rehype plugins not ours, unknown plugin functions and options that hold functions', () => {
    const rehype = withPlugins({ rehypePlugins: [function rehypeOther() {}] });
    expect(toThreadOptions(rehype)).toEqual({
      reason: expect.stringMatching(/^rehype plugin "rehypeOther\d*" is not one a thread can load$/),
    });
    const unknown = withPlugins({ remarkPlugins: [...ourPlugins.remarkPlugins, function remarkEmoji() {}] });
    expect(toThreadOptions(unknown)).toEqual({
      reason: expect.stringMatching(/^remark plugin "remarkEmoji\d*" is not one a thread can load$/),
    });
    const transformer = {
      ...config,
      markdown: { ...config.markdown, shikiConfig: { ...config.markdown.shikiConfig, transformers: [{ pre() {} }] } },
    };
    expect(toThreadOptions(transformer)).toMatchObject({
      reason: expect.stringContaining('cannot be sent to a thread'),
    });
  });

  it('takes plugins given as package names', () => {
    const named = withPlugins({ remarkPlugins: ['remark-directive'] });
    expect(toThreadOptions(named)).toMatchObject({ remarkPlugins: ['remark-directive'] });
  });

  it('starts one thread per core, up to four, for large sites, unless the markdownThreads option says', () => {
    expect(chooseMarkdownThreads(MIN_FILES_FOR_THREADS)).toEqual({ count: Math.min(os.availableParallelism(), 4) });
    expect(chooseMarkdownThreads(MIN_FILES_FOR_THREADS - 1)).toEqual({
      reason: expect.stringMatching(/^1999 Markdown files, fewer than the 2,000/),
    });
    expect(chooseMarkdownThreads(50, 3)).toEqual({ count: 3 });
    expect(chooseMarkdownThreads(10_000, 0)).toEqual({ reason: 'the markdownThreads option is 0' });
  });
});

describe('the loader wrapper', () => {
  afterEach(() => closeOpenBuildSession());
  const openWith = (markdownThreads: MarkdownRenderer) =>
    openBuildSession({ command: 'build', markdownThreads, close: async () => {} });
  const threaded: ContentEntryRenderFunction = async () => ({ html: 'threaded' });
  const renderer: MarkdownRenderer = { getRenderFunction: async () => threaded };
  const inline: ContentEntryRenderFunction = async () => ({ html: 'inline' });
  const mdType = { extensions: ['.md'], getRenderFunction: async () => inline } as unknown as ContentEntryType;
  /** A loader that reports the `.md` render function it was given, and the context's warnings. */
  const run = async (context: Record<string, unknown>) => {
    const warnings: string[] = [];
    let seen: LoaderContext | undefined;
    const loader: Loader = { name: 'probe', load: async (c) => void (seen = c) };
    await withMarkdownThreads(loader).load({
      config,
      logger: { warn: (m: string) => warnings.push(m) },
      ...context,
    } as unknown as LoaderContext);
    const md = (seen as unknown as { entryTypes?: Map<string, ContentEntryType> }).entryTypes?.get('.md');
    const render = md?.getRenderFunction ? await md.getRenderFunction(config as never) : undefined;
    return { seen, render, warnings };
  };

  it('gives the .md entry type a render function on the threads when they run', async () => {
    await openWith(renderer);
    const mdx = { extensions: ['.mdx'] } as unknown as ContentEntryType;
    const { render, seen, warnings } = await run({
      entryTypes: new Map([
        ['.md', mdType],
        ['.mdx', mdx],
      ]),
    });
    expect(render).toBe(threaded);
    expect((seen as unknown as { entryTypes: Map<string, ContentEntryType> }).entryTypes.get('.mdx')).toBe(mdx);
    expect(warnings).toEqual([]);
  });

  it('leaves the context alone outside astro build (no threads)', async () => {
    const context = { entryTypes: new Map([['.md', mdType]]) };
    const { render, warnings } = await run(context);
    expect(render).toBe(inline);
    expect(warnings).toEqual([]);
  });

  it("falls back to Astro's thread, and says why, when Astro passes no entry types or no render function", async () => {
    await openWith(renderer);
    const none = await run({});
    expect(none.render).toBeUndefined();
    expect(none.warnings).toEqual([
      "Rendering Markdown on Astro's thread: Astro passes the loader no entry types (the Markdown threads need it).",
    ]);
    const noRender = await run({ entryTypes: new Map([['.md', { extensions: ['.md'] }]]) });
    expect(noRender.render).toBeUndefined();
    expect(noRender.warnings).toEqual([
      "Rendering Markdown on Astro's thread: Astro's .md entry type has no getRenderFunction (the Markdown threads need it).",
    ]);
  });
});

describe('starting the threads', () => {
  it('says why not when the option is 0 or the options cannot be sent', () => {
    expect(startMarkdownThreads(config, { reason: 'the markdownThreads option is 0' }, () => {})).toEqual({
      reason: 'the markdownThreads option is 0',
    });
    const rehype = withPlugins({ rehypePlugins: [function rehypeOther() {}] });
    expect(startMarkdownThreads(rehype, { count: 2 }, () => {})).toEqual({
      reason: expect.stringMatching(/^rehype plugin "rehypeOther\d*" is not one a thread can load$/),
    });
  });
});
