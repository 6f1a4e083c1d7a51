import { devSearchIndexSlot } from '../build/search-index/dev-slot.ts';
import { searchIndexSlot } from '../build/search-index/slot.ts';
import { markdownThreadsSlot } from '../build/markdown-threads/markdown-threads-loader.ts';
import { contentCheckSlot } from '../site/content-check-slot.ts';

/**
 * Empties every slot the content loaders read (lib/build-slot.ts): a dev server's search index
 * left set would take a later build's entries, and a failed build's would outlive it.
 */
export function clearBuildSlots(): void {
  devSearchIndexSlot.set(undefined);
  searchIndexSlot.set(undefined);
  markdownThreadsSlot.set(undefined);
  contentCheckSlot.set(undefined);
}
