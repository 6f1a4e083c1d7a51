/**
 * Hands each article to the build's search index as soon as the content layer has rendered it,
 * so Pagefind indexes it on the second core while Astro renders the rest (see
 * search-index-session.ts). Articles unchanged since the content layer's cache are not rendered
 * again; they are handed over in one list at the end, and only referenced here: any work at the
 * end of a loader delays Astro's save of its data store. Outside `astro build` there is no search
 * index and the wrapped loader runs unchanged.
 */
import type { Loader } from 'astro/loaders';
import type { ArticleForSearch } from './article-records.ts';
import { getActiveSearchIndex } from './active-search-index.ts';

interface StoredArticle {
  id: string;
  data: Record<string, unknown>;
  body?: string;
  rendered?: { html: string; metadata?: { headings?: Array<{ text: string }> } };
}

function toArticle(entry: StoredArticle): ArticleForSearch | undefined {
  const data = entry.data as { title: string; description: string; draft?: boolean };
  if (data.draft) return undefined;
  const [category = '', slug = ''] = entry.id.split('/');
  return {
    category,
    slug,
    title: data.title,
    description: data.description,
    html: entry.rendered?.html,
    headings: entry.rendered?.metadata?.headings?.map((h) => h.text) ?? [],
    markdown: entry.body ?? '',
  };
}

export function withSearchIndexing(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context) => {
      const index = getActiveSearchIndex();
      if (!index) return loader.load(context);
      const handed = new Set<string>();
      const store: typeof context.store = {
        ...context.store,
        set: (entry) => {
          const changed = context.store.set(entry);
          const article = toArticle(entry);
          if (article && !handed.has(entry.id)) {
            handed.add(entry.id);
            index.addArticle(article);
          }
          return changed;
        },
      };
      await loader.load({ ...context, store });
      const unchanged: ArticleForSearch[] = [];
      for (const entry of context.store.values()) {
        if (handed.has(entry.id)) continue;
        const article = toArticle(entry);
        if (article) unchanged.push(article);
      }
      index.addUnchangedArticles(unchanged);
    },
  };
}
