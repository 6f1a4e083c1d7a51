/**
 * The dark/light toggle says what it does and whether the reader's choice is on, and remembers it;
 * a 360 px wide phone never scrolls sideways, has a compact header and one search box on the home page.
 */
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

/** The mean luminance (0 black to 1 white) of a PNG given as base64, measured in the page's canvas. */
async function meanLuminance(png: string): Promise<number> {
  const image = new Image();
  image.src = `data:image/png;base64,${png}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) sum += 0.2126 * data[i]! + 0.7152 * data[i + 1]! + 0.0722 * data[i + 2]!;
  return sum / (data.length / 4) / 255;
}

/** Closed FAQ answers are not laid out; open them so their width counts too. */
const openAllDetails = (page: Page) =>
  page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));

const LIGHT_BG = 'rgb(255, 255, 255)';
const DARK_BG = 'rgb(15, 18, 23)';
/** A pressed toggle in the dark theme: the theme's text colour as its background. */
const PRESSED_BG_DARK = 'rgb(232, 234, 237)';

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

/** The toggle's accessible name, its pressed state, the remembered choice and what the page looks like. */
const toggleState = async (page: Page) => ({
  ...(await themeState(page)),
  name: await page.locator('[data-theme-toggle]').evaluate((b) => (b as HTMLElement).innerText.trim()),
  stored: await page.evaluate(() => localStorage.getItem('theme')),
});

describe('the dark/light toggle', () => {
  it('on a light system offers the dark theme, keeps it across pages and reloads, and unpressed follows the system', async () => {
    const context = await newSiteContext(browser, { theme: 'light' });
    const page = await context.newPage();
    await page.goto('/');
    const followsLight = { theme: null, pressed: 'false', background: LIGHT_BG, name: 'Dark theme', stored: null };
    expect(await toggleState(page)).toEqual(followsLight);

    await page.getByRole('button', { name: 'Dark theme' }).click();
    const chosenDark = { theme: 'dark', pressed: 'true', background: DARK_BG, name: 'Dark theme', stored: 'dark' };
    expect(await toggleState(page)).toEqual(chosenDark);

    await page.goto('/account/reset-password/');
    expect(await toggleState(page)).toEqual(chosenDark);
    await page.reload();
    expect(await toggleState(page)).toEqual(chosenDark);

    await page.getByRole('button', { name: 'Dark theme', pressed: true }).click();
    expect(await toggleState(page)).toEqual(followsLight);
    await page.goto('/faq/');
    expect(await toggleState(page)).toEqual(followsLight);
    await context.close();
  });

  it('on a dark system is not pressed and offers the light theme, which it then keeps', async () => {
    const context = await newSiteContext(browser, { theme: 'dark' });
    const page = await context.newPage();
    await page.goto('/');
    const followsDark = { theme: null, pressed: 'false', background: DARK_BG, name: 'Light theme', stored: null };
    expect(await toggleState(page)).toEqual(followsDark);
    await expect(page.getByRole('button', { name: 'Dark theme' }).count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Light theme', pressed: false }).click();
    await page.reload();
    expect(await toggleState(page)).toEqual({
      theme: 'light',
      pressed: 'true',
      background: LIGHT_BG,
      name: 'Light theme',
      stored: 'light',
    });
    await page.getByRole('button', { name: 'Light theme', pressed: true }).click();
    expect(await toggleState(page)).toEqual(followsDark);
    await context.close();
  });

  it('shows the right name and pressed look before its script runs, and follows a change of the system setting', async () => {
    const context = await newSiteContext(browser, { theme: 'light' });
    await context.addInitScript(() => localStorage.setItem('theme', 'dark'));
    const page = await context.newPage();
    // Without the toggle's module script: what the first paint shows comes from HTML, CSS and the head script.
    let removed = false;
    await page.route('**/account/reset-password/', async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        /<script type="module">[^<]*data-theme-toggle[^<]*<\/script>/,
        () => {
          removed = true;
          return '';
        },
      );
      await route.fulfill({ response, body: html });
    });
    await page.goto('/account/reset-password/');
    expect(removed).toBe(true);
    const look = () =>
      page.locator('[data-theme-toggle]').evaluate((b) => {
        const style = getComputedStyle(b);
        return {
          name: (b as HTMLElement).innerText.trim(),
          shown: style.display !== 'none',
          background: style.backgroundColor,
        };
      });
    // Pressed looks inverted: the text colour as background (the dark theme's text colour).
    expect(await look()).toEqual({ name: 'Dark theme', shown: true, background: PRESSED_BG_DARK });

    await page.unroute('**/account/reset-password/');
    await page.reload();
    expect(await toggleState(page)).toMatchObject({ theme: 'dark', pressed: 'true', name: 'Dark theme' });
    expect((await look()).background).toBe(PRESSED_BG_DARK);
    // The system turns dark: the remembered dark is now the system's, so the toggle offers light, unpressed.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => toggleState(page)).toMatchObject({ theme: 'dark', pressed: 'false', name: 'Light theme' });
    await context.close();
  });

  it('is not shown without JavaScript, where it could do nothing', async () => {
    const context = await newSiteContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/');
    expect(await page.locator('[data-theme-toggle]').isVisible()).toBe(false);
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

  /** 360 x 740: a small phone's screen. */
  const SMALL_PHONE = { width: 360, height: 740 };
  const headerHeight = (page: Page) =>
    page.locator('.site-header').evaluate((h) => Math.round(h.getBoundingClientRect().height));
  /** The search boxes a reader sees in the first screen, by input id. */
  const searchBoxesInFirstScreen = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement>('input[type="search"]')]
        .filter((input) => {
          const box = input.getBoundingClientRect();
          return box.width > 0 && box.height > 0 && box.top < window.innerHeight && box.bottom > 0;
        })
        .map((input) => input.id),
    );

  // Before the compact header: 203 px on the home page (with the language switcher), 168 px on an article.
  it.each([
    ['home', '/', 125],
    ['article', '/billing/payment-methods/', 150],
  ] as const)('keeps the header of the %s page compact at 360 x 740', async (_name, sitePath, maxHeight) => {
    for (const theme of ['light', 'dark'] as const) {
      const context = await newSiteContext(browser, { theme, device: 'phone', viewport: SMALL_PHONE });
      const page = await context.newPage();
      await page.goto(sitePath);
      expect(await headerHeight(page), `${sitePath} (${theme})`).toBeLessThanOrEqual(maxHeight);
      await context.close();
    }
  });

  it("shows one search box in the home page's first screen, still reachable by keyboard and as a landmark", async () => {
    const context = await newSiteContext(browser, { device: 'phone', viewport: SMALL_PHONE });
    const page = await context.newPage();
    await page.goto('/');
    expect(await searchBoxesInFirstScreen(page)).toEqual(['home-search']);
    const landmarks = page.getByRole('search');
    expect(await landmarks.count()).toBe(1);
    expect(await landmarks.getAttribute('aria-label')).toBe('Search for answers');
    // The skip link is the first stop, then the header's links; Tab reaches the search box without a hidden stop.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    const stops: string[] = [];
    for (let i = 0; i < 12 && !stops.includes('home-search'); i++) {
      await page.keyboard.press('Tab');
      stops.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || ''));
    }
    expect(stops).toContain('home-search');
    expect(stops).not.toContain('header-search');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('home-search');
    await context.close();

    // An article keeps the header's box on a phone; the home page has only the hero's at any width.
    const phone = await newSiteContext(browser, { device: 'phone', viewport: SMALL_PHONE });
    const article = await phone.newPage();
    await article.goto('/billing/payment-methods/');
    expect(await searchBoxesInFirstScreen(article)).toEqual(['header-search']);
    await phone.close();
    const desktop = await newSiteContext(browser);
    const home = await desktop.newPage();
    await home.goto('/');
    expect(await searchBoxesInFirstScreen(home)).toEqual(['home-search']);
    await desktop.close();
  });

  it.each([
    ['/orders-shipping/track-your-order/', 'order-status-timeline.svg'],
    ['/returns-refunds/start-a-return/', 'return-steps.svg'],
  ])('shows the diagram on %s at a readable size, in the colours of the theme', async (sitePath, file) => {
    const looks: Record<string, number> = {};
    for (const [system, chosen] of [
      ['light', null],
      ['dark', null],
      ['dark', 'light'],
      ['light', 'dark'],
    ] as const) {
      const context = await newSiteContext(browser, { theme: system, device: 'phone', viewport: SMALL_PHONE });
      if (chosen) await context.addInitScript((theme) => localStorage.setItem('theme', theme), chosen);
      const page = await context.newPage();
      await page.goto(sitePath);
      const image = page.locator(`.prose img[src$="/${file}"]`);
      await image.scrollIntoViewIfNeeded();
      await image.evaluate((img: HTMLImageElement) => img.decode());
      // Drawn at (nearly) its own size: its 13 px labels stay at least 12 px on the phone.
      const scale = await image.evaluate(
        (img: HTMLImageElement) => img.getBoundingClientRect().width / img.naturalWidth,
      );
      expect(scale, `${sitePath} is drawn at ${scale} of its size`).toBeGreaterThanOrEqual(0.92);
      const shot = (await image.screenshot()).toString('base64');
      looks[`${system}/${chosen ?? 'system'}`] = await page.evaluate(meanLuminance, shot);
      await context.close();
    }
    const theme = (key: string) => (looks[key]! < 0.5 ? 'dark' : 'light');
    expect(Object.keys(looks).map(theme), JSON.stringify(looks)).toEqual(['light', 'dark', 'light', 'dark']);
  });

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
