/**
 * Where the content loader (loader.ts) finds the search index of the `astro build` in this process.
 * The loader runs in Astro's own module graph, so the two meet in a build slot on globalThis
 * (lib/build-slot.ts); this module imports only that and types.
 */
import { createBuildSlot } from '../../lib/build-slot.ts';
import type { ArticleForSearch } from '../../search/article-records.ts';
import type { FaqForSearch } from '../../search/faq-records.ts';

/** The collections that become search records, and what the loader hands over for an entry of each. */
export interface SearchEntries {
  articles: ArticleForSearch;
  faqs: FaqForSearch;
}
export type SearchCollection = keyof SearchEntries;

/** The part of SearchIndexSession (session.ts) the loader needs. */
export interface SearchEntrySink {
  /** One entry, as soon as the content layer has rendered it. */
  addEntry<C extends SearchCollection>(collection: C, entry: SearchEntries[C]): void;
  /** The entries the content layer did not render in this build (unchanged since its cache); ends the collection. */
  addUnchangedEntries<C extends SearchCollection>(collection: C, entries: ReadonlyArray<SearchEntries[C]>): void;
}

/** Set by the integration in `astro:config:setup` of `astro build`; `astro dev` and `astro sync` index nothing. */
export const searchIndexSlot = createBuildSlot<SearchEntrySink>('helpdesk-kit.search-index-session');
