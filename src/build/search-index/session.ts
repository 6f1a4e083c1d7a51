/**
 * Builds the Pagefind index while Astro is still working, instead of after the pages are written.
 *
 * Pagefind runs as its own process, so it can use the second core while Astro's single thread
 * renders Markdown, bundles and renders pages. The records come from the content, not from the
 * built pages: each article and FAQ question as soon as the content layer has rendered its
 * Markdown (`withSearchIndexing` in loader.ts).
 * `write()` (after the server bundle, see help-center-build.ts) has Pagefind write the index to a
 * staging folder, and `finish()` moves it into the output folder after the build (Astro empties
 * the output folder before it renders, so it cannot go there early).
 *
 * Pages reach Pagefind in the order Astro finishes them, which varies from build to build; the
 * search client breaks ties in score by result id (query.ts), so results do not depend on it.
 *
 * Every Pagefind response's `errors` is checked; the first failure is kept and thrown by `finish()`,
 * with the record it concerns. The Pagefind process is always closed by `finish()` or `close()`.
 */
import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { HelpCenterError, ErrorCodes } from '../../lib/errors.ts';
import type { SearchCollection, SearchEntries, SearchEntryById, SearchIndexSink } from './sink.ts';
import type { SearchHtmlRecord } from '../../search/record-html.ts';
import { getVocabularyFile, VOCABULARY_FILE, type SearchVocabulary } from '../../search/vocabulary.ts';
import { getFeedbackId } from '../../content/routes.ts';

export interface SearchIndexResult {
  articleCount: number;
  faqCount: number;
  /** From the start of the session to the index being in the output folder. */
  milliseconds: number;
  /** How long `finish()` waited for Pagefind: the part of the indexing the build did not hide. */
  waitedMilliseconds: number;
  /** From the start of the session to Pagefind having indexed the last record. */
  indexedMilliseconds: number;
  /** Pagefind writing the index files. */
  writeMilliseconds: number;
}

function check(step: string, errors: readonly string[] | undefined): void {
  if (errors && errors.length > 0) {
    throw new HelpCenterError(
      ErrorCodes.PagefindFailed,
      `Pagefind failed while ${step}: ${errors.join('; ')}`,
      'Fix the page or record named above and build again; the site is not deployable without its search index.',
    );
  }
}

/** Turns a handed-over entry of each collection into its search record. */
export type SearchRecordBuilders = { [C in SearchCollection]: (entry: SearchEntries[C]) => SearchHtmlRecord };

/** The collections a site without translations has; one with `locales` also has the translation collections. */
export const DEFAULT_SEARCH_COLLECTIONS: readonly SearchCollection[] = ['articles', 'faqs'];
export const TRANSLATION_SEARCH_COLLECTIONS: readonly SearchCollection[] = ['articleTranslations', 'faqTranslations'];

