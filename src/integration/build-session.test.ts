/**
 * The build session's lifecycle, through the integration's own hooks in one process: Astro's
 * `dev()` then `build()`, a build after one that failed, a dev server that closes. Each step runs
 * the real astro:config:setup (content check, Pagefind session, dev index) on a small fixture.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { PluginOption } from 'vite';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import helpCenter from '../index.ts';
import { closeOpenBuildSession, getBuildSession } from './build-session-door.ts';
import { SearchIndexSession } from '../build/search-index/session.ts';
import { DevSearchIndex } from '../build/search-index/dev-index.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const CONTENT = 'test/fixtures/base-path/content';
const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'helpdesk-kit-session-'));
const logger = {
  info() {},
  warn(_message: string) {},
  error() {},
  debug() {},
  fork: () => logger,
  label: 'helpdesk-kit',
};

type Hooks = Required<AstroIntegration['hooks']>;
type Plugin = {
  name: string;
  configResolved?: (config: { command: 'serve' | 'build' }) => void;
  buildEnd?: (error?: Error) => unknown;
};

/** The Vite plugins astro:config:setup added, of the last setUp(). */
let configPlugins: Plugin[] = [];

/** Runs astro:config:setup of a new integration instance, as `astro <command>` does. */
async function setUp(command: 'dev' | 'build', options: { markdownThreads?: number; log?: typeof logger } = {}) {
  const { log = logger, ...rest } = options;
  const integration = helpCenter({ contentDir: CONTENT, ...rest });
  const hooks = integration.hooks as Hooks;
  configPlugins = [];
  await (hooks['astro:config:setup'] as (options: unknown) => Promise<void>)({
    command,
    config: {
      root: pathToFileURL(`${REPO_ROOT}/`),
      srcDir: pathToFileURL(`${REPO_ROOT}/demo/`),
      publicDir: pathToFileURL(`${REPO_ROOT}/public/`),
      cacheDir: pathToFileURL(`${cacheDir}/`),
      markdown: { shikiConfig: {} },
      integrations: [],
    },
    logger: log,
    updateConfig: (config: { vite?: { plugins?: PluginOption[] } }) =>
      configPlugins.push(...((config.vite?.plugins ?? []) as Plugin[])),
    injectRoute: () => {},
    addMiddleware: () => {},
  });
  return hooks;
}

/** The plugins astro:build:setup adds to a bundle of the build. */
function getBuildPlugins(hooks: Hooks): Plugin[] {
  let plugins: PluginOption[] = [];
  (hooks['astro:build:setup'] as (options: unknown) => void)({
    updateConfig: (config: { plugins: PluginOption[] }) => (plugins = config.plugins),
  });
  return plugins as Plugin[];
}

/** The staging folders of open Pagefind sessions (each closed session removes its own). */
const openSearchSessions = () => readdirSync(cacheDir).filter((name) => name.startsWith('search-index-'));

