import { slugify } from '../../content/load.ts';

/** File names that are not slugs (`CamelCase.md`, `4_2.md`, `v1.2.md`) made into slugs, deterministically. */
export function toSlug(name: string): string {
  // Word boundaries of CamelCase become hyphens; the rest is the slug rule of titles.
  return slugify(
    name
      .replace(/\.(md|mdx|markdown|html?)$/i, '')
      .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2'),
  );
}

/** Docusaurus and others order files by a number prefix ("01-intro.md"); the prefix is not part of the URL. */
export function stripNumberPrefix(name: string): { name: string; order?: number } {
  const m = /^(\d+)[-_.\s]+(?=\D)(.+)$/.exec(name);
  return m ? { name: m[2]!, order: Number(m[1]) } : { name };
}

/** Our own slug of a title or name: never empty. */
export function slugOrFallback(...candidates: Array<string | undefined>): string {
  for (const c of candidates) {
    const slug = c ? toSlug(c) : '';
    if (slug) return slug;
  }
  return 'page';
}
