/**
 * Search insights end to end (site setting searchInsights, turned on for the e2e build by
 * HELP_CENTER_SEARCH_INSIGHTS=true): the search UI sends settled queries with sendBeacon to the
 * Node endpoint, which stores them in SQLite without anything about the reader. Also: a word
 * that exists only in content/synonyms.yaml finds its article in the real browser UI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { getE2eEnv, launchBrowser, newSiteContext } from './helpers/browser.ts';
import { readSearchEventColumns, waitForSearchEvents } from './helpers/feedback.ts';

const env = getE2eEnv();
const REFUND_PATH = '/returns-refunds/refund-timelines/';

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function freshPage(path: string): Promise<{ page: Page; requests: Request[] }> {
  await context?.close();
  context = await newSiteContext(browser);
  const page = await context.newPage();
  const requests: Request[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(`${env.feedbackEndpoint}/search`)) requests.push(r);
  });
  await page.goto(path);
  return { page, requests };
}

describe('synonyms in the browser', () => {
  it('finds the refund article for "reimbursement", a word only content/synonyms.yaml knows', async () => {
    const { page } = await freshPage('/');
    await page.locator('#home-search').click();
    await page.locator('#home-search').pressSequentially('reimbursement');
    const result = page.locator(`#home-search-results a.result[href="${REFUND_PATH}"]`).first();
    await result.waitFor({ state: 'visible', timeout: 3000 });
    expect((await result.innerText()).toLowerCase()).not.toContain('reimbursement');
    await result.click();
    await page.waitForURL(`**${REFUND_PATH}`);
    expect((await page.locator('body').innerText()).toLowerCase()).not.toContain('reimbursement');
  });
});

describe.skipIf(env.feedbackMissing)('search insights stored by the endpoint', () => {
  it('renders the insights endpoint on the search box', async () => {
    const { page } = await freshPage('/');
    expect(await page.locator('.search--inline').getAttribute('data-search-insights')).toBe(
      `${env.feedbackEndpoint}/search`,
    );
  });

  it('stores a no-result query, then the synonym query with the opened result and the suggestion, sent as text/plain beacons', async () => {
    const probe = `zqxprobe${Date.now().toString(36)}`;
    const { page, requests } = await freshPage('/');
    const input = page.locator('#home-search');
    await input.click();
    await input.pressSequentially(probe);
    await expect
      .poll(() => page.locator('.search--inline [data-search-status]').innerText())
      .toBe(`No results for “${probe}”.`);
    await page.waitForTimeout(1800); // the reader pauses: the query settles
    await input.fill('');
    await input.pressSequentially('Reimbursement');
    const result = page.locator(`#home-search-results a.result[href="${REFUND_PATH}"]`).first();
    await result.waitFor({ state: 'visible', timeout: 3000 });
    await result.click();
    await page.waitForURL(`**${REFUND_PATH}`);

    const rows = await waitForSearchEvents(env.feedbackDb, (r) => r.some((x) => x.refined_from === probe));
    const mine = rows.filter((r) => r.query === probe || r.refined_from === probe);
    expect(mine.map(({ day: _day, result_count, ...rest }) => ({ ...rest, found: result_count > 0 }))).toEqual([
      { query: probe, found: false, opened: null, contact: 0, refined_from: null },
      { query: 'reimbursement', found: true, opened: REFUND_PATH, contact: 0, refined_from: probe },
    ]);
    // Intermediate keystrokes ("r", "re", …) never settled, so they were not sent.
    expect(rows.filter((r) => r.query === 'reimburs')).toEqual([]);
    expect(requests.length).toBe(2);
    for (const r of requests) {
      expect(r.method()).toBe('POST');
      expect(r.headers()['content-type']).toBe('text/plain;charset=UTF-8');
    }
  });

  it("counts a click on the answer card's link as opening that result, a FAQ by its anchor", async () => {
    const { page } = await freshPage('/');
    const input = page.locator('#home-search');
    await input.click();
    await input.pressSequentially('why cant i log in');
    const link = page.locator('#home-search-results .answer-card .answer-card-title a');
    await link.waitFor({ state: 'visible', timeout: 3000 });
    await link.click();
    await page.waitForURL('**/faq/**');
    const rows = await waitForSearchEvents(env.feedbackDb, (r) => r.some((x) => x.query === 'why cant i log in'));
    expect(rows.filter((r) => r.query === 'why cant i log in').map((r) => r.opened)).toContain(
      '/faq/#why-cant-i-log-in',
    );
  });

  it('counts a "Yes" on the answer card as answered: the query is not among the results nobody opened', async () => {
    const query = 'why cant i log in';
    const before = (await waitForSearchEvents(env.feedbackDb, () => true)).filter((r) => r.query === query).length;
    const { page } = await freshPage('/');
    const input = page.locator('#home-search');
    await input.click();
    await input.pressSequentially(query);
    const yes = page.locator('#home-search-results .answer-card [data-answer-vote=up]');
    await yes.waitFor({ state: 'visible', timeout: 3000 });
    await yes.click();
    const rows = await waitForSearchEvents(env.feedbackDb, (r) => r.filter((x) => x.query === query).length > before);
    expect(rows.filter((r) => r.query === query).map((r) => r.opened)).toEqual(
      Array(before + 1).fill('/faq/#why-cant-i-log-in'),
    );
  });

  it('flags a contact click after a search with no results', async () => {
    const probe = `zqxcontact${Date.now().toString(36)}`;
    const { page } = await freshPage(`/search/?q=${probe}`);
    await expect.poll(() => page.locator('[data-search-status]').innerText()).toBe(`No results for “${probe}”.`);
    await page.locator('aside.contact a[href^="mailto:"]').click();
    const rows = await waitForSearchEvents(env.feedbackDb, (r) => r.some((x) => x.query === probe));
    expect(rows.filter((r) => r.query === probe).map((r) => [r.result_count, r.contact])).toEqual([[0, 1]]);
  });

  it('keeps nothing about the reader: no address, user agent or visitor hash column', () => {
    expect(readSearchEventColumns(env.feedbackDb)).toEqual([
      'id',
      'event_id',
      'day',
      'query',
      'result_count',
      'opened',
      'contact',
      'refined_from',
      'language',
      'revision',
      'received_at',
      'channel',
      'form_submitted',
    ]);
  });
});
