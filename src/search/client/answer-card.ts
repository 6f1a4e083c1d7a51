/**
 * Answer cards: when the best result is a FAQ, or an article section short enough to answer on
 * its own, search shows that answer above the results, taken word for word from the index
 * (extractive: nothing is generated). Only on a strong match (answer-strength.ts): a FAQ merely
 * ranked first is no answer. Pure: Pagefind result data, the query's words and the scores in, a
 * card or nothing out; the site's search UI and the in-product widget render it and store its
 * vote like one on the FAQ or article.
 */
import { escapeHtml } from '../../lib/html.ts';
import type { PagefindResultData, PagefindSubResult } from './pagefind-api.ts';
import { dropAddedFullStops, getResultHref } from './index-strings.ts';
import type { ResultText } from './render-results.ts';
import { getAnswerStrength, type AnswerMatch, type AnswerStrength } from './answer-strength.ts';
import { FAQ_SYNONYM_FIELDS, SYNONYM_FIELDS } from '../synonyms.ts';
import type { QueryPlan } from '../query.ts';

/** A FAQ answer longer than this is cut, with a link to the rest. */
export const ANSWER_MAX_WORDS = 90;
/** An article section answers on its own only up to this many words. */
export const SECTION_MAX_WORDS = 80;

/** What Pagefind returns beyond the fields the result list reads. */
export interface AnswerSource extends PagefindResultData {
  /** The record's whole text, words separated by spaces. */
  content?: string;
  sub_results: Array<PagefindSubResult & { anchor?: { id: string; text: string; location: number } }>;
}

export interface AnswerCard {
  /** The feedback id the card's vote counts for: "faq:<slug>" or "article:<slug>". */
  itemId: string;
  kind: 'faq' | 'article';
  /** The question, or the section's heading. */
  title: string;
  /** The answer's words as the index holds them. */
  text: string;
  /** True when the text was cut. */
  truncated: boolean;
  /** Where the whole answer is (the result's URL, a section's anchor for an article). */
  url: string;
  /** The page path the vote is recorded for (the FAQ page, the article). */
  pagePath: string;
}

const words = (text: string) => dropAddedFullStops(text).split(/\s+/).filter(Boolean);

const getHits = (s: PagefindSubResult) => s.weighted_locations?.length ?? 0;

/** The path of a URL without origin or fragment (results may be absolute in the widget). */
const getPath = (url: string) => new URL(url, 'https://x.invalid/').pathname;

/** What the card is judged against: the query's plan and the results' scores, best first. */
export interface AnswerContext extends Omit<AnswerMatch, 'terms' | 'titles' | 'synonyms'> {
  plan: Pick<QueryPlan, 'terms' | 'unknown'>;
}

/** The reader's meaningful words: those searched for and those in no page (which match no title either). */
export const getQueryWords = (plan: AnswerContext['plan']) => [...plan.terms, ...plan.unknown];

/**
 * The card for the best result, or undefined when it does not answer on its own or the query does
 * not match it strongly (its title lacks the query's words, or another result scores as high).
 * The synonyms the index holds for the title (metadata, synonyms.ts) count as its words: "money
 * back" matches the question "Can I get a refund?".
 */
export function getAnswerCard(best: AnswerSource | undefined, context: AnswerContext): AnswerCard | undefined {
  const card = getCandidateCard(best);
  if (!card || !best) return undefined;
  return getCardStrength(card, best, context).strong ? card : undefined;
}

/** How strongly the query matches a card's question (or section heading and article title). */
export function getCardStrength(card: AnswerCard, best: AnswerSource, context: AnswerContext): AnswerStrength {
  const { plan, ...rest } = context;
  const [titles, synonyms] =
    card.kind === 'faq'
      ? [[card.title], best.meta[FAQ_SYNONYM_FIELDS.title.meta]]
      : [[card.title, best.meta.title ?? ''], best.meta[SYNONYM_FIELDS.title.meta]];
  return getAnswerStrength({ ...rest, terms: getQueryWords(plan), titles, synonyms: synonyms ? [synonyms] : [] });
}

