import { describe, expect, it } from 'vitest';
import {
  getSearchDelay,
  getWordCheck,
  shouldPreload,
  isShortLastWord,
  isUnfinishedLastWord,
  SHORT_WORD_PAUSE_MS,
  TYPING_PAUSE_MS,
} from './typing-pause.ts';

describe('the pause before searching while typing', () => {
  it('waits for the reader to stop while the last word has one or two letters', () => {
    for (const query of ['r', 're', 'delivery a', 'delivery ad', 'windows 7', 'é']) {
      expect(isShortLastWord(query), query).toBe(true);
      expect(getSearchDelay(query), query).toBe(SHORT_WORD_PAUSE_MS);
    }
  });

  it('searches after a short pause once the last word has three letters or more', () => {
    for (const query of ['ref', 'refund', 'delivery add', 'reset password ', '2fa', 'api keys']) {
      expect(isShortLastWord(query), query).toBe(false);
      expect(getSearchDelay(query), query).toBe(TYPING_PAUSE_MS);
    }
    expect(TYPING_PAUSE_MS).toBeLessThan(SHORT_WORD_PAUSE_MS);
  });

  it('counts letters, not punctuation, and treats one character of Chinese, Japanese or Korean as a word', () => {
    expect(isShortLastWord('a.b')).toBe(true);
    expect(isShortLastWord('wi-fi')).toBe(false);
    expect(isShortLastWord('退')).toBe(false);
    expect(isShortLastWord('パス')).toBe(false);
    expect(isShortLastWord('')).toBe(false);
  });
});

describe('the pause with the vocabulary at hand', () => {
  const words = new Set(['refund', 'reset', 'password', 'can', 'cancel', 'api', 'factor', 'cafe']);
  const isWord = (word: string) => words.has(word);

  it('waits for the reader to stop while the last word is only the start of a word of the index', () => {
    for (const query of ['ref', 'refu', 'refun', 'canc', 'reset passw', 'two-fac']) {
      expect(isUnfinishedLastWord(query, isWord), query).toBe(true);
      expect(getSearchDelay(query, isWord), query).toBe(SHORT_WORD_PAUSE_MS);
    }
  });

  it('searches after the short pause once the last word is a word of the index', () => {
    for (const query of ['refund', 'reset password', 'can', 'api', 'two-factor', 'Refund ', 'CAFÉ']) {
      expect(isUnfinishedLastWord(query, isWord), query).toBe(false);
      expect(getSearchDelay(query, isWord), query).toBe(TYPING_PAUSE_MS);
    }
  });

  it('searches numbers, unspaced scripts, short parts and every word without a vocabulary as before', () => {
    for (const query of ['error 404', '退款', 'wi-fi', 'refu']) {
      const check = query === 'refu' ? undefined : isWord;
      expect(isUnfinishedLastWord(query, check), query).toBe(false);
      expect(getSearchDelay(query, check), query).toBe(TYPING_PAUSE_MS);
    }
  });
});

describe('the word check from a vocabulary', () => {
  it('knows the vocabulary words but its stop words, and is absent without words (an unspaced language, no vocabulary)', () => {
    const check = getWordCheck({ language: 'en', stopWords: ['can'], words: ['refund', 'can', 'invoice'] });
    expect(check?.('refund')).toBe(true);
    expect(check?.('refu')).toBe(false);
    // A stop word is mostly the start of a longer word ("cancel"): it waits like one.
    expect(check?.('can')).toBe(false);
    expect(getWordCheck({ language: 'ja', stopWords: [], words: [] })).toBeUndefined();
    expect(getWordCheck(undefined)).toBeUndefined();
  });
});

describe('fetching index chunks during the pause', () => {
  const isWord = (word: string) => ['refund', 'reset', 'promo'].includes(word);

  it('fetches them for a word that may be finished, and for one still being typed from its fourth letter', () => {
    for (const query of ['refund', 'reset', 'refu', 'prom', 'reset passw'])
      expect(shouldPreload(query, isWord), query).toBe(true);
  });

  it('fetches nothing for one or two letters, or the first three of a word still being typed', () => {
    for (const query of ['r', 're', 'ref', 'pro', 'reset pa', 'reset pas'])
      expect(shouldPreload(query, isWord), query).toBe(false);
    expect(shouldPreload('ref')).toBe(true);
  });
});
