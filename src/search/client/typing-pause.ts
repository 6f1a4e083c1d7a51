/**
 * How long search waits after a keystroke. Pagefind matches the last word as a prefix, so a word
 * of one or two letters ("r", "delivery ad") matches most of the index: searching it would fetch
 * index chunks and score thousands of pages for a word the reader is still typing. Such a query
 * is searched only when the reader pauses; any other after a short pause between keys. With the
 * vocabulary at hand, a last word that is no word of the index yet ("refu") is a word still being
 * typed too: it waits for the pause, so only words the reader may have finished fetch index
 * chunks and results while they type.
 */
import { getWords, MIN_WORD_LENGTH, type SearchVocabulary } from '../vocabulary.ts';

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

/**
 * True when `isWord` (the vocabulary's words) says the last word is no word of the index, only
 * the start of one ("refu", "canc"). Numbers, words of unspaced scripts and parts shorter than the
 * vocabulary's words count as possibly finished: the vocabulary does not hold them.
 */
export function isUnfinishedLastWord(query: string, isWord?: (word: string) => boolean): boolean {
  const last = query.trim().split(/\s+/).at(-1) ?? '';
  if (!isWord || !last || UNSPACED.test(last)) return false;
  const part = getWords(last).at(-1) ?? '';
  return part.length >= MIN_WORD_LENGTH && !/^\d+$/.test(part) && !isWord(part);
}

/**
 * Whether to fetch the query's index chunks while the pause runs. A word that may be finished:
 * yes. One still being typed: only from its fourth letter, when its range has narrowed to the
 * chunk its word is in ("refu", "canc", "prom"); a three-letter start ("can", "pro") spans the
 * chunk before too. So the finished word's chunk is there when the reader stops, as before.
 */
export function shouldPreload(query: string, isWord?: (word: string) => boolean): boolean {
  if (isShortLastWord(query)) return false;
  if (!isUnfinishedLastWord(query, isWord)) return true;
  const part = getWords(query.trim().split(/\s+/).at(-1) ?? '').at(-1) ?? '';
  return [...part].length > MIN_PREFIX;
}

/** `isWord`: the vocabulary's words, once loaded (without, only the length of the last word counts). */
export function getSearchDelay(query: string, isWord?: (word: string) => boolean): number {
  return isShortLastWord(query) || isUnfinishedLastWord(query, isWord) ? SHORT_WORD_PAUSE_MS : TYPING_PAUSE_MS;
}

/**
 * The vocabulary's words as a lookup; undefined when there are none (no vocabulary, an unspaced
 * language). A stop word counts as unfinished: alone it finds nothing worth showing ("can" is
 * mostly "cancel" being typed), and its prefix fetches index chunks the finished word does not need.
 */
export function getWordCheck(vocabulary: SearchVocabulary | undefined): ((word: string) => boolean) | undefined {
  if (!vocabulary?.words.length) return undefined;
  const words = new Set(vocabulary.words);
  for (const stop of vocabulary.stopWords) words.delete(stop);
  return (word) => words.has(word);
}
