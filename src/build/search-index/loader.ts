/**
 * Hands each article and FAQ to the build's search index as soon as the content layer has
 * rendered it, so Pagefind indexes it on the second core while Astro renders the rest (see
 * session.ts). Entries unchanged since the content layer's cache are not rendered
 * again; they are handed over in one list at the end, and only referenced here: any work at the
 * end of a loader delays Astro's save of its data store. Outside `astro build` there is no search
 * index and the wrapped loader runs unchanged.
 */
import type { Loader } from 'astro/loaders';
import { parseEntryId } from '../../content/entry-id.ts';
import { searchIndexSlot, type SearchCollection, type SearchEntries } from './slot.ts';

interface StoredEntry {
  id: string;
  data: Record<string, unknown>;
  body?: string;
  rendered?: { html: string; metadata?: { headings?: Array<{ text: string }> } };
}

/** What search needs of a stored entry; undefined for drafts (not published) and unlisted articles (not searchable). */
const TO_SEARCH_ENTRY: { [C in SearchCollection]: (entry: StoredEntry) => SearchEntries[C] | undefined } = {
  articles(entry) {
    const data = entry.data as { title: string; description: string; draft?: boolean; unlisted?: boolean };
    if (data.draft || data.unlisted) return undefined;
    return {
      ...parseEntryId(entry.id),
      title: data.title,
      description: data.description,
      html: entry.rendered?.html,
      headings: entry.rendered?.metadata?.headings?.map((h) => h.text) ?? [],
      markdown: entry.body ?? '',
    };
  },
  faqs(entry) {
    const data = entry.data as { question: string; draft?: boolean };
    if (data.draft) return undefined;
    return {
      ...parseEntryId(entry.id),
      question: data.question,
      html: entry.rendered?.html,
      markdown: entry.body ?? '',
    };
  },
};

export function withSearchIndexing<C extends SearchCollection>(collection: C, loader: Loader): Loader {
  const toSearchEntry = TO_SEARCH_ENTRY[collection] as (entry: StoredEntry) => SearchEntries[C] | undefined;
  return {
    ...loader,
    load: async (context) => {
      const index = searchIndexSlot.get();
      if (!index) return loader.load(context);
      const handed = new Set<string>();
      const store: typeof context.store = {
        ...context.store,
        set: (entry) => {
          const changed = context.store.set(entry);
          const found = toSearchEntry(entry);
          if (found && !handed.has(entry.id)) {
            handed.add(entry.id);
            index.addEntry(collection, found);
          }
          return changed;
        },
      };
      await loader.load({ ...context, store });
      const unchanged: Array<SearchEntries[C]> = [];
      for (const entry of context.store.values()) {
        if (handed.has(entry.id)) continue;
        const found = toSearchEntry(entry);
        if (found) unchanged.push(found);
      }
      index.addUnchangedEntries(collection, unchanged);
    },
  };
}
