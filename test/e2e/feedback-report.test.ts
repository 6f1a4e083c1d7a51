/**
 * The HTML feedback report in Chromium: axe-core clean (WCAG 2.2 A and AA) in both themes, on a
 * desktop and at phone width (no sideways page scroll), with the folded items open too; sorting
 * works from the keyboard.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createSqliteStore } from '../../src/feedback/server/stores/sqlite.ts';
import { formatReportHtml } from '../../src/tools/report/format-html.ts';
import { loadFeedbackReport } from '../../src/tools/report/load-report.ts';
import { createContentFixture } from '../helpers/feedback/content-fixture.ts';
import { createVoteRecord } from '../helpers/feedback/store-contract.ts';
import { formatViolations, runAxe } from './helpers/axe.ts';
import { launchBrowser, VIEWPORTS, type Device, type Theme } from './helpers/browser.ts';

const fixture = createContentFixture();
/** One 1,000-character word (a pasted token or URL): it once stretched the page to 9,573 px. */
const LONG_WORD_COMMENT = `See ${'x'.repeat(1000)}`;
let browser: Browser;
let html: string;

beforeAll(async () => {
  const content = path.join(fixture.root, 'content');
  appendFileSync(path.join(content, 'site.yaml'), 'editUrl: https://git.example.com/help/edit/main\n');
  writeFileSync(
    path.join(content, 'imported-votes.yaml'),
    'article:invoices: { source: "zendesk", exported: "2026-01-15", up: 40, down: 9 }\n',
  );
  const dbFile = path.join(fixture.root, 'data', 'feedback.db');
  const store = await createSqliteStore({ file: dbFile });
  const day = (d: number) => Date.parse(`2026-03-${String(d).padStart(2, '0')}T09:00:00Z`);
  for (let i = 0; i < 12; i++)
    await store.recordVote(
      createVoteRecord({
        itemId: i % 3 ? 'article:invoices' : 'article:reset-password',
        vote: i % 4 ? 'up' : 'down',
        reason: i % 4 ? null : 'hard-to-follow',
        comment: i === 0 ? 'The button is called "Forgot password" now.' : i === 6 ? LONG_WORD_COMMENT : null,
        receivedAt: day(2 + i),
      }),
    );
  await store.close();
  const report = await loadFeedbackReport({
    root: fixture.root,
    store: dbFile,
    since: new Date('2026-03-01T00:00:00Z'),
    now: new Date('2026-03-20T00:00:00Z'),
  });
  html = formatReportHtml(report);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  fixture.cleanup();
});

const cases = (['light', 'dark'] as Theme[]).flatMap((theme) =>
  (['desktop', 'phone'] as Device[]).map((device) => [theme, device] as const),
);

describe('the HTML feedback report', () => {
  it.each(cases)('has no axe violations in the %s theme on a %s, folded items open', async (theme, device) => {
    const context = await browser.newContext({ viewport: VIEWPORTS[device], colorScheme: theme });
    const page = await context.newPage();
    await page.setContent(html);
    expect(await page.locator('details summary').first().textContent()).toContain('without votes');
    // Wide tables scroll in their own region; the page itself does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      VIEWPORTS[device].width,
    );
    const closed = await runAxe(page);
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    const open = await runAxe(page);
    await context.close();
    expect(closed.length, `${theme}, ${device}:\n${formatViolations(closed)}`).toBe(0);
    expect(open.length, `${theme}, ${device}, details open:\n${formatViolations(open)}`).toBe(0);
  });

  it.each(['desktop', 'phone'] as Device[])(
    'keeps a comment with a 1,000-character word inside the page width on a %s, comments open',
    async (device) => {
      const context = await browser.newContext({ viewport: VIEWPORTS[device] });
      const page = await context.newPage();
      await page.setContent(html);
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      const quote = page.locator('blockquote', { hasText: 'xxxxxxxxxx' });
      expect(await quote.isVisible()).toBe(true);
      const box = await quote.boundingBox();
      const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      await context.close();
      expect(pageWidth).toBeLessThanOrEqual(VIEWPORTS[device].width);
      expect(box!.x + box!.width).toBeLessThanOrEqual(VIEWPORTS[device].width);
    },
  );

  it('sorts the ranked table from the keyboard', async () => {
    const page = await browser.newPage();
    await page.setContent(html);
    const votes = page.getByRole('button', { name: 'Votes', exact: true });
    await votes.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('table[data-sortable] th[aria-sort]').textContent()).toBe('Votes');
    expect(await page.locator('table[data-sortable] th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
    const first = await page.locator('table[data-sortable] tbody tr').first().locator('td').first().textContent();
    expect(first).toContain('Reset your password');
    await page.close();
  });
});
