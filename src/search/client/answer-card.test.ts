import { describe, expect, it } from 'vitest';
import {
  getAnswerCard as getCard,
  getAnswerCardTexts,
  renderAnswerCard,
  type AnswerContext,
  type AnswerSource,
} from './answer-card.ts';
import { createResultText } from './render-results.ts';
import de from '../../i18n/dictionaries/de.ts';

const english = getAnswerCardTexts(createResultText());

/** A query that matches the fixtures' titles strongly: its words are in them, far ahead of the next result. */
const strong: AnswerContext = { plan: { terms: ['log', 'in'], unknown: [] }, scores: [10, 1] };
const strongFor = (best: AnswerSource | undefined): AnswerContext =>
  best?.filters.type?.includes('faq') ? strong : { ...strong, plan: { terms: ['reset'], unknown: [] } };
const getAnswerCard = (best: AnswerSource | undefined, context = strongFor(best)) => getCard(best, context);

const faq: AnswerSource = {
  url: '/faq/#why-cant-i-log-in',
  excerpt: '',
  meta: { title: "Why can't I log in?" },
  filters: { type: ['faq'] },
  content: "Why can't I log in? The most common reasons are: a wrong password or a locked account.",
  sub_results: [],
};
const article = (hits: number[], words = 20): AnswerSource => ({
  url: '/account/reset-password/',
  excerpt: '',
  meta: { title: 'Reset your password' },
  filters: { type: ['article'] },
  word_count: 300,
  content: [
    'Reset your password.',
    'Intro text here.',
    'Reset it',
    ...Array.from({ length: words }, (_, i) => `w${i}`),
    'Other',
    'tail words',
  ].join(' '),
  sub_results: [
    { title: 'Reset your password', url: '/account/reset-password/', excerpt: '', weighted_locations: [] },
    {
      title: 'Reset it',
      url: '/account/reset-password/#reset-it',
      excerpt: '',
      anchor: { id: 'reset-it', text: 'Reset it', location: 6 },
      weighted_locations: Array.from({ length: hits[0]! }, () => ({ weight: 1, balanced_score: 1, location: 7 })),
    },
    {
      title: 'Other',
      url: '/account/reset-password/#other',
      excerpt: '',
      anchor: { id: 'other', text: 'Other', location: 8 + words },
      weighted_locations: Array.from({ length: hits[1]! }, () => ({
        weight: 1,
        balanced_score: 1,
        location: 9 + words,
      })),
    },
  ],
});

describe('answer cards', () => {
  it('answers with a FAQ: the answer without its question, voted as that FAQ', () => {
    expect(getAnswerCard(faq)).toEqual({
      itemId: 'faq:why-cant-i-log-in',
      kind: 'faq',
      title: "Why can't I log in?",
      text: 'The most common reasons are: a wrong password or a locked account.',
      truncated: false,
      url: '/faq/#why-cant-i-log-in',
      pagePath: '/faq/',
    });
  });

  it('answers with a short article section that holds most of the matches', () => {
    const card = getAnswerCard(article([5, 1]))!;
    expect(card.itemId).toBe('article:reset-password');
    expect(card.title).toBe('Reset it');
    expect(card.text.split(' ')).toHaveLength(20);
    expect(card.url).toBe('/account/reset-password/#reset-it');
  });

  it('shows no card when the matches are spread, the section is long, or there is no text', () => {
    expect(getAnswerCard(article([2, 2]))).toBeUndefined();
    expect(getAnswerCard(article([5, 0], 200))).toBeUndefined();
    expect(getAnswerCard({ ...faq, content: undefined })).toBeUndefined();
    expect(getAnswerCard(undefined)).toBeUndefined();
  });

  it('shows no card when the query does not match its question or heading strongly', () => {
    // "gift wrapping" on the gift-card FAQ: a word the site does not have is a word the question lacks.
    const giftCard = {
      ...faq,
      url: '/faq/#gift-card-balance',
      meta: { title: 'How do I check my gift card balance?' },
    };
    const gift = { plan: { terms: ['gift'], unknown: ['wrapping'] }, scores: [10, 1] };
    expect(getAnswerCard(giftCard, gift)).toBeUndefined();
    expect(getAnswerCard(giftCard, { ...gift, plan: { terms: ['gift', 'card'], unknown: [] } })?.itemId).toBe(
      'faq:gift-card-balance',
    );
    // Tied with the next result: another page answers as well.
    expect(getAnswerCard(faq, { ...strong, scores: [10, 10] })).toBeUndefined();
    // The synonyms the index holds for the question count as its words.
    const signIn = { plan: { terms: ['sign', 'in'], unknown: [] }, scores: [10, 1] };
    expect(getAnswerCard(faq, signIn)).toBeUndefined();
    expect(
      getAnswerCard({ ...faq, meta: { ...faq.meta, question_synonyms: 'log in, sign in' } }, signIn),
    ).toBeDefined();
    // An article section: its heading or the article's title.
    expect(getAnswerCard(article([5, 1]), { ...strong, plan: { terms: ['delete'], unknown: [] } })).toBeUndefined();
  });

  it('renders the answer escaped, with vote buttons only when votes can be sent', () => {
    const card = getAnswerCard({ ...faq, content: "Why can't I log in? Use <b>reset</b>." })!;
    const html = renderAnswerCard(card, true, english);
    expect(html).toContain('<p class="answer-card-text">Use &lt;b&gt;reset&lt;/b&gt;.</p>');
    expect(html).toContain('data-answer-vote="up"');
    expect(html).toContain('Did this answer your question?');
    expect(renderAnswerCard(card, false, english)).not.toContain('data-answer-vote');
  });

  it('never shows a full stop the index added after a question or exclamation', () => {
    const card = getAnswerCard({
      ...faq,
      content: "Why can't I log in?. Check your password!. Forgot your password?. Reset it.",
    })!;
    expect(card.text).toBe('Check your password! Forgot your password? Reset it.');
  });

  it("speaks the page's language from the result list's strings", () => {
    const card = getAnswerCard(faq)!;
    const html = renderAnswerCard(card, true, getAnswerCardTexts(createResultText(de, 'de')));
    expect(html).toContain('Hat das Ihre Frage beantwortet?');
    expect(html).toContain('>Ja</button>');
    expect(html).not.toContain('Did this answer');
  });
});