/** The search index of one `astro build`, fed as the content loads (on Astro's thread; Pagefind is its own process). */
export class SearchIndexSession implements SearchIndexSink {
  readonly #started = performance.now();
  readonly #workDir: string;
  readonly #stagingDir: string;
  readonly #toRecord: SearchRecordBuilders;
  readonly #index: Promise<pagefind.PagefindIndex>;
  readonly #pending: Array<Promise<void>> = [];
  readonly #unchanged: Array<() => void> = [];
  readonly #loaded = new Set<SearchCollection>();
  readonly #counts: Record<SearchCollection, number> = {
    articles: 0,
    faqs: 0,
    articleTranslations: 0,
    faqTranslations: 0,
  };
  readonly #collections: readonly SearchCollection[];
  /** Each default-language page's body as the content layer rendered it, by feedback id, for the widget's fragments. */
  readonly #bodies = new Map<string, string>();
  #written: Promise<void> | undefined;
  #closed = false;
  #lastIndexed = 0;
  #writeMilliseconds = 0;

  /**
   * The index is staged in a new folder under `workDir` (Astro's cache folder: usually on the
   * same disk as the output, so moving it is a rename). `toRecord` turns an article or a FAQ into
   * its search record (buildArticleSearchRecord, buildFaqSearchRecord with the site's categories,
   * language and synonyms). `collections` are the ones the content config loads through
   * withSearchIndexing(): `write()` fails when one of them sent nothing.
   */
  constructor(workDir: string, toRecord: SearchRecordBuilders, collections = DEFAULT_SEARCH_COLLECTIONS) {
    this.#collections = collections;
    mkdirSync(workDir, { recursive: true });
    this.#workDir = mkdtempSync(path.join(workDir, 'search-index-'));
    this.#stagingDir = path.join(this.#workDir, 'pagefind');
    this.#toRecord = toRecord;
    this.#index = pagefind.createIndex({}).then((created) => {
      check('starting', created.errors);
      if (!created.index)
        throw new HelpCenterError(ErrorCodes.PagefindFailed, 'Pagefind did not start: no index was created.');
      return created.index;
    });
    // Failures surface in finish(); until then, do not let them crash the build as unhandled.
    this.#index.catch(() => {});
  }

  /** The loader's call (sink.ts): a searchable entry goes to Pagefind at once. */
  setEntry<C extends SearchCollection>(collection: C, _id: string, entry: SearchEntries[C] | undefined): void {
    if (entry) this.addEntry(collection, entry);
  }

  /** A build stores each entry once: nothing it indexed goes away. */
  deleteEntry(): void {}

  /** The loader's call (sink.ts): the entries unchanged since the content layer's cache, kept for `write()`. */
  endCollection<C extends SearchCollection>(collection: C, rest: ReadonlyArray<SearchEntryById<C>>): void {
    this.addUnchangedEntries(
      collection,
      rest.flatMap(({ entry }) => (entry ? [entry] : [])),
    );
  }

  /** One article or FAQ, as soon as the content layer has rendered it: its record is sent to Pagefind at once. */
  addEntry<C extends SearchCollection>(collection: C, entry: SearchEntries[C]): void {
    if (this.#written) throw new Error(`SearchIndexSession.addEntry(${collection}) was called after write()`);
    this.#add(this.#toRecord[collection](entry));
    this.#counts[collection]++;
    if (entry.html !== undefined && (collection === 'articles' || collection === 'faqs'))
      this.#bodies.set(getFeedbackId(collection === 'articles' ? 'article' : 'faq', entry.slug), entry.html);
  }

  /**
   * The rendered body of a default-language article or FAQ answer (feedback id "article:<slug>"),
   * as its page shows it: what the widget's fragments carry, without rendering the Markdown again.
   * Undefined for what search does not hold (drafts, unlisted articles) and for MDX.
   */
  getRenderedBody(itemId: string): string | undefined {
    return this.#bodies.get(itemId);
  }

  /**
   * The entries the content layer did not render in this build (unchanged since its cache): only
   * kept here, and sent by `write()`. Work at the end of a loader delays Astro's save of its
   * data store, and Astro 5 can then bundle the pages before the store is on disk.
   */
  addUnchangedEntries<C extends SearchCollection>(collection: C, entries: ReadonlyArray<SearchEntries[C]>): void {
    if (this.#written)
      throw new Error(`SearchIndexSession.addUnchangedEntries(${collection}) was called after write()`);
    this.#unchanged.push(() => entries.forEach((entry) => this.addEntry(collection, entry)));
    this.#loaded.add(collection);
  }

  /** Whether every collection of the content config has ended its load: false after a content sync that failed. */
  get loaded(): boolean {
    return this.#collections.every((c) => this.#loaded.has(c));
  }

  /** Sends what is left, then has Pagefind write the index once every record is in. */
  write(): void {
    if (this.#written) return;
    const missing = this.#collections.filter((c) => !this.#loaded.has(c));
    if (missing.length > 0) {
      throw new HelpCenterError(
        ErrorCodes.PagefindFailed,
        `The search index got nothing from the ${missing.join(' and ')} collection: it was not loaded through withSearchIndexing().`,
        `Keep \`withSearchIndexing('${missing[0]}', glob(...))\` as the loader of that collection in src/content.config.ts.`,
      );
    }
    for (const send of this.#unchanged.splice(0)) send();
    this.#written = Promise.all(this.#pending).then(async () => {
      const index = await this.#index;
      const writeStarted = performance.now();
      const written = await index.writeFiles({ outputPath: this.#stagingDir });
      this.#writeMilliseconds = Math.round(performance.now() - writeStarted);
      check('writing the index', written.errors);
    });
    this.#written.catch(() => {});
  }

  #add(record: SearchHtmlRecord): void {
    const added = this.#index.then(async (index) => {
      const result = await index.addHTMLFile({ url: record.url, content: record.html });
      check(`indexing ${record.url}`, result.errors);
      this.#lastIndexed = performance.now();
    });
    added.catch(() => {});
    this.#pending.push(added);
  }

  /** Waits for the index, moves it to `<outDir>/pagefind`, writes the vocabulary next to it, and closes Pagefind. */
  async finish(outDir: string, vocabularies: readonly SearchVocabulary[]): Promise<SearchIndexResult> {
    const waitStarted = performance.now();
    try {
      this.write();
      await this.#written;
      const waitedMilliseconds = Math.round(performance.now() - waitStarted);
      const target = path.join(outDir, 'pagefind');
      rmSync(target, { recursive: true, force: true });
      moveDirectory(this.#stagingDir, target);
      // The default language's under its old name too, for a search client of an older build.
      vocabularies.forEach((vocabulary, i) => {
        if (i === 0) writeFileSync(path.join(target, VOCABULARY_FILE), JSON.stringify(vocabulary));
        writeFileSync(path.join(target, getVocabularyFile(vocabulary.language)), JSON.stringify(vocabulary));
      });
      return {
        articleCount: this.#counts.articles + this.#counts.articleTranslations,
        faqCount: this.#counts.faqs + this.#counts.faqTranslations,
        milliseconds: Math.round(performance.now() - this.#started),
        waitedMilliseconds,
        indexedMilliseconds: Math.round(this.#lastIndexed - this.#started),
        writeMilliseconds: this.#writeMilliseconds,
      };
    } finally {
      await this.close();
    }
  }

  /** Stops Pagefind without writing anything (a build that failed); `finish()` calls it too. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      await pagefind.close();
    } finally {
      rmSync(this.#workDir, { recursive: true, force: true });
    }
  }
}

function moveDirectory(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}
