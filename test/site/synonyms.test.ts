/**
 * Synonyms from content/synonyms.yaml, end to end: a small fixture site is built with the real
 * `astro build` and searched through its real Pagefind index.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeSearch, type NodeSearch } from '../../src/search/node-search.ts';
import { buildSite, REPO_ROOT } from '../helpers/build-site.ts';
import { readPage, text } from '../helpers/dist.ts';

const fixture = path.join(REPO_ROOT, 'test/fixtures/search-synonyms/content');
let outDir: string;
let search: NodeSearch;

beforeAll(async () => {
  const build = buildSite('search-synonyms', fixture);
  if (build.status !== 0) throw new Error(`Building the synonyms fixture failed:\n${build.output}`);
  outDir = build.outDir;
  search = await createNodeSearch(outDir);
});

const urls = async (query: string) => (await search.search(query)).map((r) => r.url);

describe('a search with only a synonym (real Pagefind index)', () => {
  it('finds the article whose title uses the other word of the group first', async () => {
    expect((await urls('reimbursement'))[0]).toBe('/returns/refund-timelines/');
    expect((await urls('money back'))[0]).toBe('/returns/refund-timelines/');
  });

  it('ranks a page that only mentions the word in its body after the page about it', async () => {
    const found = await urls('reimbursement');
    expect(found).toContain('/returns/start-a-return/');
    expect(found.indexOf('/returns/start-a-return/')).toBeGreaterThan(found.indexOf('/returns/refund-timelines/'));
  });

  it('works in both directions within a group, for articles and FAQ questions', async () => {
    expect(await urls('login')).toEqual(expect.arrayContaining(['/faq/#why-cant-i-log-in', '/account/sign-in-help/']));
    expect(await urls('sign in')).toContain('/faq/#why-cant-i-log-in');
  });

  it('corrects a typo in a synonym, since synonyms are in the search vocabulary', async () => {
    expect(search.plan('reimbursment').terms).toEqual(['reimbursement']);
    expect((await urls('reimbursment'))[0]).toBe('/returns/refund-timelines/');
  });
});

describe('synonyms stay out of what readers see', () => {
  it('are only in the search index: no page carries them, in its text or its attributes', async () => {
    const page = readPage(outDir, '/returns/refund-timelines/');
    expect(text(page.querySelector('body'))).not.toMatch(/reimbursement|money back/i);
    const carriers = page
      .querySelectorAll('*')
      .flatMap((el) => Object.entries(el.attributes).map(([name, value]) => ({ name, value })))
      .filter(({ value }) => /reimbursement/i.test(value));
    expect(carriers).toEqual([]);
    const [first] = await search.search('reimbursement');
    expect(first?.meta.synonyms).toBe('refund, money back, reimbursement');
  });

  it('keeps them out of result excerpts and the indexed content', async () => {
    const [first] = await search.search('reimbursement');
    expect(first?.excerpt).not.toMatch(/reimbursement/i);
    expect((first as unknown as { content: string }).content).not.toMatch(/reimbursement/i);
    expect(first?.meta.title).toBe('Refund timelines');
  });
});

describe('a malformed synonyms file', () => {
  it('stops the build with the file, line and fix', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'hc-synonyms-'));
    cpSync(fixture, path.join(root, 'content'), { recursive: true });
    writeFileSync(path.join(root, 'content/synonyms.yaml'), '# ok\nrefund: money back,, reimbursement\nsign in:\n');
    const build = buildSite('search-synonyms-invalid', path.join(root, 'content'));
    expect(build.status).not.toBe(0);
    expect(build.output).toContain(
      'content/synonyms.yaml:2:1  error  refund[1]: must not be empty; remove the extra comma  (synonyms)',
    );
    expect(build.output).toContain(
      'content/synonyms.yaml:3:1  error  sign in: expected the other words of the group, like "money back, reimbursement"  (synonyms)',
    );
  });
});
