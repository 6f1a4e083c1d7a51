/**
 * Renders the build's Markdown on worker threads. Astro's content layer renders every article and
 * FAQ on its own thread (most of the content sync of a large site), where each render's
 * garbage is collected from a heap that holds the whole data store. Its glob loader keeps ten
 * files in flight, so a render function that hands the Markdown to another thread lets the other
 * cores render while Astro reads, validates and stores the rest.
 *
 * Each thread builds the same processor Astro would (`createMarkdownProcessor` with the resolved
 * `markdown` and `image` options), so the HTML, headings and image paths are the same. Only
 * options that can be sent to a thread qualify: our remark and rehype plugins (REMARK_PLUGINS_BY_NAME,
 * REHYPE_PLUGINS_BY_NAME, the same functions) or plugins given as package names, nothing else
 * holding a function. Otherwise, or if a thread cannot start or dies, entries render on Astro's thread.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AstroConfig, ContentEntryRenderFunction } from 'astro';
import {
  isUnifiedProcessor,
  type AstroMarkdownOptions,
  type RehypePlugins,
  type RemarkPlugins,
} from '@astrojs/markdown-remark';
import { REHYPE_PLUGINS_BY_NAME, REMARK_PLUGINS_BY_NAME } from '../../content/markdown-config.ts';

export type MarkdownEntry = Parameters<ContentEntryRenderFunction>[0];
export type RenderedMarkdown = Awaited<ReturnType<ContentEntryRenderFunction>>;

/** A plugin as a thread loads it: a package name, or one of ours by name. */
export type ThreadPlugin = string | { name: string; options?: unknown };

/** What a thread needs to build the processor. */
export interface MarkdownThreadOptions {
  processor: Omit<AstroMarkdownOptions, 'remarkPlugins' | 'rehypePlugins'>;
  remarkPlugins: ThreadPlugin[];
  rehypePlugins: ThreadPlugin[];
}

export interface MarkdownRenderRequest {
  id: number;
  body: string;
  frontmatter: Record<string, unknown>;
  filePath?: string;
}
export type MarkdownRenderReply = { id: number; rendered: RenderedMarkdown } | { id: number; error: string };

type PluginList = RemarkPlugins | RehypePlugins;

/** The plugins as a thread can load them, or why one cannot be. */
function toThreadPlugins(
  kind: 'remark' | 'rehype',
  list: PluginList,
  ours: Readonly<Record<string, unknown>>,
): ThreadPlugin[] | { reason: string } {
  const plugins: ThreadPlugin[] = [];
  for (const plugin of list) {
    const [fn, options] = Array.isArray(plugin) ? plugin : [plugin, undefined];
    const name = typeof fn === 'function' ? Object.keys(ours).find((key) => ours[key] === fn) : undefined;
    if (typeof fn === 'string') {
      if (options !== undefined) return { reason: `${kind} plugin "${fn}" has options` };
      plugins.push(fn);
    } else if (name) {
      plugins.push({ name, options });
    } else {
      return {
        reason: `${kind} plugin "${(fn as { name?: string }).name || '(anonymous)'}" is not one a thread can load`,
      };
    }
  }
  return plugins;
}

/** The options a thread can rebuild the processor from, or why this configuration cannot be sent to one. */
export function toThreadOptions(
  config: Pick<AstroConfig, 'markdown' | 'image'>,
): MarkdownThreadOptions | { reason: string } {
  // The processor's own options hold every plugin (Astro folds the deprecated `markdown.remarkPlugins` into them).
  const {
    processor,
    remarkPlugins: _remark,
    rehypePlugins: _rehype,
    remarkRehype: _remarkRehype,
    ...rest
  } = config.markdown;
  if (!isUnifiedProcessor(processor)) return { reason: `the Markdown processor is ${processor.name}, not unified()` };
  const { remarkPlugins, rehypePlugins, remarkRehype, gfm, smartypants } = processor.options;
  const remark = toThreadPlugins('remark', remarkPlugins, REMARK_PLUGINS_BY_NAME);
  if ('reason' in remark) return remark;
  const rehype = toThreadPlugins('rehype', rehypePlugins, REHYPE_PLUGINS_BY_NAME);
  if ('reason' in rehype) return rehype;
  const options: MarkdownThreadOptions = {
    processor: {
      ...rest,
      remarkRehype,
      gfm: gfm ?? rest.gfm,
      smartypants: smartypants ?? rest.smartypants,
      image: { domains: config.image.domains, remotePatterns: config.image.remotePatterns },
    },
    remarkPlugins: remark,
    rehypePlugins: rehype,
  };
  try {
    structuredClone(options);
  } catch (err) {
    return { reason: `the markdown options cannot be sent to a thread (${(err as Error).message})` };
  }
  return options;
}

/**
 * Below this many Markdown files the threads saved nothing measurable on a two-core machine: each
 * costs CPU and memory to start while Astro starts too (docs/performance.md, "Build benchmark").
 */
export const MIN_FILES_FOR_THREADS = 2000;

