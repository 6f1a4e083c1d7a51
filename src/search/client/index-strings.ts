/**
 * What a search box takes from the index, as text and checked links; pure and dependency-free, so
 * it runs in the widget bundle too. Pagefind's excerpts are HTML of a kind: the page's words with
 * `<` and `>` escaped (pagefind.js does that to the indexed text, nothing else) and `<mark>`
 * around the words that matched. They are never parsed as HTML: split on the markers into plain
 * text, so every search box (the site's and the in-product widget's) inserts the words as text
 * and builds the highlights itself.
 */

/** One run of an excerpt's text; `marked` runs matched the query. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/** The excerpt's runs of text: between `<mark>` and `</mark>` marked, elsewhere not; empty runs left out. */
export function parseExcerpt(excerpt: string): ExcerptPart[] {
  return excerpt
    .split(/<\/?mark>/)
    .map((text, i) => ({ text: text.replace(/&lt;/g, '<').replace(/&gt;/g, '>'), marked: i % 2 === 1 }))
    .filter((part) => part.text);
}

/** A result's URL for an href: http(s) or site-relative; anything else (`javascript:`, `data:`) becomes "#". */
export function getResultHref(url: string): string {
  return /^(https?:\/\/|\/(?!\/))/i.test(url) ? url : '#';
}
