import { describe, expect, it } from 'vitest';
import { getSearchDelay, isShortLastWord, SHORT_WORD_PAUSE_MS, TYPING_PAUSE_MS } from './typing-pause.ts';

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