/**
 * How many threads: `requested` if it is set (the integration's `markdownThreads` option; 0: none);
 * otherwise none for fewer than MIN_FILES_FOR_THREADS Markdown files and one per core, up to four.
 */
export function chooseMarkdownThreads(
  markdownFiles: number,
  requested?: number,
): { count: number } | { reason: string } {
  if (requested !== undefined)
    return requested > 0 ? { count: requested } : { reason: 'the markdownThreads option is 0' };
  if (markdownFiles < MIN_FILES_FOR_THREADS) {
    return {
      reason: `${markdownFiles} Markdown files, fewer than the ${MIN_FILES_FOR_THREADS.toLocaleString('en')} from which threads start (the markdownThreads option sets a number)`,
    };
  }
  return { count: Math.min(os.availableParallelism(), 4) };
}

/** Thrown to a render whose thread stopped: the caller renders that entry on its own thread. */
class ThreadGone extends Error {}

interface Thread {
  worker: Worker;
  pending: Map<number, { resolve: (r: RenderedMarkdown) => void; reject: (e: Error) => void }>;
  alive: boolean;
}

export class MarkdownThreads {
  readonly #key: string;
  readonly #threads: Thread[] = [];
  #nextId = 0;

  readonly #onStop: (error: Error | undefined) => void;
  #closing = false;

  /** `onStop` hears of a thread that stopped before close(), with its error if it had one. */
  constructor(
    options: MarkdownThreadOptions,
    count: number,
    {
      entry = new URL('./markdown-thread-worker.mjs', import.meta.url),
      onStop = () => {},
    }: { entry?: URL; onStop?: (error: Error | undefined) => void } = {},
  ) {
    this.#key = JSON.stringify(options);
    this.#onStop = onStop;
    for (let i = 0; i < count; i++) this.#threads.push(this.#start(entry, options));
  }

  /**
   * The render function for the glob loader: on the threads when `config` still has the options
   * they were started with (an integration may change them later), else `inline` (Astro's own).
   */
  async getRenderFunction(
    config: Pick<AstroConfig, 'markdown' | 'image'>,
    inline: () => Promise<ContentEntryRenderFunction>,
  ): Promise<ContentEntryRenderFunction> {
    const options = toThreadOptions(config);
    if ('reason' in options || JSON.stringify(options) !== this.#key) return inline();
    let own: Promise<ContentEntryRenderFunction> | undefined;
    return (entry) =>
      this.#render(entry).catch((err: unknown) => {
        if (!(err instanceof ThreadGone)) throw err;
        return (own ??= inline()).then((render) => render(entry));
      });
  }

  get size(): number {
    return this.#threads.length;
  }

  async close(): Promise<void> {
    this.#closing = true;
    const threads = this.#threads.splice(0);
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }

  #start(entry: URL, options: MarkdownThreadOptions): Thread {
    const thread: Thread = { worker: new Worker(entry, { workerData: { options } }), pending: new Map(), alive: true };
    const { worker, pending } = thread;
    // Only a thread with work keeps the process alive (see #render).
    worker.unref();
    worker.on('message', (reply: MarkdownRenderReply) => {
      const job = pending.get(reply.id);
      if (!job) return;
      pending.delete(reply.id);
      if (pending.size === 0) worker.unref();
      if ('error' in reply) job.reject(new Error(reply.error));
      else job.resolve(reply.rendered);
    });
    const stop = (error?: Error) => {
      if (!thread.alive) return;
      thread.alive = false;
      if (!this.#closing) this.#onStop(error);
      for (const job of pending.values()) job.reject(new ThreadGone('The Markdown thread stopped.'));
      pending.clear();
    };
    worker.on('error', stop);
    worker.once('exit', () => stop());
    return thread;
  }

  #render(entry: MarkdownEntry): Promise<RenderedMarkdown> {
    let thread: Thread | undefined;
    for (const t of this.#threads) if (t.alive && (!thread || t.pending.size < thread.pending.size)) thread = t;
    if (!thread) return Promise.reject(new ThreadGone('No Markdown thread is running.'));
    const id = this.#nextId++;
    const request: MarkdownRenderRequest = {
      id,
      body: entry.body ?? '',
      frontmatter: entry.data,
      filePath: entry.filePath,
    };
    const { worker, pending } = thread;
    return new Promise<RenderedMarkdown>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      if (pending.size === 1) worker.ref();
      worker.postMessage(request);
    });
  }
}

/** The Markdown threads of one `astro build`, or the reason it renders on Astro's thread. */
export function startMarkdownThreads(
  config: Pick<AstroConfig, 'markdown' | 'image'>,
  choice: { count: number } | { reason: string },
  onStop: (error: Error | undefined) => void,
): MarkdownThreads | { reason: string } {
  if ('reason' in choice) return choice;
  if (typeof Worker !== 'function') return { reason: "this runtime's node:worker_threads has no Worker" };
  const options = toThreadOptions(config);
  if ('reason' in options) return options;
  try {
    return new MarkdownThreads(options, choice.count, { onStop });
  } catch (err) {
    return { reason: `no thread could start (${(err as Error).message})` };
  }
}
