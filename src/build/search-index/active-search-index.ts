/**
 * Where the content loader finds the search index of the build running in this process. The
 * integration registers it in `astro:config:setup` of `astro build`; the loader runs in Astro's
 * own module graph (and is bundled with the pages), so the two meet on globalThis (build-slot.ts),
 * and this module imports nothing else. `astro dev` and `astro sync` register none, and index nothing.
 */
import { createBuildSlot } from '../../lib/build-slot.ts';
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

/** The part of SearchIndexSession the loader needs. */
export interface SearchEntrySink {
  /** One entry, as soon as the content layer has rendered it. */
  addEntry<C extends SearchCollection>(collection: C, entry: SearchEntries[C]): void;
  /** The entries the content layer did not render in this build (unchanged since its cache); ends the collection. */
  addUnchangedEntries<C extends SearchCollection>(collection: C, entries: ReadonlyArray<SearchEntries[C]>): void;
}

const active = createBuildSlot<SearchEntrySink>('helpdesk-kit.search-index-session');
export const setActiveSearchIndex = active.set;
export const getActiveSearchIndex = active.get;
