import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isSearchFile, sumTransfer, type RunMeasurement } from './measure.ts';
import { percentile, summarizeTarget } from './report.ts';
import { serveSite } from './server.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'search-speed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the search speed benchmark', () => {
  it('serves text gzipped and Pagefind files as they are, as a static host does', async () => {
    const page = '<!doctype html><title>x</title>' + '<p>help</p>'.repeat(200);
    writeFileSync(path.join(dir, 'index.html'), page);
    writeFileSync(path.join(dir, 'en_1.pf_index'), Buffer.from([1, 2, 3]));
    const server = await serveSite(dir);
    try {
      const html = await fetch(`${server.url}/`, { headers: { 'accept-encoding': 'gzip' } });
      expect(html.headers.get('content-encoding')).toBe('gzip');
      // fetch() undoes the gzip; the length header is what went over the wire.
      expect(Number(html.headers.get('content-length'))).toBeLessThan(page.length / 5);
      expect(await html.text()).toBe(page);
      const chunk = await fetch(`${server.url}/en_1.pf_index`, { headers: { 'accept-encoding': 'gzip' } });
      expect(chunk.headers.get('content-encoding')).toBeNull();
      expect([...new Uint8Array(await chunk.arrayBuffer())]).toEqual([1, 2, 3]);
      expect((await fetch(`${server.url}/missing`)).status).toBe(404);
    } finally {
      await server.stop();
    }
  });

  it('sums transfers by kind and counts index chunks', () => {
    const t = sumTransfer([
      { url: 'http://h/pagefind/index/en_1.pf_index', bytes: 100 },
      { url: 'http://h/pagefind/index/en_2.pf_index', bytes: 50 },
      { url: 'http://h/pagefind/fragment/en_3.pf_fragment', bytes: 7 },
      { url: 'http://h/pagefind/wasm.en.pagefind', bytes: 60 },
      { url: 'http://h/pagefind/pagefind.js', bytes: 13 },
    ]);
    expect(t).toEqual({
      bytes: 230,
      requests: 5,
      indexChunks: 2,
      byKind: { index: 150, fragment: 7, wasm: 60, script: 13 },
    });
    expect(isSearchFile('http://h/_astro/search-ui.CpOZEIcG.js')).toBe(true);
    expect(isSearchFile('http://h/pagefind/pagefind-ui.js')).toBe(true);
    expect(isSearchFile('http://h/_astro/Layout.B1.css')).toBe(false);
  });

  it('takes percentiles over every query and the cold query as focus plus the first query', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    const transfer = (bytes: number, indexChunks = 1) => ({ bytes, requests: 1, indexChunks, byKind: {} });
    const run = (focus: number, first: number, times: Array<number | undefined>): RunMeasurement => ({
      target: 'x',
      pageLoad: transfer(10, 0),
      pageLoadSearch: transfer(1, 0),
      focus: transfer(focus, 0),
      queries: times.map((firstResultMs, i) => ({
        query: `q${i}`,
        firstResultMs,
        transfer: transfer(i === 0 ? first : 20, i === 0 ? 2 : 1),
      })),
    });
    const s = summarizeTarget('x', 'X', [run(100, 50, [300, 100, 120]), run(100, 90, [200, 110, undefined])]);
    expect(s.samples).toBe(5);
    expect(s.missing).toBe(1);
    expect(s.p50).toBe(120);
    expect(s.coldMs).toBe(250);
    expect(s.coldQueryBytes).toBe(170);
    expect([s.coldQueryMin, s.coldQueryMax]).toEqual([150, 190]);
    expect(s.chunksPerQuery).toBe(1);
    expect(s.warmQueryBytes).toBe(20);
  });
});
