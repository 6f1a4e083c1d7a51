/**
 * The search index of `astro dev`, so writers can try search while they write. The content loaders
 * hand over every article and FAQ once the content has loaded, and each entry the watcher stores
 * again (build/search-index/loader.ts); each becomes the same record a build indexes (search-record-builders.ts).
 * Pagefind builds the index in its own process, in memory, a moment after the last change, and
 * the dev server serves the files from memory (dev-search-plugin.ts). A save does not wait for it.
 *
 * Pagefind cannot take a record out of an index, so each refresh indexes all records anew; the
 * files of the refresh before stay served too, for a page that loaded the index before the edit.
 */
import * as pagefind from 'pagefind';
import type { SearchRecordBuilders } from '../build/search-index/session.ts';
import type { SearchCollection, SearchEntries } from '../build/search-index/slot.ts';
import type { SearchHtmlRecord } from '../search/record-html.ts';
import type { DevSearchEntrySink } from './dev-search-slot.ts';

/** How long after a change the index is rebuilt: a save often touches several files at once. */
const SETTLE_MILLISECONDS = 150;

export interface DevSearchLog {
  info(message: string): void;
  warn(message: string): void;
}

/** Dev servers of this process with an index: Pagefind's process is shared, and closed with the last. */
let openIndexes = 0;

export class DevSearchIndex implements DevSearchEntrySink {
  readonly #toRecord: SearchRecordBuilders;
  readonly #log: DevSearchLog;
  /** By collection and entry id. */
  readonly #records = new Map<string, SearchHtmlRecord>();
  #files = new Map<string, Uint8Array>();
  #previousFiles = new Map<string, Uint8Array>();
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #closed = false;
  #refreshes = 0;
  readonly #firstRefresh: Promise<void>;
  #firstRefreshDone: () => void = () => {};

  constructor(toRecord: SearchRecordBuilders, log: DevSearchLog) {
    this.#toRecord = toRecord;
    this.#log = log;
    this.#firstRefresh = new Promise((resolve) => (this.#firstRefreshDone = resolve));
    openIndexes++;
  }

  setCollection<C extends SearchCollection>(
    collection: C,
    entries: ReadonlyArray<{ id: string; entry: SearchEntries[C] | undefined }>,
  ): void {
    for (const key of this.#records.keys()) if (key.startsWith(`${collection}\0`)) this.#records.delete(key);
    for (const { id, entry } of entries) this.#put(collection, id, entry);
    this.#schedule();
  }

  setEntry<C extends SearchCollection>(collection: C, id: string, entry: SearchEntries[C] | undefined): void {
    this.#put(collection, id, entry);
    this.#schedule();
  }

  deleteEntry(collection: SearchCollection, id: string): void {
    this.#records.delete(`${collection}\0${id}`);
    this.#schedule();
  }

  /** A file of the index by its path under pagefind/, once the first index is built; undefined if it has none. */
  async getFile(file: string): Promise<Uint8Array | undefined> {
    await this.#firstRefresh;
    return this.#files.get(file) ?? this.#previousFiles.get(file);
  }

  /** The paths of the current index's files, once the first index is built. */
  async listFiles(): Promise<string[]> {
    await this.#firstRefresh;
    return [...this.#files.keys()];
  }

  /** The dev server is closing: no more refreshes, and Pagefind stops with the last dev server. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#firstRefreshDone();
    await this.#running;
    if (--openIndexes === 0) await pagefind.close();
  }

  #put<C extends SearchCollection>(collection: C, id: string, entry: SearchEntries[C] | undefined): void {
    const key = `${collection}\0${id}`;
    const toRecord = this.#toRecord[collection] as (entry: SearchEntries[C]) => SearchHtmlRecord;
    if (entry) this.#records.set(key, toRecord(entry));
    else this.#records.delete(key);
  }

  #schedule(): void {
    if (this.#closed) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#refresh(), SETTLE_MILLISECONDS);
  }

  #refresh(): void {
    if (this.#closed) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#build()
      .catch((error: unknown) =>
        this.#log.warn(
          `Search in the dev server is not updated: Pagefind failed (${error instanceof Error ? error.message : String(error)}). \`npm run build\` builds the full index.`,
        ),
      )
      .finally(() => {
        this.#running = undefined;
        this.#firstRefreshDone();
        if (this.#again) {
          this.#again = false;
          this.#refresh();
        }
      });
  }

  async #build(): Promise<void> {
    const started = performance.now();
    const records = [...this.#records.values()];
    const created = await pagefind.createIndex({});
    if (!created.index) throw new Error(created.errors.join('; ') || 'no index was created');
    const { index } = created;
    try {
      const added = await Promise.all(records.map((r) => index.addHTMLFile({ url: r.url, content: r.html })));
      const failed = added.flatMap((result, i) => result.errors.map((e) => `${records[i]!.url}: ${e}`));
      if (failed.length > 0) throw new Error(failed.join('; '));
      const { files, errors } = await index.getFiles();
      if (errors.length > 0) throw new Error(errors.join('; '));
      this.#previousFiles = this.#files;
      this.#files = new Map(files.map((f) => [f.path.replace(/^\/+/, ''), f.content]));
    } finally {
      await index.deleteIndex();
    }
    if (this.#refreshes++ === 0) {
      this.#log.info(
        `Search works in the dev server: indexed ${records.length} articles and FAQ questions in ${Math.round(performance.now() - started)} ms; the index follows your edits.`,
      );
    }
  }
}
