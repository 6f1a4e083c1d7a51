import { describe, expect, it } from 'vitest';
import { buildSearchVocabulary, getStopWords, getWords } from './vocabulary.ts';

describe('the search vocabulary', () => {
  it('splits text into lowercase words with accents folded, apostrophes dropped and hyphens splitting', () => {
    expect(getWords('Can’t sign-in to Café PARCELO, 2FA!')).toEqual([
      'cant',
      'sign',
      'in',
      'to',
      'cafe',
      'parcelo',
      '2fa',
    ]);
  });

  it('lists words of three letters or more, most frequent first, without bare numbers', () => {
    const v = buildSearchVocabulary(['Refund a refund', 'Refunds take 5 to 10 days', 'days'], 'en-US');
    expect(v.words).toEqual(['days', 'refund', 'refunds', 'take']);
    expect(v.language).toBe('en-US');
    expect(v.stopWords).toContain('how');
  });

  it('has stop words only for languages it knows', () => {
    expect(getStopWords('en')).toContain('my');
    // Intensifiers: "frigate uses too much cpu" must not need a page that says "too".
    expect(getStopWords('en')).toEqual(expect.arrayContaining(['much', 'too', 'very']));
    // "which version do I need", "I want a replacement": the page says what, not that it is needed.
    expect(getStopWords('en')).toEqual(expect.arrayContaining(['need', 'want']));
    expect(getStopWords('de')).toContain('wie');
    expect(getStopWords('de')).not.toContain('nicht');
    expect(getStopWords('ja')).toEqual([]);
    expect(getStopWords('nl')).toEqual([]);
  });
});
