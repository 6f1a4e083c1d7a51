/**
 * The help center's design (issue 29, "Looks finished"): the home page's search, topic cards with
 * icons, popular and recently updated articles and the contact band; an article's table of contents
 * beside a comfortable measure on wide screens and above the text on narrow ones; both themes at
 * 360, 768 and 1280 px with axe at 0; and print, which leaves the site's chrome off the paper.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newSiteContext, type Theme } from './helpers/browser.ts';
import { formatViolations, runAxe } from './helpers/axe.ts';
import { getHorizontalOverflow } from './helpers/page-checks.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const WIDTHS = [360, 768, 1280] as const;
const THEMES: Theme[] = ['light', 'dark'];
const PAGES = {
  home: '/',
  article: '/returns-refunds/start-a-return/',
  category: '/billing/',
} as const;
const ARTICLE = PAGES.article;

async function open(theme: Theme, width: number, sitePath: string) {
  const context = await newSiteContext(browser, { theme, viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(sitePath);
  return { context, page };
}

const box = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return {
        left: r.left,
        right: r.right,
        top: r.top,
        bottom: r.bottom,
        width: r.width,
        display: getComputedStyle(el).display,
      };
    });

describe('the design in both themes at 360, 768 and 1280 px', () => {
  const cases = (Object.keys(PAGES) as Array<keyof typeof PAGES>).flatMap((name) =>
    THEMES.flatMap((theme) => WIDTHS.map((width) => [name, theme, width] as const)),
  );

  it.each(cases)(
    'the %s page in the %s theme at %i px: axe finds nothing, nothing scrolls sideways',
    async (name, theme, width) => {
      const { context, page } = await open(theme, width, PAGES[name]);
      const violations = await runAxe(page);
      const overflow = await getHorizontalOverflow(page);
      await context.close();
      expect(violations.length, `${name} (${theme}, ${width}px):\n${formatViolations(violations)}`).toBe(0);
      expect(
        overflow.scrollWidth,
        `${name} (${theme}, ${width}px): ${overflow.culprits.join(', ')}`,
      ).toBeLessThanOrEqual(overflow.clientWidth);
    },
  );
});

describe('the home page', () => {
  it('has one large search box, topic cards each with an icon, popular and recent articles and the contact band', async () => {
    const { context, page } = await open('light', 1280, '/');
    expect(await page.locator('input[type="search"]').count()).toBe(1);
    const search = await box(page, '#home-search');
    expect(search.width).toBeGreaterThan(400);

    const cards = page.locator('.card-grid .card');
    expect(await cards.count()).toBe(7);
    expect(await page.locator('.card-grid .card .card-icon svg').count()).toBe(7);
    // Each category's own icon: seven cards, seven different drawings.
    const drawings = await page
      .locator('.card-grid .card-icon svg')
      .evaluateAll((svgs) => svgs.map((s) => s.innerHTML));
    expect(new Set(drawings).size).toBe(7);

    expect(await page.getByRole('heading', { name: 'Popular articles' }).count()).toBe(1);
    expect(await page.locator('#featured-heading + ul a').count()).toBeGreaterThan(0);
    const dates = await page
      .locator('#recent-heading + ul time')
      .evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!));
    expect(dates.length).toBeGreaterThan(0);
    expect(dates).toEqual([...dates].sort().reverse());

    // The panels side by side at 1280 px.
    const popular = await box(page, '#featured-heading');
    const recent = await box(page, '#recent-heading');
    expect(recent.left).toBeGreaterThan(popular.right);
    expect(Math.abs(recent.top - popular.top)).toBeLessThan(2);

    const band = page.getByRole('complementary', { name: 'Still need help?' });
    expect(await band.locator('.contact-channels li').count()).toBe(4);
    expect(await band.locator('.contact-channels svg').count()).toBe(4);
    expect(await band.getByRole('link', { name: 'help@parcelo.example' }).count()).toBe(1);
    // Full width: the band reaches both edges of the window.
    const bandBox = await box(page, '.contact--band');
    expect(bandBox.left).toBe(0);
    expect(bandBox.width).toBe(1280);
    await context.close();
  });
});

describe('an article', () => {
  /** The text's width in characters of its own font ("0"), as CSS's ch counts them. */
  const measureInCh = (page: Page) =>
    page.locator('.prose').evaluate((prose) => {
      const probe = document.createElement('span');
      probe.style.cssText = 'position:absolute;visibility:hidden;width:1ch';
      prose.append(probe);
      const ch = probe.getBoundingClientRect().width;
      probe.remove();
      return prose.getBoundingClientRect().width / ch;
    });

  it('at 1280 px: the category list, the text at about 72 characters and the table of contents side by side; the contents stay in view', async () => {
    const { context, page } = await open('light', 1280, ARTICLE);
    const nav = await box(page, '.category-nav');
    const prose = await box(page, '.prose');
    const toc = await box(page, '.toc');
    const title = await box(page, '.article-header h1');
    expect(nav.right).toBeLessThan(prose.left);
    expect(toc.left).toBeGreaterThan(prose.right);
    // The contents start beside the title, not below the header.
    expect(toc.top).toBeLessThan(title.bottom);
    const ch = await measureInCh(page);
    expect(ch).toBeGreaterThan(60);
    expect(ch).toBeLessThanOrEqual(75);
    // The article is marked in the category's list.
    expect(await page.locator('.category-nav [aria-current="page"]').innerText()).toBe('Start a return');

    await page.locator('#after-you-send-it-back').scrollIntoViewIfNeeded();
    const tocAfter = await box(page, '.toc');
    expect(tocAfter.top).toBeGreaterThanOrEqual(0);
    expect(tocAfter.top).toBeLessThan(100);
    await context.close();
  });

  it('shows related articles as cards with their descriptions', async () => {
    const { context, page } = await open('light', 1280, ARTICLE);
    const related = page.locator('.article-end .article-cards a');
    expect(await related.count()).toBeGreaterThan(0);
    expect(await related.first().locator('.desc').innerText()).not.toBe('');
    await context.close();
  });

  it.each([768, 360])('at %i px: the contents above the text, no side list', async (width) => {
    const { context, page } = await open('dark', width, ARTICLE);
    const prose = await box(page, '.prose');
    const toc = await box(page, '.toc');
    expect(toc.bottom).toBeLessThanOrEqual(prose.top);
    expect((await box(page, '.category-nav')).display).toBe('none');
    await context.close();
  });
});

