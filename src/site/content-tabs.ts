/**
 * Whether a page that shows these entries' Markdown needs the content tabs' script and styles
 * (layouts/ContentTabs.astro): remark-tabs.ts marks an entry that has tabs with `hasTabs`. FAQ
 * answers are shown on the FAQ page and on category pages, so those pages ask for theirs.
 */
import { render } from 'astro:content';
import type { ArticleEntry, FaqEntry } from './data.ts';

export async function hasContentTabs(entries: ReadonlyArray<ArticleEntry | FaqEntry | undefined>): Promise<boolean> {
  for (const entry of entries) {
    if (!entry) continue;
    // Our entry type (site/data.ts), not the one a project's `astro sync` generates: render() takes it as is.
    const { remarkPluginFrontmatter } = await render(entry as unknown as Parameters<typeof render>[0]);
    if (remarkPluginFrontmatter.hasTabs === true) return true;
  }
  return false;
}
