import { describe, expect, it } from 'vitest';
import helpCenter from '../index.ts';
import { devSearchIndexSlot } from '../build/search-index/dev-slot.ts';
import { searchIndexSlot } from '../build/search-index/slot.ts';
import { markdownThreadsSlot } from '../build/markdown-threads/markdown-threads-loader.ts';
import { contentCheckSlot } from '../site/content-check-slot.ts';

describe('the slots the content loaders read', () => {
  it('are emptied when the dev server closes, so a later astro build in the process indexes its own entries', () => {
    devSearchIndexSlot.set({} as never);
    searchIndexSlot.set({} as never);
    markdownThreadsSlot.set({} as never);
    contentCheckSlot.set({} as never);
    const done = helpCenter().hooks['astro:server:done'] as () => void;
    done();
    expect([
      devSearchIndexSlot.get(),
      searchIndexSlot.get(),
      markdownThreadsSlot.get(),
      contentCheckSlot.get(),
    ]).toEqual([undefined, undefined, undefined, undefined]);
  });
});
