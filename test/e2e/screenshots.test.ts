/**
 * Screenshots of the main pages (and the end of an article, where the feedback widget is), light and
 * dark, desktop and 360 px phone, saved as test artefacts in test-results/screenshots/ (gitignored).
 * E2E_UPDATE_DOCS_SCREENSHOTS=1 also refreshes the subset the README shows (docs/screenshots/, as
 * palette PNGs). The README's before/after pair comes from scripts/readme-screenshots.ts.
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { REPO_ROOT } from '../helpers/build-site.ts';
import { launchBrowser, newSiteContext, type Device, type Theme } from './helpers/browser.ts';

const OUT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');
const DOCS_DIR = path.join(REPO_ROOT, 'docs', 'screenshots');

const SHOTS: Record<string, (page: Page) => Promise<void>> = {
  home: async (page) => {
    await page.goto('/');
  },
  article: async (page) => {
    await page.goto('/orders-shipping/track-your-order/');
  },
  'article-end': async (page) => {
    await page.goto('/account/reset-password/');
    // The end of the article: "Was this helpful?" (when the site has an endpoint), related articles, the pager.
    await page.locator('.article-end').scrollIntoViewIfNeeded();
  },
  'payment-methods': async (page) => {
    // The table, which scrolls sideways in its region on a phone; the region has keyboard focus.
    await page.goto('/billing/payment-methods/');
    await page.locator('#supported-payment-methods').evaluate((h) => h.scrollIntoView());
    await page
      .locator('.table-scroll')
      .first()
      .evaluate((r: HTMLElement) => r.focus({ preventScroll: true }));
  },
  faq: async (page) => {
    await page.goto('/faq/#deliver-on-sundays');
    await page.locator('details#deliver-on-sundays[open]').waitFor();
  },
  'search-results': async (page) => {
    await page.goto('/search/?q=refund');
    await page.locator('#page-search-results .result').first().waitFor();
    await page.locator('#page-search').blur();
  },
};

/** The README's subset: file name in docs/screenshots/ <- artefact name. */
const DOCS_SUBSET: Record<string, string> = {
  'home.png': 'home-light-desktop.png',
  'article.png': 'article-light-desktop.png',
  'home-phone-light.png': 'home-light-phone.png',
  'home-phone-dark.png': 'home-dark-phone.png',
  'payment-methods-phone-light.png': 'payment-methods-light-phone.png',
  'payment-methods-phone-dark.png': 'payment-methods-dark-phone.png',
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(OUT_DIR, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

const cases = Object.keys(SHOTS).flatMap((name) =>
  (['light', 'dark'] as Theme[]).flatMap((theme) =>
    (['desktop', 'phone'] as Device[]).map((device) => [name, theme, device] as const),
  ),
);

describe('screenshots for review', () => {
  it.each(cases)('saves the %s page in the %s theme on a %s screen', async (name, theme, device) => {
    const context = await newSiteContext(browser, { theme, device });
    const page = await context.newPage();
    await SHOTS[name]!(page);
    await page.evaluate(() => document.fonts.ready);
    const file = path.join(OUT_DIR, `${name}-${theme}-${device}.png`);
    await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
    await context.close();
    expect(statSync(file).size).toBeGreaterThan(5000);
  });

  // Palette PNGs (128 colours): a third of the size, no difference a reader of the README sees.
  it.runIf(process.env.E2E_UPDATE_DOCS_SCREENSHOTS === '1')(
    'copies the README subset to docs/screenshots/',
    async () => {
      for (const [docName, artefact] of Object.entries(DOCS_SUBSET))
        await sharp(path.join(OUT_DIR, artefact))
          .png({ palette: true, colours: 128, compressionLevel: 9, effort: 10 })
          .toFile(path.join(DOCS_DIR, docName));
    },
  );
});
