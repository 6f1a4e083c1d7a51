/** Searching as a reader does: results as you type, FAQ answers opened in place, the search page. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newSiteContext } from './helpers/browser.ts';

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newSiteContext(browser);
});
afterAll(async () => {
  await browser?.close();
});

async function openPage(path: string): Promise<Page> {
  await page?.close();
  page = await context.newPage();
  await page.goto(path);
  return page;
}

/** A fast typist: about 100 words a minute. */
const KEY_DELAY_MS = 60;

/** Types like a reader and returns how long after the last keystroke the expected result link appeared (ms). */
async function typeAndWaitForResult(
  p: Page,
  inputSelector: string,
  query: string,
  resultHref: string,
): Promise<number> {
  const input = p.locator(inputSelector);
  await input.click();
  await input.pressSequentially(query, { delay: KEY_DELAY_MS });
  const started = Date.now();
  await p
    .locator(`${inputSelector} >> xpath=ancestor::div[@data-search]//a[@href="${resultHref}"]`)
    .first()
    .waitFor({ state: 'visible', timeout: 1000 });
  const ms = Date.now() - started;
  console.log(`"${query}": ${resultHref} shown ${ms} ms after the last keystroke`);
  return ms;
}

const resultTexts = (p: Page) => p.locator('#page-search-results .result').allInnerTexts();

describe('search from the home page', () => {
  it('shows the matching article within a second of typing and opens it on click', async () => {
    const p = await openPage('/');
    const ms = await typeAndWaitForResult(p, '#home-search', 'reset password', '/account/reset-password/');
    expect(ms).toBeLessThan(1000);
    await p.locator('#home-search-results a.result[href="/account/reset-password/"]').click();
    await p.waitForURL('**/account/reset-password/');
    expect(await p.locator('h1').innerText()).toBe('Reset your password');
  });

  it('lands a query that matches a FAQ question on that question, opened', async () => {
    const p = await openPage('/');
    const ms = await typeAndWaitForResult(p, '#home-search', 'deliver on Sundays', '/faq/#deliver-on-sundays');
    expect(ms).toBeLessThan(1000);
    await p.locator('#home-search-results a.result[href="/faq/#deliver-on-sundays"]').click();
    await p.waitForURL('**/faq/#deliver-on-sundays');
    const item = p.locator('details#deliver-on-sundays');
    await expect.poll(() => item.evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
    expect(await item.locator('summary').innerText()).toBe('Do you deliver on Sundays?');
    expect(await item.locator('.faq-answer').isVisible()).toBe(true);
  });

  it('says when nothing matches and links to the ways to contact us', async () => {
    const p = await openPage('/');
    await p.locator('#home-search').click();
    await p.locator('#home-search').pressSequentially('xylophonequartz');
    const status = p.locator('#home-search ~ [data-search-status], .search--inline [data-search-status]').first();
    await expect.poll(() => status.innerText()).toBe('No results for “xylophonequartz”.');
    const contact = p.locator('#home-search-results a', { hasText: 'see ways to contact us' });
    await contact.click();
    await p.waitForURL('**/search/?q=xylophonequartz');
    expect(await p.locator('aside.contact').isVisible()).toBe(true);
  });
});

describe('the search page', () => {
  it('runs the query in ?q= on load and keeps it in the box', async () => {
    const p = await openPage('/search/?q=reset%20password');
    await p.locator('#page-search-results a.result[href="/account/reset-password/"]').waitFor();
    expect(await p.locator('#page-search').inputValue()).toBe('reset password');
    expect(await p.locator('[data-search-status]').innerText()).toMatch(/^\d+ results? for “reset password”/);
  });

  it('honours the type filter from the URL and when it changes', async () => {
    const p = await openPage('/search/?q=refund&type=faq');
    await p.locator('#page-search-results .result').first().waitFor();
    expect(await p.locator('select[name=type]').inputValue()).toBe('faq');
    const faqs = await resultTexts(p);
    expect(faqs.length).toBeGreaterThan(0);
    for (const text of faqs) expect(text).toMatch(/· FAQ/);
    expect(
      await p
        .locator('#page-search-results a.result')
        .evaluateAll((as) => as.every((a) => a.getAttribute('href')!.startsWith('/faq/#'))),
    ).toBe(true);

    await p.locator('select[name=type]').selectOption('article');
    await expect.poll(async () => (await resultTexts(p)).every((t) => t.includes('· Article'))).toBe(true);
    expect(new URL(p.url()).searchParams.get('type')).toBe('article');
  });

  it('honours the category filter from the URL and when it changes', async () => {
    const p = await openPage('/search/?q=refund&category=billing');
    await p.locator('#page-search-results .result').first().waitFor();
    expect(await p.locator('select[name=category]').inputValue()).toBe('billing');
    for (const text of await resultTexts(p)) expect(text).toContain('Payments and billing');

    await p.locator('select[name=category]').selectOption('returns-refunds');
    await expect
      .poll(async () => {
        const texts = await resultTexts(p);
        return texts.length > 0 && texts.every((t) => t.includes('Returns and refunds'));
      })
      .toBe(true);
    expect(new URL(p.url()).searchParams.get('category')).toBe('returns-refunds');
  });

  it('says when nothing matches and offers the contact channels', async () => {
    const p = await openPage('/search/?q=xylophonequartz');
    const status = p.locator('[data-search-status]');
    await expect.poll(() => status.innerText()).toBe('No results for “xylophonequartz”.');
    expect(await p.locator('#page-search-results').innerText()).toContain('Try fewer or different words');
    const contact = p.locator('aside.contact');
    expect(await contact.isVisible()).toBe(true);
    expect(await contact.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      'https://parcelo.example/chat',
      'mailto:help@parcelo.example',
      'tel:+15550100',
      'https://parcelo.example/support/new',
    ]);
  });
});

