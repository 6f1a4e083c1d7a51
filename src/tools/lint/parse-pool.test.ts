import { describe, expect, it } from 'vitest';
import { getMarkdownFacts } from './markdown-facts.ts';
import { MIN_BODIES_FOR_WORKERS, createParsePool } from './parse-pool.ts';

describe('createParsePool', () => {
  it('gives the same facts on worker threads as on the main thread, in order', async () => {
    const bodies = Array.from({ length: MIN_BODIES_FOR_WORKERS + 50 }, (_, i) => `## Step ${i}\n\nSee [article ${i}](a-${i}.md#x) and :::\n`);
    const pool = createParsePool(2);
    try {
      expect(await pool.parse(bodies)).toEqual(bodies.map(getMarkdownFacts));
      expect(pool.stats).toEqual({ workers: 2, parsedOnWorkers: bodies.length });
    } finally {
      await pool.close();
    }
  });

  it('parses on the calling thread when there are no workers', async () => {
    const pool = createParsePool(0);
    expect(await pool.parse(['# A'])).toEqual([getMarkdownFacts('# A')]);
    await pool.close();
  });
});
