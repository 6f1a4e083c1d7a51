import { describe, expect, it } from 'vitest';
import { findSimilarPairs, getTokens, stem } from './text-similarity.ts';

describe('getTokens', () => {
  it('lowercases, drops accents and stop words, and stems lightly', () => {
    expect(getTokens("Why can't I see my Refunds? Où est-il?")).toEqual(['see', 'refund', 'ou', 'est', 'il']);
    expect(
      ['refunds', 'refunded', 'refunding', 'cancelled', 'cancel', 'deliveries', 'delivery', 'changing', 'change'].map(
        stem,
      ),
    ).toEqual(['refund', 'refund', 'refund', 'cancel', 'cancel', 'deliver', 'deliver', 'chang', 'chang']);
  });
});

describe('findSimilarPairs', () => {
  it('pairs questions that ask the same in other words and not ones that only share a topic', () => {
    const pairs = findSimilarPairs([
      'How do I reset my password?',
      'Can I change my email address?',
      'How can I reset my password?',
      'Why did my password reset email not arrive?',
      'How do I change the email address on my account?',
    ]);
    expect(pairs.map((p) => [p.a, p.b, Math.round(p.similarity * 100)])).toEqual([
      [0, 2, 100],
      [1, 4, 75],
    ]);
  });

  it('finds the pairs among 1,000 questions quickly, without comparing every pair', () => {
    // 1,000 questions of five words each from a 400-word vocabulary (a fixed pseudo-random sequence).
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const vocabulary = Array.from({ length: 400 }, (_, i) => `word${i.toString(36)}x`);
    const questions = Array.from(
      { length: 1000 },
      () => `How do I ${Array.from({ length: 5 }, () => vocabulary[Math.floor(next() * 400)]).join(' ')}?`,
    );
    questions.push(`${questions[0]!.replace('How do I ', 'Can you tell me how I ').replace('?', '')} please?`);
    const start = performance.now();
    const pairs = findSimilarPairs(questions);
    expect(performance.now() - start).toBeLessThan(1500);
    expect(pairs.filter((p) => p.b === 1000).map((p) => p.a)).toEqual([0]);
  });
});
