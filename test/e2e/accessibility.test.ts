/**
 * axe-core on every page type, light and dark, on a desktop and a 360 x 740 phone screen: no WCAG 2.2 A
 * or AA violations. Wide tables scroll in a region the keyboard reaches.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newSiteContext, type Device } from './helpers/browser.ts';
import { formatViolations, runAxe } from './helpers/axe.ts';
import { PAGE_TYPES, gotoPageType, type PageType } from './helpers/pages.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const DEVICES: Device[] = ['desktop', 'phone'];
/** A phone is checked at 360 x 740, where the payment methods table scrolls sideways. */
const screen = (device: Device) =>
  device === 'phone' ? { device, viewport: { width: 360, height: 740 } } : { device };

const cases = (Object.keys(PAGE_TYPES) as PageType[]).flatMap((type) =>
  (['light', 'dark'] as const).flatMap((theme) => DEVICES.map((device) => [type, theme, device] as const)),
);

describe('accessibility (axe-core, WCAG 2.2 A and AA)', () => {
  it.each(cases)('finds no violations on the %s page in the %s theme on a %s screen', async (type, theme, device) => {
    const context = await newSiteContext(browser, { theme, ...screen(device) });
    const page = await context.newPage();
    await gotoPageType(page, type);
    const violations = await runAxe(page);
    await context.close();
    expect(violations.length, `${type} (${theme}, ${device}):\n${formatViolations(violations)}`).toBe(0);
  });

  it.each((['light', 'dark'] as const).flatMap((theme) => DEVICES.map((device) => [theme, device] as const)))(
    'finds no violations on the article whose table scrolls on a phone, in the %s theme on a %s screen',
    async (theme, device) => {
      const context = await newSiteContext(browser, { theme, ...screen(device) });
      const page = await context.newPage();
      await page.goto('/billing/payment-methods/');
      const violations = await runAxe(page);
      await context.close();
      expect(violations.length, `payment methods (${theme}, ${device}):\n${formatViolations(violations)}`).toBe(0);
    },
  );

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

describe('a table wider than a phone', () => {
  it('scrolls in a named region that Tab reaches, shows focus and scrolls with the arrow keys', async () => {
    const context = await newSiteContext(browser, screen('phone'));
    const page = await context.newPage();
    await page.goto('/billing/payment-methods/');
    const region = page.getByRole('region', { name: 'Supported payment methods' });
    expect(await region.evaluate((r) => r.scrollWidth > r.clientWidth)).toBe(true);
    expect(await region.locator('table').count()).toBe(1);

    await page.locator('#supported-payment-methods').evaluate((h) => h.scrollIntoView());
    await page.locator('main').focus();
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await region.evaluate((r) => r === document.activeElement);
    }
    expect(reached).toBe(true);
    const outline = await region.evaluate((r) => getComputedStyle(r).outlineStyle);
    expect(outline).toBe('solid');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((r) => r.scrollLeft)).toBeGreaterThan(0);
    await context.close();
  });
});
