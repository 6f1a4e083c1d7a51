/**
 * Whether the best result matches a query strongly enough to be shown as an answer card. A card
 * says "this answers your question", so a FAQ that is merely ranked first is not enough: "gift
 * wrapping" ranks the gift-card balance FAQ first on the sample site (it is the only page with
 * "gift"), and labelling it "Answer" is wrong. Pure: the query's words, the answer's title words
 * and the scores in; the signals and the verdict out. docs/search.md "Answer cards" has the
 * precision these thresholds measure (npm run bench:answer-cards).
 */
import { getWordKey } from '../synonyms.ts';
import { getWords } from '../vocabulary.ts';

export interface AnswerMatch {
  /**
   * The reader's meaningful words: the query plan's terms (stop words dropped, typos corrected)
   * and its unknown words (in no page of the site: "wrapping"), which no title matches.
   */
  terms: readonly string[];
  /** What the answer answers: a FAQ's question; an article section's heading and the article's title. */
  titles: readonly string[];
  /** The synonyms the index holds for the title (metadata, synonyms.ts): their words match as the title's. */
  synonyms?: readonly string[];
  /** The language's stop words (the vocabulary's), left out when counting the question's own words. */
  stopWords?: readonly string[];
  /** Scores of the results in rank order; the first is the answer's. */
  scores: readonly number[];
  /** The results' language, for plurals ("refunds" matches "refund" in English). */
  language?: string;
}

export interface AnswerStrength {
  /** Query words found in the question, the title or their synonyms. */
  matched: number;
  /** Query words in all. */
  terms: number;
  /** The share of the title's own words (stop words aside) that a query word matches; the best title's. */
  titleCovered: number;
  /** The answer's score over the next result's (Infinity when no other result competes). */
  lead: number;
  strong: boolean;
}

/** With every query word in the title, the answer must still be ahead of the next result. */
export const MIN_LEAD_ALL_WORDS = 1.05;
/** With one word missing (of three or more), the answer must be clearly ahead of the next result. */
export const MIN_LEAD_MOST_WORDS = 1.5;
/**
 * A one-word query must match at least this share of the title's words: "installments" is what
 * "Can I pay in installments?" is about, "package" is not what "Can the driver leave my package
 * with a neighbor?" answers...
 */
export const MIN_TITLE_COVERED_ONE_WORD = 0.5;
/**
 * ...or the answer must dominate the results (no other page has the word, or it scores this many
 * times the next): "phishing" and the phishing article (6.6), not "package" and that FAQ (3.8).
 */
export const MIN_LEAD_ONE_WORD = 5;
/** A shorter word than this must match a title word whole, not as its start. */
const MIN_PREFIX = 4;

/**
 * A query word matches a title word when they are the same word (plurals folded), or one starts
 * the other and the shorter has at least MIN_PREFIX letters: Pagefind matches a query word as a
 * prefix ("pass" finds "password"), and a German "Rücksendungen" should match "Rücksendung".
 */
function matchesWord(term: string, word: string, language: string): boolean {
  if (term === word || getWordKey(term, language) === getWordKey(word, language)) return true;
  const [shorter, longer] = term.length <= word.length ? [term, word] : [word, term];
  return shorter.length >= MIN_PREFIX && longer.startsWith(shorter);
}

export function getAnswerStrength(match: AnswerMatch): AnswerStrength {
  const language = match.language ?? 'en';
  const titleWords = [...match.titles, ...(match.synonyms ?? [])].flatMap(getWords);
  // A term is a token as typed ("log-in"): it matches when each of its words does.
  const terms = match.terms.map(getWords).filter((words) => words.length > 0);
  const matches = (w: string, words: readonly string[]) => words.some((t) => matchesWord(w, t, language));
  const matched = terms.filter((words) => words.every((w) => matches(w, titleWords))).length;
  const stop = new Set((match.stopWords ?? []).flatMap(getWords));
  const termWords = terms.flat();
  const titleCovered = Math.max(
    0,
    ...match.titles.map((title) => {
      const own = getWords(title).filter((w) => !stop.has(w));
      return own.length === 0 ? 0 : own.filter((w) => matches(w, termWords)).length / own.length;
    }),
  );
  const [best = 0, next] = match.scores;
  // query.ts gives no next score when the answer is the only page with every word: as clear a lead as any.
  const lead = next === undefined || next <= 0 ? Infinity : best / next;
  const all =
    terms.length > 0 &&
    matched === terms.length &&
    (terms.length > 1 || titleCovered >= MIN_TITLE_COVERED_ONE_WORD || lead >= MIN_LEAD_ONE_WORD);
  const most = terms.length >= 3 && matched >= terms.length - 1;
  const strong = (all && lead >= MIN_LEAD_ALL_WORDS) || (most && lead >= MIN_LEAD_MOST_WORDS);
  return { matched, terms: terms.length, titleCovered, lead, strong };
}