describe('more results than fit', () => {
  it('links from the dropdown to all results, and Escape closes it but keeps the query', async () => {
    const p = await openPage('/account/reset-password/');
    const input = p.locator('#header-search');
    await input.click();
    await input.pressSequentially('order');
    const all = p.locator('#header-search-results a.result-all');
    await all.waitFor({ state: 'visible' });
    expect(await all.getAttribute('href')).toBe('/search/?q=order');
    expect(await all.innerText()).toMatch(/^See all \d+ results$/);
    await input.press('Escape');
    expect(await p.locator('#header-search-results').isHidden()).toBe(true);
    expect(await input.inputValue()).toBe('order');
    await input.press('Enter');
    await p.waitForURL('**/search/?q=order');
  });

  it('puts the filters before the results on the search page and pages past the first 20', async () => {
    const p = await openPage('/search/?q=you');
    // Cold page: the engine, the first six results' data (section ranking, query.ts), then the
    // other 14: over a second on a loaded machine. This test is about order and paging, not speed.
    await expect.poll(async () => (await resultTexts(p)).length, { timeout: 5000 }).toBe(20);
    const filtersFirst = await p.evaluate(() => {
      const filters = document.querySelector('[data-search-filters]')!;
      const results = document.querySelector('#page-search-results')!;
      return Boolean(filters.compareDocumentPosition(results) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(filtersFirst).toBe(true);
    const more = p.locator('#page-search-results [data-search-more]');
    expect(await more.innerText()).toMatch(/^Show \d+ more results?$/);
    await more.click();
    await expect.poll(async () => (await resultTexts(p)).length).toBeGreaterThan(20);
    const focused = await p.evaluate(() => {
      const links = [...document.querySelectorAll('#page-search-results .result-list > li > a.result')];
      return links.indexOf(document.activeElement as Element);
    });
    expect(focused).toBe(20);
  });
});

describe('what searching fetches', () => {
  /** A new page that records the path of every request, and the Pagefind index chunks among them. */
  async function openLoggingRequests() {
    const p = await context.newPage();
    const requests: string[] = [];
    p.on('request', (r) => requests.push(new URL(r.url()).pathname));
    return { p, requests, chunks: () => requests.filter((r) => r.endsWith('.pf_index')) };
  }

  it('loads Pagefind on focus, and no index chunk while the word typed has fewer than three letters', async () => {
    const { p, requests, chunks } = await openLoggingRequests();
    try {
      await p.goto('/');
      await p.waitForLoadState('networkidle');
      expect(requests.filter((r) => r.includes('/pagefind/'))).toEqual([]);

      const input = p.locator('#home-search');
      // Pagefind's metadata is the last file its start-up fetches.
      const started = p.waitForResponse((r) => r.url().endsWith('.pf_meta'));
      await input.click();
      await started;
      expect(requests).toContain('/pagefind/pagefind.js');
      expect(chunks()).toEqual([]);

      // Two letters typed and a moment's wait, longer than the pause between keys that searches:
      // a prefix this short matches most of the index, so nothing is fetched for it yet.
      await input.pressSequentially('re', { delay: KEY_DELAY_MS });
      await p.waitForTimeout(250);
      expect(chunks()).toEqual([]);

      await input.pressSequentially('fund', { delay: KEY_DELAY_MS });
      await p.locator('#home-search-results a.result').first().waitFor();
      expect(chunks().length).toBeGreaterThan(0);
      expect(await p.locator('.search--inline [data-search-status]').first().innerText()).toMatch(/for “refund”/);
    } finally {
      await p.close();
    }
  });

  it('fetches no index chunk while the last word is the first three letters of a word of the index', async () => {
    const { p, chunks } = await openLoggingRequests();
    try {
      await p.goto('/');
      const input = p.locator('#home-search');
      const vocabulary = p.waitForResponse((r) => /help-center-vocabulary[^/]*\.json$/.test(r.url()));
      const started = p.waitForResponse((r) => r.url().endsWith('.pf_meta'));
      await input.click();
      await Promise.all([vocabulary, started]);
      // Pagefind starts up after its files arrive.
      await p.waitForTimeout(300);
      // "ref" is three letters but no word of the sample's vocabulary: the reader is still typing it.
      await input.pressSequentially('ref', { delay: KEY_DELAY_MS });
      await p.waitForTimeout(250);
      expect(chunks()).toEqual([]);

      await input.pressSequentially('und', { delay: KEY_DELAY_MS });
      await p.locator('#home-search-results a.result').first().waitFor();
      expect(chunks().length).toBeGreaterThan(0);
    } finally {
      await p.close();
    }
  });
});
