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

/**
 * Pagefind ends a heading or question with a full stop when it joins it to the next text, even
 * after "?" or "!": "password?." reads as a typo. Drops a full stop after ?, ! or a single full
 * stop ("..." stays).
 */
export function dropAddedFullStops(text: string): string {
  return text.replace(/(?<!\.)([?!.])\.(?=\s|$)/g, '$1');
}

const SENTENCE_END = /[.?!]\s+/g;

/**
 * An excerpt's runs as a reader should see them: no added full stops, starting at the sentence the
 * first match is in when one starts before it (else with "…" when it starts mid-sentence), and
 * ending with "…" when it is cut mid-sentence. Pagefind cuts at word boundaries, so words stay whole.
 */
export function tidyExcerpt(parts: ExcerptPart[]): ExcerptPart[] {
  const tidy = parts
    .map((part) => ({ ...part, text: dropAddedFullStops(part.text) }))
    // A full stop left at the start of a run after a run ending in ?, ! or ".".
    .map((part, i, all) =>
      i > 0 && /[?!.]$/.test(all[i - 1]!.text) && /^\.(\s|$)/.test(part.text)
        ? { ...part, text: part.text.slice(1) }
        : part,
    )
    .filter((part) => part.text);
  if (tidy.length === 0) return tidy;
  const first = tidy[0]!;
  if (!first.marked) {
    const ends = [...first.text.matchAll(SENTENCE_END)];
    const last = ends[ends.length - 1];
    const text = last ? first.text.slice(last.index + last[0].length) : first.text.trimStart();
    tidy[0] = { ...first, text };
    if (!text) tidy.shift();
    if (!last && /^\p{Ll}/u.test(text)) tidy[0] = { ...tidy[0], text: `…${text}` };
  } else if (/^\p{Ll}/u.test(first.text)) {
    tidy.unshift({ text: '…', marked: false });
  }
  const end = tidy[tidy.length - 1]!;
  const trimmed = end.text.trimEnd();
  if (!/[.?!:…]$/.test(trimmed)) {
    if (end.marked) tidy.push({ text: '…', marked: false });
    else tidy[tidy.length - 1] = { ...end, text: `${trimmed}…` };
  }
  return tidy;
}

/** An excerpt's runs, parsed and tidied for display (every search box shows them this way). */
export const getExcerptParts = (excerpt: string): ExcerptPart[] => tidyExcerpt(parseExcerpt(excerpt));
