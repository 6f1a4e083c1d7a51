/**
 * The widget's language per embedding page: a German product page on another origin gets the
 * German widget (strings, search index, route map, articles in the panel) from its `<html lang>`
 * or the element's `lang`; a language the help center lacks falls back to the default one.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { getE2eEnv, launchBrowser } from './helpers/browser.ts';

const env = getE2eEnv();

/** A product page whose `<html lang>` is `?lang=` (default en); `?element=<code>` sets the element's lang. */
function productPage(url: URL): string {
  const lang = url.searchParams.get('lang') ?? 'en';
  const element = url.searchParams.get('element');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Parcelo</title></head><body>
<main><h1>Parcelo</h1></main>
${element ? `<help-center lang="${element}"></help-center>` : ''}
<script src="${env.helpHostUrl}/widget.js" defer></script>
</body></html>`;
}

let product: http.Server;
let browser: Browser;
let context: BrowserContext | undefined;
beforeAll(async () => {
  product = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(productPage(new URL(req.url ?? '/', env.productUrl)));
  });
  await new Promise<void>((resolve) => product.listen(env.productPort, '127.0.0.1', resolve));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => product?.close(resolve));
});

async function openProduct(productPath: string): Promise<Page> {
  await context?.close();
  context = await browser.newContext({ baseURL: env.productUrl });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.log(`[product page] ${err.message}`));
  await page.goto(productPath);
  await page.locator('help-center .launcher').waitFor({ state: 'visible' });
  return page;
}

async function search(page: Page, query: string, quote: string): Promise<void> {
  await page.locator('help-center input[type=search]').pressSequentially(query);
  await page.locator('help-center [data-status]').filter({ hasText: quote }).waitFor({ timeout: 10_000 });
}

describe('the widget in the embedding page’s language', () => {
  it('in a German page: German strings, German articles found, the German article opened in the panel', async () => {
    const page = await openProduct('/settings/security/password?lang=de');
    const launcher = page.locator('help-center .launcher');
    expect(await launcher.textContent()).toBe('Hilfe');
    await launcher.click();
    // The route map in German: the German title of the article for this product page.
    await expect
      .poll(() => page.locator('help-center [data-list] h3').textContent())
      .toBe('Vorschläge für diese Seite');
    expect(await page.locator('help-center [data-list] a.result').first().textContent()).toBe('Passwort zurücksetzen');
    expect(await page.locator('help-center label').first().textContent()).toBe('Hilfe-Center durchsuchen');
    await search(page, 'Passwort vergessen', '„Passwort vergessen“');
    const first = page.locator('help-center [data-list] a.result').first();
    expect(await first.getAttribute('href')).toContain('/de/account/');
    await first.click();
    await page.locator('help-center .article h1').waitFor();
    expect(await page.locator('help-center .article h1').textContent()).toMatch(/Passwort/);
    // The host page's own lang is untouched by the widget's German index.
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await page.locator('help-center .panel').getAttribute('lang')).toBe('de');
  });

  it('takes the element’s lang over the page’s, and falls back to English for a language the site lacks', async () => {
    const chosen = await openProduct('/dashboard?lang=en&element=de-CH');
    expect(await chosen.locator('help-center .launcher').textContent()).toBe('Hilfe');
    await chosen.locator('help-center .launcher').click();
    await search(chosen, 'Erstattung', '„Erstattung“');
    expect(await chosen.locator('help-center [data-list] a.result').first().getAttribute('href')).toContain('/de/');
    expect(await chosen.evaluate(() => document.documentElement.lang)).toBe('en');

    const french = await openProduct('/dashboard?lang=fr');
    expect(await french.locator('help-center .launcher').textContent()).toBe('Help');
    await french.locator('help-center .launcher').click();
    await search(french, 'refund', '“refund”');
    expect(await french.locator('help-center [data-list] a.result').first().getAttribute('href')).not.toContain('/de/');
  });

  it('in German, adds the English results when the German search finds little, marked and opened in English', async () => {
    const page = await openProduct('/dashboard?lang=de');
    await page.locator('help-center .launcher').click();
    // No German page says "invoice"; the English article on invoices does.
    await search(page, 'invoice', '„invoice“');
    const english = page.locator('help-center [data-list] li[lang=en]');
    await english.first().waitFor();
    expect(await english.first().locator('a.result').getAttribute('href')).toBe(
      `${env.helpHostUrl}/billing/invoices-and-receipts/`,
    );
    expect(await english.first().locator('.result-language').textContent()).toBe(' · Auf Englisch');
    expect(await english.first().locator('.result-language').getAttribute('lang')).toBe('de');
    await english.first().locator('a.result').click();
    await page.locator('help-center .article h1').waitFor();
    expect(await page.locator('help-center .article h1').textContent()).toBe('Download invoices and receipts');
  });
});