afterEach(() => closeOpenBuildSession());
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('the build session', () => {
  it("is the build's after astro dev in the same process, even when the dev server never said it closed", async () => {
    await setUp('dev');
    const dev = getBuildSession();
    expect(dev?.command).toBe('dev');
    expect(dev?.searchIndex).toBeInstanceOf(DevSearchIndex);

    await setUp('build');
    const build = getBuildSession();
    expect(build?.command).toBe('build');
    // The loaders feed the build's Pagefind session, not the dev server's index.
    expect(build?.searchIndex).toBeInstanceOf(SearchIndexSession);
    expect(build?.checkedContent?.history).toBeDefined();
  }, 60_000);

  it('warns that the markdownThreads option does nothing any more, and still starts', async () => {
    const warnings: string[] = [];
    const log = { ...logger, warn: (message: string) => void warnings.push(message) };
    await setUp('dev', { markdownThreads: 2, log });
    expect(warnings).toEqual([expect.stringMatching(/^The markdownThreads option no longer does anything/)]);
    expect(getBuildSession()?.command).toBe('dev');
  }, 60_000);

  it('is closed when the dev server closes', async () => {
    const hooks = await setUp('dev');
    expect(getBuildSession()?.command).toBe('dev');
    await (hooks['astro:server:done'] as (options: unknown) => Promise<void>)({ logger });
    expect(getBuildSession()).toBeUndefined();
  }, 60_000);

  it('is closed, with its Pagefind session, when a bundle of the build fails', async () => {
    const hooks = await setUp('build');
    expect(openSearchSessions()).toHaveLength(1);
    const failed = getBuildPlugins(hooks).find((p) => p.name === 'helpdesk-kit:bundle-failed');
    // A bundle that succeeds leaves it open for the pages.
    await failed?.buildEnd?.();
    expect(getBuildSession()?.command).toBe('build');
    await failed?.buildEnd?.(new Error('Could not resolve "./missing.astro"'));
    expect(getBuildSession()).toBeUndefined();
    expect(openSearchSessions()).toEqual([]);
  }, 60_000);

  it('is closed, with its Pagefind session, when the content sync fails: its Vite server closes before the content loaded', async () => {
    await setUp('build');
    const syncClosed = configPlugins.find((p) => p.name === 'helpdesk-kit:content-sync-closed');
    // Only a Vite server's close counts: in `astro build` that is the content sync's, not a bundle's.
    syncClosed?.configResolved?.({ command: 'build' });
    await syncClosed?.buildEnd?.();
    expect(getBuildSession()?.command).toBe('build');
    syncClosed?.configResolved?.({ command: 'serve' });
    expect(openSearchSessions()).toHaveLength(1);
    await syncClosed?.buildEnd?.();
    expect(getBuildSession()).toBeUndefined();
    expect(openSearchSessions()).toEqual([]);
  }, 60_000);

  it('stays open when the content sync that closes its Vite server loaded every collection', async () => {
    await setUp('build');
    const syncClosed = configPlugins.find((p) => p.name === 'helpdesk-kit:content-sync-closed');
    const index = getBuildSession()?.searchIndex;
    index?.endCollection('articles', []);
    syncClosed?.configResolved?.({ command: 'serve' });
    await syncClosed?.buildEnd?.();
    // The FAQs have not ended yet: a sync that stopped halfway.
    expect(getBuildSession()).toBeUndefined();

    await setUp('build');
    const next = configPlugins.find((p) => p.name === 'helpdesk-kit:content-sync-closed');
    const session = getBuildSession();
    session?.searchIndex?.endCollection('articles', []);
    session?.searchIndex?.endCollection('faqs', []);
    next?.configResolved?.({ command: 'serve' });
    await next?.buildEnd?.();
    expect(getBuildSession()).toBe(session);
    expect(openSearchSessions()).toHaveLength(1);
  }, 60_000);

  it('of a build that failed without any hook (a page that throws as it renders) is closed by the next build', async () => {
    await setUp('build');
    const failed = getBuildSession();
    await setUp('build');
    const next = getBuildSession();
    expect(next?.command).toBe('build');
    expect(next).not.toBe(failed);
    expect(next?.searchIndex).not.toBe(failed?.searchIndex);
    // The failed build's Pagefind session is closed: only the new one's folder is left.
    expect(openSearchSessions()).toHaveLength(1);
  }, 60_000);

  it('is closed when astro:build:done fails too', async () => {
    const hooks = await setUp('build');
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'helpdesk-kit-session-out-'));
    try {
      // Nothing was loaded through the loaders, so the search index refuses to write.
      await expect(
        (hooks['astro:build:done'] as (options: unknown) => Promise<void>)({
          dir: pathToFileURL(`${outDir}/`),
          logger,
        }),
      ).rejects.toThrow(/got nothing from the articles and faqs collection/);
      expect(getBuildSession()).toBeUndefined();
      expect(openSearchSessions()).toEqual([]);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 60_000);
});
