/**
 * Hands the articles to the build's search index once the content layer has loaded and rendered
 * them, so Pagefind indexes them while Astro bundles and renders the pages (see
 * search-index-session.ts). It only hands them over: any work here would delay Astro's save of
 * its data store. Outside `astro build` there is no session and the loader is the
 * wrapped one, unchanged.
 */
import type { Loader } from 'astro/loaders';
import type { ArticleForSearch } from './article-records.ts';
import { getActiveSearchIndex } from './search-index-session.ts';

interface ArticleData {
  title: string;
  description: string;
  draft?: boolean;
}

export function withSearchIndexing(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context) => {
      await loader.load(context);
      const session = getActiveSearchIndex();
      if (!session) return;
      const articles: ArticleForSearch[] = [];
      for (const entry of context.store.values()) {
        const data = entry.data as unknown as ArticleData;
        if (data.draft) continue;
        const [category = '', slug = ''] = entry.id.split('/');
        articles.push({
          category,
          slug,
          title: data.title,
          description: data.description,
          html: entry.rendered?.html,
          headings: entry.rendered?.metadata?.headings?.map((h) => h.text) ?? [],
          markdown: entry.body ?? '',
        });
      }
      session.addArticles(articles);
    },
  };
}
