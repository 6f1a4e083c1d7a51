/**
 * Where a content entry sits, from its id (its path under articles/ or faqs/ without the
 * extension): "<category>/<slug>" or "<category>/<section>/<slug>". The section is a folder for
 * writers and a heading for readers; it is never part of a URL, so moving an entry between
 * sections keeps its URL.
 */
export interface EntryLocation {
  category: string;
  /** The section folder, when the entry is in one. */
  section: string | undefined;
  slug: string;
}

export function parseEntryId(id: string): EntryLocation {
  const parts = id.split('/');
  const slug = parts.at(-1) ?? '';
  return { category: parts[0] ?? '', section: parts.length > 2 ? parts[1] : undefined, slug };
}