/** The card the best result would make before the match is judged (what search showed before answer-strength.ts). */
export function getCandidateCard(best: AnswerSource | undefined): AnswerCard | undefined {
  if (!best?.content) return undefined;
  const all = words(best.content);
  const title = best.meta.title ?? '';
  if (best.filters.type?.includes('faq')) {
    const slug = new URL(best.url, 'https://x.invalid/').hash.slice(1);
    const answer = all.slice(words(title).length);
    if (!slug || answer.length === 0) return undefined;
    return {
      itemId: `faq:${slug}`,
      kind: 'faq',
      title,
      text: answer.slice(0, ANSWER_MAX_WORDS).join(' '),
      truncated: answer.length > ANSWER_MAX_WORDS,
      url: best.url,
      pagePath: getPath(best.url),
    };
  }
  const sections = best.sub_results.filter((s) => s.anchor);
  const hits = sections.reduce((sum, s) => sum + getHits(s), 0);
  const [top] = [...sections].sort((a, b) => getHits(b) - getHits(a));
  // The section must hold most of the matches: otherwise the answer is spread over the article.
  if (!top?.anchor || hits === 0 || getHits(top) * 2 <= hits) return undefined;
  const starts = sections.map((s) => s.anchor!.location).sort((a, b) => a - b);
  const end = starts.find((l) => l > top.anchor!.location) ?? all.length;
  const body = all.slice(top.anchor.location + words(top.anchor.text).length, end);
  if (body.length === 0 || body.length > SECTION_MAX_WORDS) return undefined;
  const parts = getPath(best.url).split('/').filter(Boolean);
  return {
    itemId: `article:${parts[parts.length - 1]}`,
    kind: 'article',
    title: top.anchor.text,
    text: body.join(' '),
    truncated: false,
    url: top.url,
    pagePath: getPath(best.url),
  };
}

export interface AnswerCardTexts {
  label: string;
  question: string;
  yes: string;
  no: string;
  more: string;
}

/** The card's words from the result list's strings (`results.answer.*`, `feedback.yes|no`), in the page's language. */
export function getAnswerCardTexts(text: ResultText): AnswerCardTexts {
  return {
    label: text.t('results.answer.label'),
    question: text.t('results.answer.question'),
    yes: text.t('results.answer.yes'),
    no: text.t('results.answer.no'),
    more: text.t('results.answer.more'),
  };
}

/** The card's HTML: the answer as a quotation of its source, then the vote buttons (when votes can be sent). */
export function renderAnswerCard(card: AnswerCard, withVote: boolean, t: AnswerCardTexts): string {
  const vote = withVote
    ? `<div class="answer-card-vote" role="group" aria-label="${escapeHtml(t.question)}"><span>${escapeHtml(t.question)}</span> ` +
      `<button type="button" data-answer-vote="up">${escapeHtml(t.yes)}</button> ` +
      `<button type="button" data-answer-vote="down">${escapeHtml(t.no)}</button></div>` +
      `<p class="answer-card-thanks" role="status" data-answer-status></p>`
    : '';
  return (
    `<section class="answer-card" aria-label="${escapeHtml(t.label)}" data-answer-item="${escapeHtml(card.itemId)}">` +
    `<p class="answer-card-label">${escapeHtml(t.label)}</p>` +
    `<h2 class="answer-card-title"><a href="${escapeHtml(getResultHref(card.url))}">${escapeHtml(card.title)}</a></h2>` +
    `<p class="answer-card-text">${escapeHtml(card.text)}${card.truncated ? '…' : ''}</p>` +
    (card.truncated ? `<p><a href="${escapeHtml(getResultHref(card.url))}">${escapeHtml(t.more)}</a></p>` : '') +
    `${vote}</section>`
  );
}
