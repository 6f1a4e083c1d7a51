/**
 * Languages in the browser: the Arabic article renders right to left (a screenshot, and the
 * layout measured), is axe-clean in both themes, and a German search from a German page finds
 * German pages with German result text and a German answer card.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { REPO_ROOT } from '../helpers/build-site.ts';
import { launchBrowser, newSiteContext } from './helpers/browser.ts';
import { formatViolations, runAxe } from './helpers/axe.ts';

const OUT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(OUT_DIR, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

describe('an Arabic page', () => {
  it.each(['light', 'dark'] as const)('renders right to left and is axe-clean in the %s theme', async (theme) => {
    const context = await newSiteContext(browser, { theme });
    const page = await context.newPage();
    await page.goto('/ar/account/reset-password/');
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');
    // Right to left: the heading starts at the right edge of its container, the brand at the right of the header.
    const layout = await page.evaluate(() => {
      const h1 = document.querySelector('h1')!.getBoundingClientRect();
      const main = document.querySelector('.container')!.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('h1')!);
      const textBox = range.getBoundingClientRect();
      return { textRight: textBox.right, containerRight: main.right, h1Right: h1.right, textLeft: textBox.left };
    });
    expect(Math.abs(layout.textRight - layout.h1Right)).toBeLessThan(2);
    expect(layout.textLeft).toBeGreaterThan(layout.containerRight / 3);
    await page.screenshot({ path: path.join(OUT_DIR, `arabic-article-${theme}.png`), fullPage: false });
    const violations = await runAxe(page);
    await context.close();
    expect(violations.length, `Arabic article (${theme}):\n${formatViolations(violations)}`).toBe(0);
  });
});

describe('a German page', () => {
  it('searches the German index and shows German result text', async () => {
    const context = await newSiteContext(browser, { theme: 'light' });
    const page = await context.newPage();
    await page.goto('/de/');
    await page.locator('#home-search').click();
    await page.locator('#home-search').pressSequentially('Passwort');
    const first = page.locator('#home-search-results .result').first();
    await first.waitFor();
    expect(await first.getAttribute('href')).toBe('/de/account/reset-password/');
    expect(await page.locator('#home-search-results .result-meta').first().textContent()).toContain('Artikel');
    expect(await page.locator('[data-search="inline"] [data-search-status]').textContent()).toMatch(
      /Ergebnisse? für „Passwort“/,
    );
    await context.close();
  });

  it('adds the English results, marked, when a German search finds little', async () => {
    const context = await newSiteContext(browser, { theme: 'light' });
    const page = await context.newPage();
    await page.goto('/de/');
    await page.locator('#home-search').click();
    await page.locator('#home-search').pressSequentially('invoice');
    const english = page.locator('#home-search-results li[lang=en]');
    await english.first().waitFor();
    expect(await english.first().locator('a.result').getAttribute('href')).toBe('/billing/invoices-and-receipts/');
    expect(await english.first().locator('.result-language').textContent()).toBe('Auf Englisch');
    expect(await english.first().locator('.result-language').getAttribute('lang')).toBe('de');
    // A German search that finds enough in German stays German.
    await page.locator('#home-search').fill('');
    await page.locator('#home-search').pressSequentially('Rücksendung');
    await page.locator('#home-search-results a.result').first().waitFor();
    await expect.poll(() => page.locator('#home-search-results li[lang=en]').count()).toBe(0);
    await context.close();
  });

  it('shows the answer card in German', async () => {
    const context = await newSiteContext(browser, { theme: 'light' });
    const page = await context.newPage();
    await page.goto('/de/');
    await page.locator('#home-search').click();
    await page.locator('#home-search').pressSequentially('Wer zahlt den Rückversand');
    const card = page.locator('#home-search-results .answer-card');
    await card.waitFor();
    expect(await card.locator('.answer-card-label').textContent()).toBe('Antwort');
    expect(await card.getAttribute('aria-label')).toBe('Antwort');
    await context.close();
  });
});
