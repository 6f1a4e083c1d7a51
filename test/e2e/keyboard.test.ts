/** Using the help center with the keyboard only, and seeing where the focus is at every step. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { getE2eEnv, launchBrowser, newSiteContext } from './helpers/browser.ts';
import { getFocusInfo } from './helpers/page-checks.ts';

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newSiteContext(browser);
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(path);
  return page;
}

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const activeHref = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('href') ?? null);

describe('keyboard-only use', () => {
  it('focuses the page search box with "/" on the home page and on an article', async () => {
    const home = await open('/');
    await home.keyboard.press('/');
    expect(await activeId(home)).toBe('home-search');
    expect(await home.locator('#home-search').inputValue()).toBe('');

    const article = await open('/billing/payment-methods/');
    await article.keyboard.press('/');
    expect(await activeId(article)).toBe('header-search');
    await home.close();
    await article.close();
  });

  it('moves through results with the arrow keys and opens one with Enter', async () => {
    const page = await open('/');
    await page.keyboard.press('/');
    await page.keyboard.type('password');
    const links = page.locator('#home-search-results a');
    await links.nth(1).waitFor();
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));

    await page.keyboard.press('ArrowDown');
    expect(await activeHref(page)).toBe(hrefs[0]);
    await page.keyboard.press('ArrowDown');
    expect(await activeHref(page)).toBe(hrefs[1]);
    expect((await getFocusInfo(page))?.visible).toBe(true);
    await page.keyboard.press('ArrowUp');
    expect(await activeHref(page)).toBe(hrefs[0]);
    await page.keyboard.press('ArrowUp');
    expect(await activeId(page)).toBe('home-search');

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await Promise.all([page.waitForURL(`**${hrefs[1]}`), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname + new URL(page.url()).hash).toBe(hrefs[1]);
    await page.close();
  });

  it('shows a visible focus indicator on every element Tab reaches, on every page type', async () => {
    const problems: string[] = [];
    for (const path of ['/', '/billing/', '/account/reset-password/', '/faq/', '/search/?q=refund', '/no-such-page/']) {
      const page = await open(path);
      if (path.startsWith('/search/')) await page.locator('#page-search-results .result').first().waitFor();
      let stops = 0;
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        const focus = await getFocusInfo(page);
        if (!focus) break;
        stops++;
        if (!focus.visible || !focus.onScreen)
          problems.push(
            `${path}: Tab ${i + 1} -> ${focus.element} (outline: ${focus.outline}; box-shadow: ${focus.boxShadow}; on screen: ${focus.onScreen})`,
          );
      }
      expect(stops, `${path}: Tab reached almost nothing`).toBeGreaterThan(3);
      await page.close();
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('reaches the "Was this helpful?" buttons with Tab on an article', async (ctx) => {
    const { feedbackMissing, feedbackEndpoint } = getE2eEnv();
    if (feedbackMissing) ctx.skip(`the feedback widget is ${feedbackMissing}`);
    const page = await open('/account/reset-password/');
    const reached: string[] = [];
    for (let i = 0; i < 120 && reached.length < 2; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate((endpoint) => {
        const el = document.activeElement as HTMLButtonElement | null;
        if (!el || el.tagName !== 'BUTTON' || el.form?.action !== endpoint) return null;
        return el.textContent.replace(/\s+/g, ' ').trim();
      }, feedbackEndpoint);
      if (info) {
        reached.push(info);
        const focus = await getFocusInfo(page);
        expect(focus?.visible, `${focus?.element}: ${focus?.outline}`).toBe(true);
      }
    }
    expect(reached.map((t) => t.toLowerCase())).toEqual([expect.stringMatching(/^yes/), expect.stringMatching(/^no/)]);
    await page.close();
  });
});
