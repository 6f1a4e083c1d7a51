/**
 * Hands each article and FAQ to the search index of the running command as soon as the content
 * layer has stored (and rendered) it, so in `astro build` Pagefind indexes it on the second core
 * while Astro renders the rest (see session.ts). Entries unchanged since the content layer's cache
 * are not rendered again; they are handed over in one list at the end, and only referenced here:
 * any work at the end of a loader delays Astro's save of its data store. In `astro dev` the same
 * calls go to the dev server's index (dev-index.ts), and after the load each entry the watcher
 * stores again or removes. Without a session's index (`astro sync`) the wrapped loader runs unchanged.
 */
import type { Loader } from 'astro/loaders';
import { getBuildSession } from 'virtual:helpdesk-kit/build-session';
import { parseEntryId } from '../../content/entry-id.ts';
import type { SearchCollection, SearchEntries, SearchEntryById } from './sink.ts';
import { splitTranslationId } from '../../content/locales.ts';

interface StoredEntry {
  id: string;
  data: Record<string, unknown>;
  body?: string;
  rendered?: { html: string; metadata?: { headings?: Array<{ text: string }> } };
}

/** A translation's id carries its locale first: "de/articles/billing/refunds". */
const inLocale =
  <T>(toEntry: (entry: StoredEntry) => T | undefined) =>
  (entry: StoredEntry) => {
    const { locale, sourceId } = splitTranslationId(entry.id);
    const found = toEntry({ ...entry, id: sourceId });
    return found && { ...found, locale };
  };

/** What search needs of a stored entry; undefined for drafts (not published) and unlisted articles (not searchable). */
const TO_SEARCH_ENTRY: { [C in SearchCollection]: (entry: StoredEntry) => SearchEntries[C] | undefined } = {
  articles(entry) {
    const data = entry.data as {
      title: string;
      description: string;
      draft?: boolean;
      unlisted?: boolean;
      searchWeight?: number;
    };
    if (data.draft || data.unlisted) return undefined;
    return {
      ...parseEntryId(entry.id),
      title: data.title,
      description: data.description,
      html: entry.rendered?.html,
      headings: entry.rendered?.metadata?.headings?.map((h) => h.text) ?? [],
      markdown: entry.body ?? '',
      searchWeight: data.searchWeight,
    };
  },
  faqs(entry) {
    const data = entry.data as { question: string; draft?: boolean; searchWeight?: number };
    if (data.draft) return undefined;
    return {
      ...parseEntryId(entry.id),
      question: data.question,
      html: entry.rendered?.html,
      markdown: entry.body ?? '',
      searchWeight: data.searchWeight,
    };
  },
  articleTranslations: inLocale((entry) => TO_SEARCH_ENTRY.articles(entry)),
  faqTranslations: inLocale((entry) => TO_SEARCH_ENTRY.faqs(entry)),
};

export function withSearchIndexing<C extends SearchCollection>(collection: C, loader: Loader): Loader {
  const toSearchEntry = TO_SEARCH_ENTRY[collection] as (entry: StoredEntry) => SearchEntries[C] | undefined;
  return {
    ...loader,
    load: async (context) => {
      const index = getBuildSession()?.searchIndex;
      if (!index) return loader.load(context);
      /** The ids set during this load; afterwards (the dev server's watcher) every change is handed. */
      const handed = new Set<string>();
      let loaded = false;
      const store: typeof context.store = {
        ...context.store,
        set: (entry) => {
          const changed = context.store.set(entry);
          if (loaded ? changed : !handed.has(entry.id)) {
            handed.add(entry.id);
            index.setEntry(collection, entry.id, toSearchEntry(entry));
          }
          return changed;
        },
        delete: (id) => {
          context.store.delete(id);
          index.deleteEntry(collection, id);
        },
      };
      await loader.load({ ...context, store });
      const rest: Array<SearchEntryById<C>> = [];
      for (const entry of context.store.values()) {
        if (!handed.has(entry.id)) rest.push({ id: entry.id, entry: toSearchEntry(entry) });
      }
      loaded = true;
      index.endCollection(collection, rest);
    },
  };
}
