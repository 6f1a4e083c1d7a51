/**
 * Content tabs, collapsible callouts and definition lists on a built page: the HTML every reader
 * gets (every panel under its label without JavaScript), then in Chromium the tablist the script
 * makes (ARIA roles, arrow keys, synchronised groups) with axe finding nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import path from 'node:path';
import { buildSite } from '../helpers/build-site.ts';
import { readPage } from '../helpers/dist.ts';
import { article, writeTempSite } from '../helpers/temp-site.ts';
import { CHROMIUM_PATH } from '../e2e/helpers/browser.ts';
import { startStaticHost, type StaticHost } from '../e2e/helpers/static-host.ts';
import { formatViolations, runAxe } from '../e2e/helpers/axe.ts';

const BODY = `
## Install

::::tabs{group="os"}
:::tab[macOS]
Open **Finder**.
:::
:::tab[Windows]
Open **Explorer**.

:::note
Run it as an administrator.
:::
:::
::::

## Update

::::tabs{group="os"}
:::tab[macOS]
Press Update in the menu bar.
:::
:::tab[Windows]
Press Update in the tray.
:::
::::

:::details[Why does it take a day?]
The bank checks each refund by hand.
:::

:::warning[Old accounts]{open}
They keep the old limits.
:::

Refund
: Money sent back to the card.
`;

let outDir = '';
let host: StaticHost | undefined;
let browser: Browser | undefined;

beforeAll(() => {
  const root = writeTempSite({
    'content/articles/billing/install.md': article('Install the app').replace(/## First[\s\S]*$/, BODY),
  });
  const result = buildSite('markdown-features', path.join(root, 'content'));
  if (result.status !== 0) throw new Error(result.output);
  outDir = result.outDir;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('tabs, details and definition lists in the built page', () => {
  it('shows every panel under its label without JavaScript, and renders details and <dl>', () => {
    const page = readPage(outDir, '/billing/install/');
    const tabs = page.querySelectorAll('.prose .tabs');
    expect(tabs).toHaveLength(2);
    expect(tabs[0]!.getAttribute('data-tabs-group')).toBe('os');
    expect(tabs[0]!.querySelectorAll(':scope > .tab-panel > .tab-label').map((l) => l.textContent)).toEqual([
      'macOS',
      'Windows',
    ]);
    expect(tabs[0]!.querySelector('.tab-panel:nth-child(2) .callout-note')?.textContent).toContain('administrator');
    const details = page.querySelectorAll('.prose details.callout');
    expect(details.map((d) => [d.querySelector('summary')?.textContent, d.hasAttribute('open')])).toEqual([
      ['Why does it take a day?', false],
      ['Old accounts', true],
    ]);
    expect(page.querySelector('.prose dl')?.toString()).toBe(
      '<dl><dt>Refund</dt><dd>Money sent back to the card.</dd></dl>',
    );
  });

  it('is a keyboard tablist with synchronised groups once the script runs, and axe finds nothing', async () => {
    host = await startStaticHost(outDir, 4391);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH });
    const page: Page = await browser.newPage();
    await page.goto(`${host.url}/billing/install/`);
    const tablists = page.locator('.tabs [role="tablist"]');
    await tablists.first().waitFor();
    expect(await tablists.count()).toBe(2);
    const first = page.locator('.tabs').first();
    expect(await first.locator('[role="tab"]').allTextContents()).toEqual(['macOS', 'Windows']);
    expect(await first.locator('[role="tab"][aria-selected="true"]').textContent()).toBe('macOS');
    expect(await first.locator('[role="tabpanel"]:visible').count()).toBe(1);

    await first.locator('[role="tab"]').first().focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Windows');
    expect(await first.locator('[role="tabpanel"]:visible').textContent()).toContain('Explorer');
    // The other block of the group follows.
    expect(await page.locator('.tabs').nth(1).locator('[role="tabpanel"]:visible').textContent()).toContain('tray');
    await page.keyboard.press('Home');
    expect(await first.locator('[role="tab"][aria-selected="true"]').textContent()).toBe('macOS');

    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
  });
});
