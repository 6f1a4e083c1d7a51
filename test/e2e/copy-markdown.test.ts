/**
 * "Copy as Markdown" on article pages: with JavaScript, Enter on the link copies the page's
 * Markdown copy (of the page's own language) and a status message says so; without JavaScript it
 * is a plain link to the `.md` file. The page keeps 0 axe violations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { formatViolations, runAxe } from './helpers/axe.ts';
import { getE2eEnv, launchBrowser, newSiteContext } from './helpers/browser.ts';

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newSiteContext(browser);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: getE2eEnv().siteUrl });
});
afterAll(async () => {
  await browser?.close();
});

describe('Copy as Markdown', () => {
  it('copies the page as Markdown from the keyboard and says so, with 0 axe violations', async () => {
    const page = await context.newPage();
    await page.goto('/account/reset-password/');
    const link = page.getByRole('link', { name: 'Copy as Markdown' });
    expect(await link.getAttribute('href')).toBe('/account/reset-password.md');
    await link.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-copy-status]').textContent()).toBe('Copied the page as Markdown.');
    expect(page.url()).toMatch(/\/account\/reset-password\/$/);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.split('\n')[0]).toBe('# Reset your password');
    expect(copied).toContain('Source: https://help.parcelo.example/account/reset-password/');
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    await page.close();
  });

  it("copies a translated page's own Markdown", async () => {
    const page = await context.newPage();
    await page.goto('/de/account/reset-password/');
    await page.getByRole('link', { name: 'Als Markdown kopieren' }).click();
    await expect
      .poll(() => page.locator('[data-copy-status]').textContent())
      .toBe('Die Seite wurde als Markdown kopiert.');
    expect((await page.evaluate(() => navigator.clipboard.readText())).split('\n')[0]).toBe('# Passwort zurücksetzen');
    await page.close();
  });

  it('is a plain link to the .md copy without JavaScript', async () => {
    const noJs = await newSiteContext(browser, { javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto('/account/reset-password/');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/account/reset-password.md')),
      page.getByRole('link', { name: 'Copy as Markdown' }).click(),
    ]);
    expect(response.status()).toBe(200);
    await noJs.close();
  });
});
