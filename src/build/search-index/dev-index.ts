/**
 * The search index of `astro dev`, so writers can try search while they write. The content loaders
 * hand over every article and FAQ as they load, and each entry the watcher stores again or removes
 * (loader.ts, through the interface the build's index has too, sink.ts); each becomes the same
 * record a build indexes (record-builders.ts).
 * Pagefind builds the index in its own process, in memory, when the dev server is first asked
 * for a file of it after a change (dev-search-plugin.ts serves the files from memory): the start
 * and a save do not pay for it, and do not share the cores with it.
 *
 * Pagefind cannot take a record out of an index, so each refresh indexes all records anew; the
 * files of the refresh before stay served too, for a page that loaded the index before the edit.
 */
import * as pagefind from 'pagefind';
import type { SearchRecordBuilders } from './session.ts';
import type { SearchCollection, SearchEntries, SearchEntryById, SearchIndexSink } from './sink.ts';
import type { SearchHtmlRecord } from '../../search/record-html.ts';
import { getVocabularyFile, VOCABULARY_FILE } from '../../search/vocabulary.ts';
import type { DevSearchEntries, DevVocabularies } from './dev-vocabulary.ts';

/**
 * Pagefind's content-addressed files (index chunks, fragments, filters, metadata): one of these
 * never changes, so it is served without waiting for a refresh.
 */
const HASHED_FILE = /\.pf_(?:fragment|index|meta|filter)$/;

export interface DevSearchLog {
  info(message: string): void;
  warn(message: string): void;
}

/** Dev servers of this process with an index: Pagefind's process is shared, and closed with the last. */
let openIndexes = 0;

export class DevSearchIndex implements SearchIndexSink {
  readonly #toRecord: SearchRecordBuilders;
  readonly #log: DevSearchLog;
  readonly #vocabularies: DevVocabularies | undefined;
  /** The collections that have not loaded yet: until they have, there is no index to build. */
  readonly #waitingFor: Set<SearchCollection>;
  /** By collection and entry id; the record is made when an index first needs it. */
  readonly #records = new Map<
    string,
    { collection: SearchCollection; entry: SearchEntries[SearchCollection]; record?: SearchHtmlRecord }
  >();
  #files = new Map<string, Uint8Array>();
  #previousFiles = new Map<string, Uint8Array>();
  /** Whether the records changed since the files were built (no files yet counts as a change). */
  #stale = true;
  #running: Promise<void> | undefined;
  #closed = false;
  #refreshes = 0;

  /**
   * `collections` are the ones the content config loads through withSearchIndexing(): the first
   * index waits for all of them. `vocabularies` makes the vocabulary files beside the index
   * (typo correction, the result list's words).
   */
  constructor(
    toRecord: SearchRecordBuilders,
    log: DevSearchLog,
    { collections, vocabularies }: { collections: readonly SearchCollection[]; vocabularies?: DevVocabularies },
  ) {
    this.#toRecord = toRecord;
    this.#log = log;
    this.#vocabularies = vocabularies;
    this.#waitingFor = new Set(collections);
    openIndexes++;
  }

  /** A collection has loaded: with `rest` (what was not set during the load), the index has all of it. */
  endCollection<C extends SearchCollection>(collection: C, rest: ReadonlyArray<SearchEntryById<C>>): void {
    for (const { id, entry } of rest) this.#put(collection, id, entry);
    this.#waitingFor.delete(collection);
  }

  setEntry<C extends SearchCollection>(collection: C, id: string, entry: SearchEntries[C] | undefined): void {
    this.#put(collection, id, entry);
  }

