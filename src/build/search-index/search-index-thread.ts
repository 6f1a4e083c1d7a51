/**
 * Runs the build's search index (SearchIndexSession) on a worker thread at the lowest CPU
 * priority, so that turning each article and FAQ into its search record and sending it to
 * Pagefind (~1.9 s of Astro's thread at 5,000 articles) uses the time Astro leaves idle. Astro's
 * thread only posts each entry as the content layer stores it (~0.6 s, mostly copying its HTML).
 * If no worker can start, the session runs on this thread instead; the index is the same.
 */
import type { Worker } from 'node:worker_threads';
import { startTsWorker } from '../../lib/ts-worker.ts';
import { ErrorCodes, HelpCenterError, type ErrorCode } from '../../lib/errors.ts';
import type { SearchCollection, SearchEntries } from './active-search-index.ts';
import { SearchIndexSession, type SearchIndexBuilder, type SearchIndexResult } from './search-index-session.ts';
import { createSearchRecordBuilders } from '../../search/search-record-builders.ts';
import type { SearchVocabulary } from '../../search/vocabulary.ts';

/** What Astro's thread sends the worker (search-index-worker.ts), in the order of the session's calls. */
export type SearchIndexRequest =
  | { kind: 'add'; collection: SearchCollection; entry: SearchEntries[SearchCollection] }
  | { kind: 'unchanged'; collection: SearchCollection; entries: ReadonlyArray<SearchEntries[SearchCollection]> }
  | { kind: 'write' }
  | { kind: 'finish'; outDir: string; vocabulary: SearchVocabulary }
  | { kind: 'close' };

/** The worker's one answer, to `finish` or `close`. */
export type SearchIndexReply =
  | { kind: 'finished'; result: SearchIndexResult }
  | { kind: 'closed' }
  | { kind: 'failed'; error: { code?: ErrorCode; message: string; hint?: string } };

/** The search index of one `astro build`, staged under `cacheDir` (see SearchIndexSession). */
export function startSearchIndex(cacheDir: string): SearchIndexBuilder {
  try {
    return new SearchIndexThread(cacheDir);
  } catch {
    return new SearchIndexSession(cacheDir, createSearchRecordBuilders());
  }
}

export class SearchIndexThread implements SearchIndexBuilder {
  readonly #worker: Worker;
  /** Set when the worker has stopped, and why, if it said. */
  #exitCode: number | undefined;
  #error: Error | undefined;
  #reply: Promise<SearchIndexReply> | undefined;

  constructor(cacheDir: string, entry = new URL('./search-index-worker.ts', import.meta.url)) {
    this.#worker = startTsWorker(entry, { cacheDir }, { background: true });
    // Only a build waiting for the index keeps the process alive (see #ask), not a build that failed.
    this.#worker.unref();
    this.#worker.on('error', (err) => (this.#error ??= err));
    this.#worker.once('exit', (code) => (this.#exitCode = code));
  }

  addEntry<C extends SearchCollection>(collection: C, entry: SearchEntries[C]): void {
    this.#post({ kind: 'add', collection, entry });
  }

  addUnchangedEntries<C extends SearchCollection>(collection: C, entries: ReadonlyArray<SearchEntries[C]>): void {
    this.#post({ kind: 'unchanged', collection, entries });
  }

  write(): void {
    this.#post({ kind: 'write' });
  }

  async finish(outDir: string, vocabulary: SearchVocabulary): Promise<SearchIndexResult> {
    const reply = await this.#ask({ kind: 'finish', outDir, vocabulary });
    if (reply.kind === 'failed') throw toError(reply.error);
    if (reply.kind !== 'finished') throw new Error('The search index was closed before it was finished.');
    return reply.result;
  }

  async close(): Promise<void> {
    const reply = await this.#ask({ kind: 'close' });
    if (reply.kind === 'failed') throw toError(reply.error);
  }

  #post(request: SearchIndexRequest): void {
    if (!this.#reply) this.#worker.postMessage(request);
  }

  /** Sends the last request (finish or close) and waits for the answer; the worker then ends. */
  #ask(request: Extract<SearchIndexRequest, { kind: 'finish' | 'close' }>): Promise<SearchIndexReply> {
    this.#reply ??= new Promise<SearchIndexReply>((resolve) => {
      const worker = this.#worker;
      const stopped = (code: number): SearchIndexReply => ({
        kind: 'failed',
        error: {
          code: ErrorCodes.PagefindFailed,
          message: `The search index's worker thread stopped (exit code ${code}) before the index was written${this.#error ? `: ${this.#error.stack ?? this.#error.message}` : ''}`,
          hint: 'This is a bug in the help center or a machine out of memory; build again, and report it with this message if it repeats.',
        },
      });
      if (this.#exitCode !== undefined) return resolve(stopped(this.#exitCode));
      const settle = (reply: SearchIndexReply) => {
        worker.off('message', settle);
        worker.off('exit', onExit);
        resolve(reply);
        void worker.terminate();
      };
      const onExit = (code: number) => settle(stopped(code));
      worker.on('message', settle);
      worker.on('exit', onExit);
      worker.ref();
      worker.postMessage(request);
    });
    return this.#reply;
  }
}

function toError(error: { code?: ErrorCode; message: string; hint?: string }): Error {
  return error.code ? new HelpCenterError(error.code, error.message, error.hint) : new Error(error.message);
}
