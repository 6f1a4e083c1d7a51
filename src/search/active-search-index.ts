/**
 * Where the content loader finds the search index of the build running in this process. The
 * integration registers it in `astro:config:setup` of `astro build`; the loader runs in Astro's
 * own module graph (and is bundled with the pages), so the two meet on globalThis, and this
 * module imports nothing. `astro dev` and `astro sync` register none, and index nothing.
 */
import type { ArticleForSearch } from './article-records.ts';

/** The part of SearchIndexSession the loader needs. */
export interface ArticleSink {
  addArticle(article: ArticleForSearch): void;
  addUnchangedArticles(articles: readonly ArticleForSearch[]): void;
}

const ACTIVE = Symbol.for('helpdesk-kit.search-index-session');
type WithSink = typeof globalThis & { [ACTIVE]?: ArticleSink };

export function setActiveSearchIndex(sink: ArticleSink | undefined): void {
  (globalThis as WithSink)[ACTIVE] = sink;
}

export function getActiveSearchIndex(): ArticleSink | undefined {
  return (globalThis as WithSink)[ACTIVE];
}
