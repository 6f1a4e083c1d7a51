import { describe, expect, it } from 'vitest';
import { getMarkdownFacts } from './markdown-facts.ts';
import { MIN_BODIES_FOR_WORKERS, createParsePool } from './parse-pool.ts';

describe('createParsePool', () => {
  it('gives the same facts on worker threads as on the main thread, in order', async () => {
    const bodies = Array.from(
      { length: MIN_BODIES_FOR_WORKERS + 50 },
      (_, i) => `## Step ${i}\n\nSee [article ${i}](a-${i}.md#x) and :::\n`,
    );
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

describe('the compiled pool (dist/, as users run it)', () => {
  it('parses on worker threads in plain Node, without tsx', async () => {
    const { spawnSync } = await import('node:child_process');
    const { existsSync } = await import('node:fs');
    const dist = new URL('../../../dist/tools/lint/parse-pool.js', import.meta.url);
    if (!existsSync(dist)) throw new Error('run npm run build:package first (npm test does)');
    const script = `const { createParsePool, MIN_BODIES_FOR_WORKERS } = await import(${JSON.stringify(dist.href)});
const pool = createParsePool(1);
const facts = await pool.parse(Array.from({ length: MIN_BODIES_FOR_WORKERS }, (_, i) => '## Step ' + i));
await pool.close();
console.log(JSON.stringify({ stats: pool.stats, first: facts[0].headings[0].text }));`;
    // A file, not --eval: workers inherit the parent's flags, and --input-type is refused in a worker.
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(`${tmpdir()}/parse-pool-`);
    writeFileSync(`${dir}/run.mjs`, script);
    const out = spawnSync(process.execPath, [`${dir}/run.mjs`], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    rmSync(dir, { recursive: true, force: true });
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout)).toEqual({
      stats: { workers: 1, parsedOnWorkers: MIN_BODIES_FOR_WORKERS },
      first: 'Step 0',
    });
  });
});
