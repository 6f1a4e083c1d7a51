import { describe, expect, it } from 'vitest';
import { getAnswerStrength, type AnswerMatch } from './answer-strength.ts';

const EN_STOP = ['how', 'do', 'i', 'my', 'can', 'the', 'a', 'with', 'in', 'is', 'what'];
const strength = (m: Partial<AnswerMatch> & Pick<AnswerMatch, 'terms' | 'titles'>) =>
  getAnswerStrength({ scores: [10, 2], stopWords: EN_STOP, ...m });

describe('answer strength: is the first result an answer to the query?', () => {
  it('is strong when every query word is in the question and the answer leads', () => {
    expect(strength({ terms: ['gift', 'card', 'balance'], titles: ['How do I check my gift card balance?'] })).toEqual({
      matched: 3,
      terms: 3,
      titleCovered: 0.75,
      lead: 5,
      strong: true,
    });
  });

  it('is weak when a word the reader typed is not in the question ("gift wrapping")', () => {
    const s = strength({ terms: ['gift', 'wrapping'], titles: ['How do I check my gift card balance?'] });
    expect(s).toMatchObject({ matched: 1, terms: 2, strong: false });
  });

  it('is weak when the answer ties with the next result', () => {
    const titles = ['Can I cancel an order I just placed?'];
    expect(strength({ terms: ['cancel', 'order'], titles, scores: [10, 10] }).strong).toBe(false);
    expect(strength({ terms: ['cancel', 'order'], titles, scores: [10.6, 10] }).strong).toBe(true);
  });

  it('counts the synonyms of the title as its words ("money back" for a refund question)', () => {
    const titles = ['Can I get a refund?'];
    expect(strength({ terms: ['money', 'back'], titles }).strong).toBe(false);
    expect(strength({ terms: ['money', 'back'], titles, synonyms: ['refund, money back, reimbursement'] }).strong).toBe(
      true,
    );
  });

  it('matches plurals, prefixes of four letters or more, and hyphenated words as a whole', () => {
    const titles = ["Why can't I log in to my accounts?"];
    expect(strength({ terms: ['account'], titles }).matched).toBe(1);
    expect(strength({ terms: ['acco'], titles }).matched).toBe(1);
    expect(strength({ terms: ['acc'], titles }).matched).toBe(0);
    expect(strength({ terms: ['log-in'], titles }).matched).toBe(1);
    expect(strength({ terms: ['log-out'], titles }).matched).toBe(0);
    expect(strength({ terms: ['Rücksendungen'], titles: ['Rücksendung starten'], language: 'de' }).matched).toBe(1);
  });

  it('takes one missing word of three or more only with a clear lead', () => {
    const titles = ['I got a text asking me to pay a customs fee. Is it real?'];
    const terms = ['text', 'customs', 'fee', 'scam'];
    expect(strength({ terms, titles, scores: [10, 5] }).strong).toBe(true);
    expect(strength({ terms, titles, scores: [10, 8] }).strong).toBe(false);
    expect(strength({ terms: ['customs', 'scam'], titles, scores: [10, 1] }).strong).toBe(false);
  });

  it('takes a one-word query only when it is what the title is about or the answer dominates', () => {
    const neighbor = ['Can the driver leave my package with a neighbor?'];
    expect(strength({ terms: ['package'], titles: neighbor, scores: [10, 2.6] })).toMatchObject({
      titleCovered: 0.25,
      strong: false,
    });
    expect(strength({ terms: ['neighbor'], titles: neighbor, scores: [10] })).toMatchObject({
      lead: Infinity,
      strong: true,
    });
    expect(strength({ terms: ['installments'], titles: ['Can I pay in installments?'], scores: [10, 9] }).strong).toBe(
      true,
    );
    // An article section: the article's title counts as much as the heading.
    const phishing = ['Report a phishing message', 'Phishing emails'];
    expect(strength({ terms: ['phishing'], titles: phishing, scores: [10, 4] }).strong).toBe(true);
    expect(
      strength({ terms: ['phishing'], titles: ['Report it', 'Recognize phishing emails'], scores: [10, 4] }).strong,
    ).toBe(false);
    expect(
      strength({ terms: ['phishing'], titles: ['Report it', 'Recognize phishing emails'], scores: [10, 1.9] }).strong,
    ).toBe(true);
  });

  it('has no lead when another page with every word matches the words better (the section ranking put it second)', () => {
    expect(strength({ terms: ['sell', 'data'], titles: ['Do you sell my data?'], scores: [3, 9] })).toMatchObject({
      lead: 1 / 3,
      strong: false,
    });
  });

  it('has a clear lead when no other page has every word (query.ts then gives no next score)', () => {
    expect(strength({ terms: ['sell', 'data'], titles: ['Do you sell my data?'], scores: [3] })).toMatchObject({
      lead: Infinity,
      strong: true,
    });
  });

  it('is weak with no words or no results', () => {
    expect(strength({ terms: [], titles: ['Anything?'] }).strong).toBe(false);
    expect(strength({ terms: ['gift'], titles: ['Gift cards'], scores: [] }).strong).toBe(true);
    expect(strength({ terms: ['!!'], titles: ['Gift cards'] }).strong).toBe(false);
  });
});