describe('print', () => {
  /** The selectors of `selectors` that some element matches and that are not all display: none. */
  const shownChrome = (page: Page, selectors: string[]) =>
    page.evaluate(
      (list) =>
        list.filter((selector) => {
          const els = [...document.querySelectorAll(selector)];
          return els.length === 0 || els.some((el) => getComputedStyle(el).display !== 'none');
        }),
      selectors,
    );

  it.each(THEMES)(
    'prints an article in the %s theme without the site chrome, on white, with link addresses',
    async (theme) => {
      const { context, page } = await open(theme, 1280, '/account/reset-password/');
      await page.emulateMedia({ media: 'print' });
      // Header (search, theme toggle), footer, breadcrumbs, side list, feedback and pager: none on paper.
      expect(
        await shownChrome(page, [
          '.site-header',
          '.site-footer',
          '.search',
          '.category-nav',
          '.breadcrumbs',
          '.article-end',
          '.fb',
        ]),
      ).toEqual([]);
      const colours = await page.evaluate(() => ({
        body: getComputedStyle(document.body).backgroundColor,
        text: getComputedStyle(document.body).color,
        contact: getComputedStyle(document.querySelector('.contact')!).backgroundColor,
      }));
      expect(colours).toEqual({ body: 'rgb(255, 255, 255)', text: 'rgb(0, 0, 0)', contact: 'rgb(255, 255, 255)' });
      // An outside link prints its address after the text; the title and the text are there.
      const after = await page
        .locator('.prose a[href="https://parcelo.example"]')
        .evaluate((a) => getComputedStyle(a, '::after').content);
      expect(after).toBe('" (https://parcelo.example)"');
      expect(await page.locator('.article-header h1').isVisible()).toBe(true);
      expect(await page.locator('.prose').isVisible()).toBe(true);

      // An article with a table of contents prints without it, its text the page's full width.
      await page.goto(ARTICLE);
      expect(await shownChrome(page, ['.toc'])).toEqual([]);
      const widths = await page.evaluate(() => ({
        prose: document.querySelector('.prose')!.getBoundingClientRect().width,
        main: document.querySelector('main .container')!.getBoundingClientRect().width,
      }));
      expect(widths.prose).toBeGreaterThan(widths.main - 40);
      await context.close();
    },
  );
});
