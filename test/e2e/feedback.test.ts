/**
 * "Was this helpful?" end to end: the widget on the built site posts to the Node endpoint
 * (npm run feedback:serve) on SQLite, with and without JavaScript.
 *
 * The widget contract these tests rely on (src/feedback/widget/FeedbackWidget.astro):
 * - one <form> per item whose action is the site's feedback endpoint, with buttons named "Yes…"
 *   and "No…" (the vote) that also work as plain form submits without JavaScript;
 * - after "No", the element #feedback-reasons-<anchor> (getReasonsId) offers a `reason` control
 *   (radios or a select, values as in FEEDBACK_REASONS), a `comment` textarea and a submit button;
 * - after a vote, #feedback-thanks-<anchor> (getThanksId) is shown: by script, and without
 *   JavaScript as the :target of the endpoint's redirect;
 * - after a reload the remembered vote's button is pressed (aria-pressed="true").
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getReasonsId, getThanksId } from '../../src/feedback/anchors.ts';
import { getE2eEnv, launchBrowser, newSiteContext } from './helpers/browser.ts';
import { FEEDBACK_SERVE, readVotes, waitForVotes } from './helpers/feedback.ts';

const env = getE2eEnv();
const skipReason = env.feedbackMissing ? `the feedback feature is ${env.feedbackMissing}` : undefined;
const serverMissing = existsSync(FEEDBACK_SERVE)
  ? undefined
  : 'dist/cli/index.js is missing (npm run build:package compiles it)';

let browser: Browser;
beforeAll(async () => {
  if (serverMissing) return;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The widget form of one item on the page. */
const widgetForm = (page: Page, itemId: string) =>
  page
    .locator(`form[action="${env.feedbackEndpoint}"]`)
    .filter({ has: page.locator(`[id="${getReasonsId(itemId)}"], input[name="itemId"][value="${itemId}"]`) })
    .first();

async function chooseReason(page: Page, itemId: string, reason: string): Promise<void> {
  const reasons = page.locator(`[id="${getReasonsId(itemId)}"]`);
  const select = reasons.locator('select[name="reason"]');
  if ((await select.count()) > 0) await select.selectOption(reason);
  else await reasons.locator(`input[name="reason"][value="${reason}"]`).check();
}

describe.skipIf(serverMissing)(
  `the Node feedback endpoint on SQLite${serverMissing ? ` (skipped: ${serverMissing})` : ''}`,
  () => {
    it('stores a vote a page of the site posts with fetch (CORS from the site origin)', async () => {
      const manifest = JSON.parse(readFileSync(path.join(env.outDir, 'feedback-manifest.json'), 'utf8')) as {
        revision: string;
      };
      const context = await newSiteContext(browser);
      const page = await context.newPage();
      await page.goto('/faq/');
      const before = readVotes(env.feedbackDb).length;
      const status = await page.evaluate(
        async ({ endpoint, revision }) => {
          const response = await fetch(endpoint, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              itemId: 'faq:deliver-on-sundays',
              pagePath: '/faq/',
              vote: 'up',
              language: 'en',
              revision,
              eventId: crypto.randomUUID(),
            }),
          });
          return response.status;
        },
        { endpoint: env.feedbackEndpoint, revision: manifest.revision },
      );
      expect(status).toBe(202);
      const rows = await waitForVotes(env.feedbackDb, (r) => r.length > before);
      expect(rows.slice(before)).toEqual([
        { item_id: 'faq:deliver-on-sundays', vote: 'up', reason: null, comment: null, page_path: '/faq/' },
      ]);
      await context.close();
    });
  },
);

describe.skipIf(skipReason)(`"Was this helpful?" feedback${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  it('stores exactly the "No" vote with its reason and comment, and shows it remembered after a reload', async () => {
    const itemId = 'article:reset-password';
    const context = await newSiteContext(browser);
    const page = await context.newPage();
    await page.goto('/account/reset-password/');
    const before = readVotes(env.feedbackDb).length;
    const form = widgetForm(page, itemId);
    await form.getByRole('button', { name: /^no\b/i }).click();
    const reasons = page.locator(`[id="${getReasonsId(itemId)}"]`);
    await reasons.waitFor({ state: 'visible' });
    await chooseReason(page, itemId, 'hard-to-follow');
    await reasons.locator('textarea[name="comment"]').fill('Step 2 does not say where the reset link is.');
    await reasons.getByRole('button', { name: /send|submit/i }).click();
    await page.locator(`[id="${getThanksId(itemId)}"]`).waitFor({ state: 'visible' });

    const rows = await waitForVotes(env.feedbackDb, (r) => r.some((v) => v.item_id === itemId && v.comment !== null));
    expect(rows.slice(before)).toEqual([
      {
        item_id: itemId,
        vote: 'down',
        reason: 'hard-to-follow',
        comment: 'Step 2 does not say where the reset link is.',
        page_path: '/account/reset-password/',
      },
    ]);

    await page.reload();
    const no = form.getByRole('button', { name: /^no\b/i });
    await expect.poll(() => no.getAttribute('aria-pressed')).toBe('true');
    expect(await form.getByRole('button', { name: /^yes\b/i }).getAttribute('aria-pressed')).toBe('false');
    expect(readVotes(env.feedbackDb).slice(before)).toHaveLength(1);
    await context.close();
  });

  it('records a vote without JavaScript and returns to the article', async () => {
    const itemId = 'article:payment-methods';
    const context = await newSiteContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/billing/payment-methods/');
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/billing/payment-methods/' && url.hash === `#${getThanksId(itemId)}`),
      widgetForm(page, itemId)
        .getByRole('button', { name: /^yes\b/i })
        .click(),
    ]);
    expect(await page.locator(`[id="${getThanksId(itemId)}"]`).isVisible()).toBe(true);
    expect(await page.locator('h1').innerText()).toBe('Add or remove a payment method');
    const rows = await waitForVotes(env.feedbackDb, (r) => r.some((v) => v.item_id === itemId));
    expect(rows.filter((v) => v.item_id === itemId)).toEqual([
      { item_id: itemId, vote: 'up', reason: null, comment: null, page_path: '/billing/payment-methods/' },
    ]);
    await context.close();
  });
});
