import { describe, expect, it } from 'vitest';
import { getEditDistance } from './edit-distance.ts';

describe('the edit distance between two words', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours as one edit each', () => {
    expect(getEditDistance('password', 'password')).toBe(0);
    expect(getEditDistance('pasword', 'password')).toBe(1);
    expect(getEditDistance('passwords', 'password')).toBe(1);
    expect(getEditDistance('delivary', 'delivery')).toBe(1);
    expect(getEditDistance('refnud', 'refund')).toBe(1);
    expect(getEditDistance('cancle', 'cancel')).toBe(1);
    expect(getEditDistance('kitten', 'sitting')).toBe(3);
    expect(getEditDistance('', 'abc')).toBe(3);
  });

  it('stops early once the distance is past the limit', () => {
    expect(getEditDistance('refund', 'invoice', 1)).toBe(2);
    expect(getEditDistance('a', 'abcdef', 2)).toBe(3);
  });
});
