import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeSearch } from '../../src/search/node-search.ts';
import { SITES_DIR } from '../helpers/build-site.ts';
import { readPage } from '../helpers/dist.ts';

const outDir = path.join(SITES_DIR, 'base-path');

describe('a help center served under /help with a draft and an MDX article', () => {
  it('never publishes drafts in a production build', async () => {
    expect(existsSync(path.join(outDir, 'start/unfinished'))).toBe(false);
    const search = await createNodeSearch(outDir, '/help/');
    expect(await search.search('Zanzibarian')).toEqual([]);
  });

  it('builds MDX articles', () => {
    const page = readPage(outDir, '/money/payouts/');
    expect(page.querySelector('.prose')?.textContent).toContain('within 3 business days');
  });

  it('prefixes every internal link with the base path, including rewritten file links', () => {
    const page = readPage(outDir, '/start/welcome/');
    const hrefs = page.querySelectorAll('.prose a').map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['/help/money/payouts/#when-payouts-arrive', '/help/images/logo.svg']);
    expect(page.querySelector('.breadcrumbs a')?.getAttribute('href')).toBe('/help/');
    expect(page.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(
      'https://example.test/help/start/welcome/',
    );
    expect(page.querySelector('form[role=search]')?.getAttribute('action')).toBe('/help/search/');
  });

  it('uses the category contact override on that category’s pages', () => {
    expect(readPage(outDir, '/money/payouts/').querySelector('#contact a[href^="mailto:"]')?.textContent).toBe(
      'money@example.test',
    );
    expect(readPage(outDir, '/start/welcome/').querySelector('#contact a[href^="mailto:"]')?.textContent).toBe(
      'help@example.test',
    );
  });

  it('returns search result URLs under the base path', async () => {
    const search = await createNodeSearch(outDir, '/help/');
    expect((await search.search('quokka'))[0]?.url).toBe('/help/faq/#payout-fees');
    expect((await search.search('payouts explained'))[0]?.url).toBe('/help/money/payouts/');
  });
});
