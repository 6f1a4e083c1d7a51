/**
 * Content tabs, collapsible callouts and definition lists on a built page: the HTML every reader
 * gets (every panel under its label without JavaScript), then in Chromium the tablist the script
 * makes (ARIA roles, arrow keys, synchronised groups) with axe finding nothing. FAQ answers with
 * tabs get the script on the FAQ page and their category page (pages without tabs load none), and
 * the widget's copy of an answer, rebuilt by the widget's own code, shows every panel under its label.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSite } from '../helpers/build-site.ts';
import { readPage } from '../helpers/dist.ts';
import { article, faq, writeTempSite } from '../helpers/temp-site.ts';
import { REPO_ROOT } from '../helpers/build-site.ts';
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

const FAQ_ANSWER = `
::::tabs{group="os"}
:::tab[macOS]
Open **Wallet** and choose *Refunds*.
:::
:::tab[Windows]
Open **Settings** > *Payments*.
:::
::::

:::details[Why a day?]
The bank checks each refund by hand.
:::

Refund
: Money sent back to the card.
`;

/** Whether a built page loads the content tabs' script: inline, or from a file of its own. */
function loadsTabScript(sitePath: string): boolean {
  const page = readPage(outDir, sitePath);
  return page.querySelectorAll('script').some((script) => {
    const src = script.getAttribute('src');
    const code = src && existsSync(path.join(outDir, src)) ? readFileSync(path.join(outDir, src), 'utf8') : script.text;
    return code.includes('hk-tabs:');
  });
}

let outDir = '';
let host: StaticHost | undefined;
let browser: Browser | undefined;

beforeAll(() => {
  const root = writeTempSite({
    'content/articles/billing/install.md': article('Install the app').replace(/## First[\s\S]*$/, BODY),
    'content/faqs/billing/refund-steps.md': faq('How do I ask for a refund?').replace('The answer.', FAQ_ANSWER),
    'content/faqs/account/close.md': faq('How do I close my account?'),
    'content/articles/account/profile.md': article('Edit your profile'),
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
    // (Sätteri puts a newline between the elements, white space the page does not show.)
    expect(page.querySelector('.prose dl')?.toString().replace(/\n/g, '')).toBe(
      '<dl><dt>Refund</dt><dd>Money sent back to the card.</dd></dl>',
    );
  });

  it('loads the tab script on the FAQ page and category pages whose answers have tabs, and nowhere else', () => {
    expect(loadsTabScript('/billing/install/')).toBe(true);
    expect(loadsTabScript('/faq/')).toBe(true);
    expect(loadsTabScript('/billing/')).toBe(true);
    expect(loadsTabScript('/account/')).toBe(false);
    expect(loadsTabScript('/account/profile/')).toBe(false);
    const answer = readPage(outDir, '/faq/').querySelector('#refund-steps .tabs');
    expect(answer?.querySelectorAll('.tab-label').map((l) => l.textContent)).toEqual(['macOS', 'Windows']);
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

  it('works in FAQ answers: on the FAQ page and the category page, the answer shows a tablist', async () => {
    browser ??= await chromium.launch({ executablePath: CHROMIUM_PATH });
    host ??= await startStaticHost(outDir, 4391);
    for (const sitePath of ['/faq/', '/billing/']) {
      // A new visit each time: a tab group's choice is kept for the visit, and would carry over.
      const context = await browser.newContext();
      const page: Page = await context.newPage();
      await page.goto(`${host.url}${sitePath}`);
      const item = page.locator('#refund-steps');
      await item.locator('summary').first().click();
      const tabs = item.locator('.tabs [role="tab"]');
      await tabs.first().waitFor();
      expect(await tabs.allTextContents(), sitePath).toEqual(['macOS', 'Windows']);
      expect(await item.locator('[role="tabpanel"]:visible').textContent(), sitePath).toContain('Wallet');
      await tabs.first().focus();
      await page.keyboard.press('ArrowRight');
      expect(await item.locator('[role="tabpanel"]:visible').textContent(), sitePath).toContain('Payments');
      const violations = await runAxe(page);
      expect(violations, formatViolations(violations)).toEqual([]);
      await context.close();
    }
  });

  it("shows the widget's copy of the answer with every panel under its label, through the widget's own rebuild", async () => {
    const fragment = JSON.parse(readFileSync(path.join(outDir, 'widget/faq/refund-steps.json'), 'utf8')) as {
      html: string;
    };
    expect(fragment.html).toContain('<p class="tab-label"><strong>macOS</strong></p>');
    expect(fragment.html).not.toContain('data-tabs-group');
    // The widget's code that puts a fragment into a product page (safe-dom.ts), bundled for the browser.
    const bundle = await build({
      entryPoints: [path.join(REPO_ROOT, 'src/widget/safe-dom.ts')],
      bundle: true,
      format: 'iife',
      globalName: 'safeDom',
      write: false,
    });
    browser ??= await chromium.launch({ executablePath: CHROMIUM_PATH });
    host ??= await startStaticHost(outDir, 4391);
    const page: Page = await browser.newPage();
    await page.goto(`${host.url}/search/`);
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    const shown = await page.evaluate(
      ({ html, helpUrl }) => {
        const { buildFragment } = (globalThis as unknown as { safeDom: typeof import('../../src/widget/safe-dom.ts') })
          .safeDom;
        const root = document.createElement('div');
        root.append(buildFragment(html, helpUrl));
        document.body.append(root);
        return {
          html: root.innerHTML,
          labels: [...root.querySelectorAll('.tabs > .tab-panel > .tab-label')].map((l) => l.textContent),
          panels: [...root.querySelectorAll('.tab-panel')].map((p) => (p as HTMLElement).innerText),
          summary: root.querySelector('details.callout > summary')?.textContent,
          definition: [...root.querySelectorAll('dl > dt, dl > dd')].map((d) => `${d.localName}:${d.textContent}`),
        };
      },
      { html: fragment.html, helpUrl: `${host.url}/` },
    );
    expect(shown.labels).toEqual(['macOS', 'Windows']);
    expect(shown.panels[0]).toMatch(/^macOS\s+Open Wallet and choose Refunds\.$/);
    expect(shown.panels[1]).toMatch(/^Windows\s+Open Settings > Payments\.$/);
    expect(shown.summary).toBe('Why a day?');
    expect(shown.definition).toEqual(['dt:Refund', 'dd:Money sent back to the card.']);
    expect(shown.html).not.toMatch(/\son\w+=|<script|style=/);
    await page.close();
  });
});
