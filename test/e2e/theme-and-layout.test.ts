/** The dark/light toggle remembers the choice; a 360 px wide phone never scrolls sideways. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getE2eEnv, launchBrowser, newSiteContext } from './helpers/browser.ts';
import { getHorizontalOverflow } from './helpers/page-checks.ts';
import { PAGE_TYPES, gotoPageType, type PageType } from './helpers/pages.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const themeState = (page: Page) =>
  page.evaluate(() => ({
    theme: document.documentElement.dataset.theme ?? null,
    pressed: document.querySelector('[data-theme-toggle]')?.getAttribute('aria-pressed') ?? null,
    background: getComputedStyle(document.body).backgroundColor,
  }));

/** Closed FAQ answers are not laid out; open them so their width counts too. */
const openAllDetails = (page: Page) =>
  page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));

const LIGHT_BG = 'rgb(255, 255, 255)';
const DARK_BG = 'rgb(15, 18, 23)';

/** Every page the build wrote, as site paths (not the redirect stubs of moved articles). */
function listBuiltPages(outDir: string): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const abs = path.join(dir, name);
      if (statSync(abs).isDirectory()) {
        if (!['_astro', 'pagefind', 'images'].includes(name)) walk(abs);
      } else if (name === 'index.html' && !readFileSync(abs, 'utf8').includes('http-equiv="refresh"')) {
        pages.push(
          `/${path.relative(outDir, dir).split(path.sep).join('/')}/`.replace(/\/+$/, '/').replace(/^\/\/$/, '/'),
        );
      }
    }
  };
  walk(outDir);
  return pages.sort();
}

describe('the dark/light toggle', () => {
  it('switches the theme and keeps the choice across pages and reloads', async () => {
    const context = await newSiteContext(browser, { theme: 'light' });
    const page = await context.newPage();
    await page.goto('/');
    expect(await themeState(page)).toEqual({ theme: null, pressed: 'false', background: LIGHT_BG });

    await page.getByRole('button', { name: 'Dark theme' }).click();
    expect(await themeState(page)).toEqual({ theme: 'dark', pressed: 'true', background: DARK_BG });

    await page.goto('/account/reset-password/');
    expect(await themeState(page)).toEqual({ theme: 'dark', pressed: 'true', background: DARK_BG });
    await page.reload();
    expect(await themeState(page)).toEqual({ theme: 'dark', pressed: 'true', background: DARK_BG });

    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.goto('/faq/');
    expect(await themeState(page)).toEqual({ theme: 'light', pressed: 'false', background: LIGHT_BG });
    await context.close();
  });

  it('follows a dark system setting until the reader chooses light, then keeps light', async () => {
    const context = await newSiteContext(browser, { theme: 'dark' });
    const page = await context.newPage();
    await page.goto('/');
    expect(await themeState(page)).toEqual({ theme: null, pressed: 'true', background: DARK_BG });
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.reload();
    expect(await themeState(page)).toEqual({ theme: 'light', pressed: 'false', background: LIGHT_BG });
    await context.close();
  });
});

describe('a 360 px wide phone screen', () => {
  it.each(Object.keys(PAGE_TYPES) as PageType[])(
    'shows the %s page without horizontal scrolling, in light and dark',
    async (type) => {
      for (const theme of ['light', 'dark'] as const) {
        const context = await newSiteContext(browser, { theme, device: 'phone' });
        const page = await context.newPage();
        await gotoPageType(page, type);
        await openAllDetails(page);
        const overflow = await getHorizontalOverflow(page);
        expect(
          overflow.scrollWidth,
          `${type} (${theme}) is ${overflow.scrollWidth}px wide: ${overflow.culprits.join(', ')}`,
        ).toBeLessThanOrEqual(overflow.clientWidth);
        await context.close();
      }
    },
  );

  it('shows search results in the header dropdown without horizontal scrolling', async () => {
    const context = await newSiteContext(browser, { device: 'phone' });
    const page = await context.newPage();
    await page.goto('/billing/payment-methods/');
    await page.locator('#header-search').click();
    await page.locator('#header-search').pressSequentially('refund');
    await page.locator('#header-search-results .result').first().waitFor();
    const overflow = await getHorizontalOverflow(page);
    expect(overflow.scrollWidth, overflow.culprits.join(', ')).toBeLessThanOrEqual(overflow.clientWidth);
    await context.close();
  });

  it('shows every page of the sample site without horizontal scrolling', async () => {
    const context = await newSiteContext(browser, { device: 'phone' });
    const page = await context.newPage();
    const pages = listBuiltPages(getE2eEnv().outDir);
    expect(pages.length).toBeGreaterThan(40);
    const wide: string[] = [];
    for (const sitePath of pages) {
      await page.goto(sitePath);
      await openAllDetails(page);
      const overflow = await getHorizontalOverflow(page);
      if (overflow.scrollWidth > overflow.clientWidth)
        wide.push(`${sitePath}: ${overflow.scrollWidth}px (${overflow.culprits.join(', ')})`);
    }
    expect(wide, wide.join('\n')).toEqual([]);
    await context.close();
  }, 90_000);
});
