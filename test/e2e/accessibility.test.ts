/** axe-core on every page type, light and dark: no WCAG 2.2 A or AA violations. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newSiteContext } from './helpers/browser.ts';
import { formatViolations, runAxe } from './helpers/axe.ts';
import { PAGE_TYPES, gotoPageType, type PageType } from './helpers/pages.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const cases = (Object.keys(PAGE_TYPES) as PageType[]).flatMap((type) =>
  (['light', 'dark'] as const).map((theme) => [type, theme] as const),
);

describe('accessibility (axe-core, WCAG 2.2 A and AA)', () => {
  it.each(cases)('finds no violations on the %s page in the %s theme', async (type, theme) => {
    const context = await newSiteContext(browser, { theme });
    const page = await context.newPage();
    await gotoPageType(page, type);
    const violations = await runAxe(page);
    await context.close();
    expect(violations.length, `${type} (${theme}):\n${formatViolations(violations)}`).toBe(0);
  });

  it.each(['light', 'dark'] as const)(
    'finds no violations with the FAQ answers open and search results showing, in the %s theme',
    async (theme) => {
      const context = await newSiteContext(browser, { theme });
      const page = await context.newPage();
      await page.goto('/faq/');
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      await page.locator('#header-search').click();
      await page.locator('#header-search').pressSequentially('refund');
      await page.locator('#header-search-results .result').first().waitFor();
      const violations = await runAxe(page);
      await context.close();
      expect(
        violations.length,
        `FAQ with answers open and the search dropdown (${theme}):\n${formatViolations(violations)}`,
      ).toBe(0);
    },
  );

  it('finds no violations in the dark theme chosen with the toggle on a light system', async () => {
    const context = await newSiteContext(browser, { theme: 'light' });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    const problems: string[] = [];
    for (const type of ['home', 'article with a table', 'article with code', 'faq'] as const) {
      await gotoPageType(page, type);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      const violations = await runAxe(page);
      if (violations.length > 0) problems.push(`${type} (toggled dark):\n${formatViolations(violations)}`);
    }
    await context.close();
    expect(problems, problems.join('\n\n')).toEqual([]);
  });
});
