/**
 * What the content loader (loader.ts) hands the search index, in `astro build` and `astro dev`
 * alike: the build's index (session.ts, Pagefind fed as the content loads) and the dev server's
 * (dev-index.ts, which follows the watcher) both take entries through this one interface, and the
 * loader does not know which it has. Types only.
 */
import type { ArticleForSearch } from '../../search/article-records.ts';
import type { FaqForSearch } from '../../search/faq-records.ts';

/** The collections that become search records, and what the loader hands over for an entry of each. */
export interface SearchEntries {
  articles: ArticleForSearch;
  faqs: FaqForSearch;
  /** content/<locale>/articles/: `locale` is set. */
  articleTranslations: ArticleForSearch;
  faqTranslations: FaqForSearch;
}
export type SearchCollection = keyof SearchEntries;

/** An entry by its id; `entry` is undefined when it is not searchable (a draft, an unlisted article). */
export interface SearchEntryById<C extends SearchCollection> {
  id: string;
  entry: SearchEntries[C] | undefined;
}

export interface SearchIndexSink {
  /** An entry as soon as the content layer has stored (and rendered) it: while a collection loads, and after an edit in dev. */
  setEntry<C extends SearchCollection>(collection: C, id: string, entry: SearchEntries[C] | undefined): void;
  /** An entry the content layer removed (its file was deleted or renamed). */
  deleteEntry(collection: SearchCollection, id: string): void;
  /**
   * A collection's load is over; `rest` are its stored entries that were not set during the load
   * (unchanged since the content layer's cache). Work here delays Astro's save of its data store:
   * an index keeps them and sends them later.
   */
  endCollection<C extends SearchCollection>(collection: C, rest: ReadonlyArray<SearchEntryById<C>>): void;
}
