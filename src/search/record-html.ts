/**
 * The HTML document Pagefind indexes for one search record (an article or a FAQ question). The
 * index is built from the content, not scraped from the built pages, so it can be written while
 * Astro is still rendering (see build/search-index/session.ts). Only `<main data-pagefind-body>` is
 * indexed; its attributes carry the filters and the metadata (title, category, synonyms).
 */
import { escapeHtml } from '../lib/html.ts';
import { SEARCH_WEIGHT_META } from './section-rank.ts';

export interface SearchHtmlRecord {
  /** Site-relative URL (no base: Pagefind's baseUrl adds it in the browser). */
  url: string;
  html: string;
}

export interface SearchDocument {
  language: string;
  /** Plain text, escaped here. */
  title: string;
  /** Attribute name to value (values escaped here): data-pagefind-filter, data-pagefind-meta, synonyms. */
  attributes: Record<string, string>;
  /** Category id, indexed as the `category` filter. */
  category: string;
  /**
   * The section, if the entry is in one: its title is the `section` metadata results show, and
   * "<category>/<section>" (section ids are unique only within their category) the `section` filter.
   */
  section?: { id: string; title: string } | undefined;
  /** Body HTML, already safe (rendered Markdown, or escaped text). */
  inner: string;
  /** The record's search weight (section-rank.ts reads it from the meta); 1 or unset writes nothing. */
  searchWeight?: number | undefined;
}

export function toSearchDocumentHtml(doc: SearchDocument): string {
  const attributes = Object.entries(doc.attributes)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  return (
    `<!doctype html><html lang="${escapeHtml(doc.language)}"><head><title>${escapeHtml(doc.title)}</title></head><body>` +
    `<main data-pagefind-body${attributes}><span data-pagefind-filter="category:${escapeHtml(doc.category)}"></span>` +
    (doc.section
      ? `<span data-pagefind-filter="section:${escapeHtml(doc.section.id)}"></span>` +
        `<span data-pagefind-meta="section:${escapeHtml(doc.section.title)}"></span>`
      : '') +
    (doc.searchWeight !== undefined && doc.searchWeight !== 1
      ? `<span data-pagefind-meta="${SEARCH_WEIGHT_META}:${doc.searchWeight}"></span>`
      : '') +
    `${doc.inner}</main></body></html>`
  );
}
