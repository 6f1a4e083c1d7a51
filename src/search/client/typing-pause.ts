/**
 * How long search waits after a keystroke. Pagefind matches the last word as a prefix, so a word
 * of one or two letters ("r", "delivery ad") matches most of the index: searching it would fetch
 * index chunks and score thousands of pages for a word the reader is still typing. Such a query
 * is searched only when the reader pauses; any other after a short pause between keys.
 */

/** Wait after a key before searching: shorter than most gaps between a typist's keys would be too eager. */
export const TYPING_PAUSE_MS = 70;
/** Wait when the last word is shorter than MIN_PREFIX: the reader has stopped typing, not paused between keys. */
export const SHORT_WORD_PAUSE_MS = 350;
/** Letters the last word needs before it is searched while typing (the vocabulary's shortest word). */
export const MIN_PREFIX = 3;

/** Scripts written without spaces, where one character can be a whole word. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

/** True while the last word of `query` is too short to search as a prefix. */
export function isShortLastWord(query: string): boolean {
  const last = query.trim().split(/\s+/).at(-1) ?? '';
  if (!last || UNSPACED.test(last)) return false;
  return [...last.replace(/[^\p{L}\p{N}]/gu, '')].length < MIN_PREFIX;
}

export function getSearchDelay(query: string): number {
  return isShortLastWord(query) ? SHORT_WORD_PAUSE_MS : TYPING_PAUSE_MS;
}
