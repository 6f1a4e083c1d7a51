/**
 * Whether a page that shows these entries' Markdown needs the content tabs' script and styles
 * (layouts/ContentTabs.astro): remark-tabs.ts marks an entry that has tabs with `hasTabs`. FAQ
 * answers are shown on the FAQ page and on category pages, so those pages ask for theirs.
 */
import { render, type CollectionEntry } from 'astro:content';

type Entry = CollectionEntry<'articles'> | CollectionEntry<'faqs'>;

export async function hasContentTabs(entries: ReadonlyArray<Entry | undefined>): Promise<boolean> {
  for (const entry of entries) {
    if (!entry) continue;
    const { remarkPluginFrontmatter } = await render(entry);
    if (remarkPluginFrontmatter.hasTabs === true) return true;
  }
  return false;
}
