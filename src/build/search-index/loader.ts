/**
 * Hands each article and FAQ to the build's search index as soon as the content layer has
 * rendered it, so Pagefind indexes it on the second core while Astro renders the rest (see
 * session.ts). Entries unchanged since the content layer's cache are not rendered
 * again; they are handed over in one list at the end, and only referenced here: any work at the
 * end of a loader delays Astro's save of its data store. In `astro dev` the entries go to the dev
 * server's index (dev-index.ts) once loaded, and again each time the watcher
 * stores or removes one. Elsewhere (`astro sync`) the wrapped loader runs unchanged.
 */
import type { Loader } from 'astro/loaders';
import { parseEntryId } from '../../content/entry-id.ts';
import { searchIndexSlot, type SearchCollection, type SearchEntries } from './slot.ts';
import { splitTranslationId } from '../../content/locales.ts';
import { devSearchIndexSlot, type DevSearchEntrySink } from './dev-slot.ts';

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
      const dev = devSearchIndexSlot.get();
      if (dev) return loadForDev(collection, loader, context, toSearchEntry, dev);
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

/** The first load hands every stored entry at its end; the watcher's later changes are handed as they happen. */
async function loadForDev<C extends SearchCollection>(
  collection: C,
  loader: Loader,
  context: Parameters<Loader['load']>[0],
  toSearchEntry: (entry: StoredEntry) => SearchEntries[C] | undefined,
  dev: DevSearchEntrySink,
): Promise<void> {
  let loaded = false;
  const store: typeof context.store = {
    ...context.store,
    set: (entry) => {
      const changed = context.store.set(entry);
      if (loaded && changed) dev.setEntry(collection, entry.id, toSearchEntry(entry));
      return changed;
    },
    delete: (id) => {
      context.store.delete(id);
      if (loaded) dev.deleteEntry(collection, id);
    },
  };
  await loader.load({ ...context, store });
  dev.setCollection(
    collection,
    context.store.values().map((entry) => ({ id: entry.id, entry: toSearchEntry(entry) })),
  );
  loaded = true;
}
