/**
 * Where the content loader (build/search-index/loader.ts) finds the search index of the
 * `astro dev` server in this process: unlike a build's, it follows the watcher, so an entry can be
 * set again after an edit and removed. A build slot on globalThis (lib/build-slot.ts), like the
 * build's index; this module imports only that and types.
 */
import { createBuildSlot } from '../../lib/build-slot.ts';
import type { SearchCollection, SearchEntries } from './slot.ts';

/** The part of DevSearchIndex (dev-index.ts) the loader needs. */
export interface DevSearchEntrySink {
  /** Every entry of a collection once it has loaded, replacing what the index held of it. */
  setCollection<C extends SearchCollection>(
    collection: C,
    entries: ReadonlyArray<{ id: string; entry: SearchEntries[C] | undefined }>,
  ): void;
  /** An entry as the content layer stored it; undefined when it is not searchable (a draft, unlisted). */
  setEntry<C extends SearchCollection>(collection: C, id: string, entry: SearchEntries[C] | undefined): void;
  /** An entry the content layer removed (its file was deleted or renamed). */
  deleteEntry(collection: SearchCollection, id: string): void;
}

/** Set by the integration in `astro:config:setup` of `astro dev`. */
export const devSearchIndexSlot = createBuildSlot<DevSearchEntrySink>('helpdesk-kit.dev-search-index');