  deleteEntry(collection: SearchCollection, id: string): void {
    if (this.#records.delete(`${collection}\0${id}`)) this.#stale = true;
  }

  /**
   * A file of the index by its path under pagefind/, from an index of the content as it is now
   * (built first if the content changed since); undefined if it has none, or while a collection
   * has not loaded (a content config without withSearchIndexing()).
   */
  async getFile(file: string): Promise<Uint8Array | undefined> {
    const held = HASHED_FILE.test(file) ? (this.#files.get(file) ?? this.#previousFiles.get(file)) : undefined;
    if (held) return held;
    await this.#fresh();
    return this.#files.get(file) ?? this.#previousFiles.get(file);
  }

  /** The paths of the files of an index of the content as it is now. */
  async listFiles(): Promise<string[]> {
    await this.#fresh();
    return [...this.#files.keys()];
  }

  /** The dev server is closing: no more refreshes, and Pagefind stops with the last dev server. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#running;
    if (--openIndexes === 0) await pagefind.close();
  }

  #put<C extends SearchCollection>(collection: C, id: string, entry: SearchEntries[C] | undefined): void {
    const key = `${collection}\0${id}`;
    if (entry) this.#records.set(key, { collection, entry });
    else if (!this.#records.delete(key)) return;
    this.#stale = true;
  }

  #getRecord(held: {
    collection: SearchCollection;
    entry: SearchEntries[SearchCollection];
    record?: SearchHtmlRecord;
  }) {
    const toRecord = this.#toRecord[held.collection] as (entry: SearchEntries[SearchCollection]) => SearchHtmlRecord;
    return (held.record ??= toRecord(held.entry));
  }

  #splitEntries(held: ReadonlyArray<[string, { entry: SearchEntries[SearchCollection] }]>): DevSearchEntries {
    const of = (collections: readonly SearchCollection[]) =>
      held.filter(([key]) => collections.some((c) => key.startsWith(`${c}\0`))).map(([, { entry }]) => entry);
    return {
      articles: of(['articles', 'articleTranslations']) as DevSearchEntries['articles'],
      faqs: of(['faqs', 'faqTranslations']) as DevSearchEntries['faqs'],
    };
  }

  /**
   * Waits until the files are built from the records as they are now: one refresh at a time, and
   * another after it if the content changed while it ran.
   */
  async #fresh(): Promise<void> {
    while (!this.#closed && this.#waitingFor.size === 0 && (this.#stale || this.#running)) {
      if (!this.#running) {
        this.#stale = false;
        this.#running = this.#build()
          .catch((error: unknown) =>
            this.#log.warn(
              `Search in the dev server is not updated: Pagefind failed (${error instanceof Error ? error.message : String(error)}). \`npm run build\` builds the full index.`,
            ),
          )
          .finally(() => (this.#running = undefined));
      }
      // A refresh that failed is not tried again until the content changes again.
      await this.#running;
    }
  }

  async #build(): Promise<void> {
    const started = performance.now();
    const held = [...this.#records.entries()];
    const records = held.map(([, entry]) => this.#getRecord(entry));
    const created = await pagefind.createIndex({});
    if (!created.index) throw new Error(created.errors.join('; ') || 'no index was created');
    const { index } = created;
    try {
      const added = await Promise.all(records.map((r) => index.addHTMLFile({ url: r.url, content: r.html })));
      const failed = added.flatMap((result, i) => result.errors.map((e) => `${records[i]!.url}: ${e}`));
      if (failed.length > 0) throw new Error(failed.join('; '));
      const { files, errors } = await index.getFiles();
      if (errors.length > 0) throw new Error(errors.join('; '));
      const next = new Map(files.map((f) => [f.path.replace(/^\/+/, ''), f.content]));
      const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
      this.#vocabularies?.(this.#splitEntries(held)).forEach((vocabulary, i) => {
        if (i === 0) next.set(VOCABULARY_FILE, encode(vocabulary));
        next.set(getVocabularyFile(vocabulary.language), encode(vocabulary));
      });
      this.#previousFiles = this.#files;
      this.#files = next;
    } finally {
      await index.deleteIndex();
    }
    if (this.#refreshes++ === 0) {
      this.#log.info(
        `Search works in the dev server: indexed ${records.length} articles and FAQ questions in ${Math.round(performance.now() - started)} ms; after an edit, the next search indexes again.`,
      );
    }
  }
}
