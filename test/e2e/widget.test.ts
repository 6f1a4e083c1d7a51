/**
 * The in-product widget end to end: a "product" page on another origin embeds /widget.js from
 * a host that applies the build's `_headers`; the widget searches the help center's Pagefind
 * index across origins, opens articles and FAQs in its panel, suggests the article for the
 * product page from the route map, works by keyboard alone and passes axe. A ticket form on
 * the product page gets suggestions and reports deflection events, which the report counts.
 * Answer cards: on the help center's own search page, with their vote stored.
 */
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { openReadOnly } from '../helpers/sqlite-file.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT } from '../helpers/build-site.ts';
import { formatViolations, WCAG_TAGS } from './helpers/axe.ts';
import { getE2eEnv, launchBrowser, newSiteContext } from './helpers/browser.ts';
import { waitForVotes, type VoteRow } from './helpers/feedback.ts';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';

const env = getE2eEnv();
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

function productPage(title: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>
<header><p>Parcelo</p></header>
<main><h1>${title}</h1>
<form id="ticket" action="/sent" method="get" data-help-center-deflect data-help-center-subject="#subject">
<label for="subject">Subject</label> <input id="subject" name="subject" autocomplete="off"> <button type="submit">Send request</button>
</form></main>
<script src="${env.helpHostUrl}/widget.js" defer></script>
</body></html>`;
}

let product: http.Server;
let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  product = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(productPage(req.url?.startsWith('/sent') ? 'Request sent' : 'Parcelo app'));
  });
  await new Promise<void>((resolve) => product.listen(env.productPort, '127.0.0.1', resolve));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => product?.close(resolve));
});

async function openProduct(productPath: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
  await context?.close();
  context = await browser.newContext({ baseURL: env.productUrl, viewport });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.log(`[product page] ${err.message}`));
  await page.goto(productPath);
  await page.locator('help-center .launcher').waitFor({ state: 'visible' });
  return page;
}

const panel = (page: Page) => page.locator('help-center .panel');
const results = (page: Page) => page.locator('help-center [data-list] a.result');

async function search(page: Page, query: string): Promise<void> {
  const input = page.locator('help-center input[type=search]');
  await input.fill('');
  await input.pressSequentially(query);
  await page
    .locator('help-center [data-status]')
    .filter({ hasText: `for “${query}”` })
    .waitFor({ timeout: 10_000 });
}

function readFormEvents(): Array<{
  query: string;
  result_count: number;
  opened: string | null;
  form_submitted: number;
}> {
  const db = openReadOnly(env.feedbackDb);
  try {
    return db
      .prepare(
        "SELECT query, result_count, opened, form_submitted FROM search_events WHERE channel = 'form' ORDER BY id",
      )
      .all() as unknown as Array<{
      query: string;
      result_count: number;
      opened: string | null;
      form_submitted: number;
    }>;
  } finally {
    db.close();
  }
}

async function waitFor<T>(read: () => T, ok: (v: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = read();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    value = read();
  }
  return value;
}

describe('the in-product widget on another origin', () => {
  it('adds a launcher without touching the host page: no globals, no styles outside its shadow root', async () => {
    const page = await openProduct('/dashboard');
    expect(await page.evaluate(() => Object.keys(window).filter((k) => /help|widget|pagefind/i.test(k)))).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('style, link[rel=stylesheet]').length)).toBe(0);
    expect(await page.evaluate(() => Boolean(document.querySelector('help-center')?.shadowRoot))).toBe(true);
  });

  it('searches the help center across origins and finds an article and a FAQ', async () => {
    const page = await openProduct('/dashboard');
    await page.locator('help-center .launcher').click();
    await search(page, 'reset password');
    const hrefs = await results(page).evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs).toContain(`${env.helpHostUrl}/account/reset-password/`);
    await search(page, 'why cant i log in');
    const faq = await results(page).evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(faq).toContain(`${env.helpHostUrl}/faq/#why-cant-i-log-in`);
    // The FAQ is the best result: its answer shows above the results.
    await expect(page.locator('help-center .answer-card').innerText()).resolves.toContain('Forgot password');
  });

  it("waits while the last word has one or two letters, as the help center's search box does (typing-pause.ts)", async () => {
    const page = await openProduct('/dashboard');
    const chunks: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('.pf_index')) chunks.push(new URL(r.url()).pathname);
    });
    await page.locator('help-center .launcher').click();
    const input = page.locator('help-center input[type=search]');
    // 200 ms after "re": past the widget's old 150 ms pause, short of the 350 ms one for a short word.
    await input.pressSequentially('re', { delay: 120 });
    await page.waitForTimeout(200);
    expect(chunks).toEqual([]);
    await input.pressSequentially('fund');
    await page.locator('help-center [data-status]').filter({ hasText: 'for “refund”' }).waitFor({ timeout: 10_000 });
    expect(chunks.length).toBeGreaterThan(0);
  });

  it('opens an article in the panel and stores its "Was this helpful?" vote', async () => {
    // Not an article the page's own feedback tests vote on: one vote per item, reader and day.
    const page = await openProduct('/dashboard');
    await page.locator('help-center .launcher').click();
    await search(page, 'two-factor authentication');
    await page.locator(`help-center a.result[href="${env.helpHostUrl}/account/two-factor-authentication/"]`).click();
    const heading = page.locator('help-center .article h1');
    await heading.waitFor();
    expect(await heading.innerText()).toBe('Set up two-factor authentication');
    expect(await page.locator('help-center .article').innerText()).toContain('one-time code');
    expect(page.url()).toBe(`${env.productUrl}/dashboard`);
    await page.locator('help-center [data-answer-vote=up]').click();
    await page.locator('help-center [data-answer-status]').filter({ hasText: 'Thanks' }).waitFor();
    const votes = await waitForVotes(env.feedbackDb, (rows) =>
      rows.some((r) => r.item_id === 'article:two-factor-authentication'),
    );
    expect(votes.filter((r) => r.item_id === 'article:two-factor-authentication')).toEqual([
      {
        item_id: 'article:two-factor-authentication',
        vote: 'up',
        reason: null,
        comment: null,
        page_path: '/account/two-factor-authentication/',
      },
    ]);
  });

  it('after a "No" in the panel, asks what went wrong and stores the reason and comment in place of the "No"', async () => {
    const page = await openProduct('/dashboard');
    await page.locator('help-center .launcher').click();
    await search(page, 'missed delivery');
    await page.locator(`help-center a.result[href="${env.helpHostUrl}/orders-shipping/missed-delivery/"]`).click();
    await page.locator('help-center .article h1').waitFor();
    await page.locator('help-center [data-answer-vote=down]').click();
    const form = page.locator('help-center form[data-reasons]');
    await form.waitFor();
    // Asked once: by the form's legend, not again by the status line above it.
    const asked = await panel(page).innerText();
    expect(asked.match(/What went wrong\?/g)).toEqual(['What went wrong?']);
    expect(await page.locator('help-center [data-answer-status]').innerText()).toBe('');
    // Focus moves to the question, as on the help center's own pages.
    expect(
      await page.evaluate(() =>
        document.querySelector('help-center')!.shadowRoot!.activeElement?.getAttribute('value'),
      ),
    ).toBe('incorrect');
    await form.getByLabel('Hard to follow').check();
    await form.getByLabel('Anything else we should know? (optional)').fill('Which depot?');
    await form.getByRole('button', { name: 'Send' }).click();
    await page.locator('help-center [data-answer-status]').filter({ hasText: 'Thanks' }).waitFor();
    expect(await form.count()).toBe(0);
    const mine = (rows: VoteRow[]) => rows.filter((r) => r.item_id === 'article:missed-delivery');
    const votes = await waitForVotes(env.feedbackDb, (rows) => mine(rows).some((r) => r.reason !== null));
    expect(mine(votes)).toEqual([
      {
        item_id: 'article:missed-delivery',
        vote: 'down',
        reason: 'hard-to-follow',
        comment: 'Which depot?',
        page_path: '/orders-shipping/missed-delivery/',
      },
    ]);
  });

  it('suggests the article mapped to the product page, and follows setRoute() in a single-page app', async () => {
    const page = await openProduct('/settings/billing/cards');
    await page.locator('help-center .launcher').click();
    const suggested = page.locator('help-center [data-list] a.result');
    await suggested.first().waitFor();
    expect(await suggested.allInnerTexts()).toEqual(['Update your card details']);
    await page.evaluate(() =>
      (document.querySelector('help-center') as HTMLElement & { setRoute(p: string): void }).setRoute(
        '/orders/42/return',
      ),
    );
    await suggested.filter({ hasText: 'Start a return' }).waitFor();
    expect(await suggested.allInnerTexts()).toEqual(['Start a return', 'Track your order']);
  });

  it('works with the keyboard alone: focus moves in, Tab stays in the panel, Escape closes and returns focus', async () => {
    const page = await openProduct('/dashboard');
    const inWidget = () =>
      page.evaluate(() => {
        const root = document.querySelector('help-center')!.shadowRoot!;
        const el = root.activeElement as HTMLElement | null;
        return el ? `${el.tagName.toLowerCase()}${el.className ? `.${el.className}` : ''}` : null;
      });
    // Tab from the page's own controls reaches the launcher.
    await page.locator('#subject').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await inWidget()).toBe('button.launcher');
    await page.keyboard.press('Enter');
    expect(await inWidget()).toBe('input');
    await page.keyboard.type('reset password');
    await page.locator('help-center [data-status]').filter({ hasText: 'for “reset password”' }).waitFor();
    // Many Tabs never leave the open panel.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('HELP-CENTER');
      expect(await inWidget()).not.toBe('button.launcher');
    }
    // Open a result with Enter, then Escape.
    await page.locator('help-center input[type=search]').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('help-center .article h1').waitFor();
    expect(await inWidget()).toBe('h1');
    await page.keyboard.press('Escape');
    expect(await panel(page).isHidden()).toBe(true);
    expect(await inWidget()).toBe('button.launcher');
  });

  it('has no axe violations inside the widget, open with results and with an article', async () => {
    const page = await openProduct('/settings/billing');
    await page.locator('help-center .launcher').click();
    await search(page, 'why cant i log in');
    await page.addScriptTag({ path: AXE_PATH });
    const run = () =>
      page.evaluate(
        (tags) =>
          (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<AxeResults> } }).axe.run(
            { include: [['help-center']] },
            { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] },
          ),
        WCAG_TAGS,
      );
    const withResults = await run();
    expect(withResults.violations, formatViolations(withResults.violations)).toEqual([]);
    await results(page).first().click();
    await page.locator('help-center .article h1').waitFor();
    const withArticle = await run();
    expect(withArticle.violations, formatViolations(withArticle.violations)).toEqual([]);
  });
});

/** Opens an article in the panel by the element's API, as a product page may. */
async function openArticle(page: Page, slug: string): Promise<void> {
  await page.evaluate(
    (s) =>
      (
        document.querySelector('help-center') as HTMLElement & { openItem(k: string, s: string): Promise<void> }
      ).openItem('article', s),
    slug,
  );
  await page.locator('help-center .article h1').waitFor();
}

describe('the panel in the host page', () => {
  it('adds no landmark of its own: the whole product page, widget open, passes axe with the best-practice rules', async () => {
    const page = await openProduct('/dashboard');
    await page.locator('help-center .launcher').click();
    await search(page, 'reset password');
    expect(await page.locator('help-center header, help-center [role=banner]').count()).toBe(0);
    await page.addScriptTag({ path: AXE_PATH });
    const run = () =>
      page.evaluate(
        (tags) =>
          (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<AxeResults> } }).axe.run(
            // The bare ticket form is this test's stand-in for the product, not the widget's to fix.
            { exclude: [['#ticket']] },
            { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] },
          ),
        [...WCAG_TAGS, 'best-practice'],
      );
    const open = await run();
    expect(open.violations, formatViolations(open.violations)).toEqual([]);
    await openArticle(page, 'place-your-first-order');
    const reading = await run();
    expect(reading.violations, formatViolations(reading.violations)).toEqual([]);
  });

  it("sets an article's headings smaller than its title, and divides search results but not an article's steps", async () => {
    const page = await openProduct('/dashboard');
    await page.locator('help-center .launcher').click();
    await search(page, 'reset password');
    const resultBorder = await page
      .locator('help-center [data-list] li + li')
      .first()
      .evaluate((li) => getComputedStyle(li).borderTopWidth);
    expect(resultBorder).toBe('1px');
    await openArticle(page, 'place-your-first-order');
    const sizes = await page.locator('help-center .article').evaluate((article) => {
      const px = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
      return {
        title: px(article.querySelector('h1')!),
        headings: Array.from(article.querySelectorAll('[data-html] :is(h2,h3,h4,h5,h6)'), (h) => [h.tagName, px(h)]),
      };
    });
    expect(sizes.title).toBeCloseTo(19.2);
    expect(sizes.headings.map(([tag]) => tag)).toEqual(expect.arrayContaining(['H2', 'H3']));
    for (const [tag, size] of sizes.headings) expect(size, String(tag)).toBeLessThan(sizes.title);
    const steps = await page
      .locator('help-center .article ol > li + li')
      .evaluateAll((items) =>
        items.map((li) => `${getComputedStyle(li).borderTopStyle} ${getComputedStyle(li).borderTopWidth}`),
      );
    expect(steps.length).toBeGreaterThan(0);
    expect(new Set(steps)).toEqual(new Set(['none 0px']));
  });

  it('covers a 360 x 740 phone screen when open, keeps focus inside and closes from its button', async () => {
    const page = await openProduct('/dashboard', { width: 360, height: 740 });
    await page.locator('help-center .launcher').click();
    await search(page, 'reset password');
    const dir = path.join(REPO_ROOT, 'test-results', 'screenshots');
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, 'widget-open-360.png'), animations: 'disabled', caret: 'hide' });
    expect(await panel(page).boundingBox()).toEqual({ x: 0, y: 0, width: 360, height: 740 });
    const close = page.locator('help-center .head button');
    const box = (await close.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    expect(box.y + box.height).toBeLessThanOrEqual(740);
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate(() => {
          const root = document.querySelector('help-center')!.shadowRoot!;
          return Boolean(root.activeElement?.closest('.panel'));
        }),
      ).toBe(true);
    }
    await close.click();
    expect(await panel(page).isHidden()).toBe(true);
  });
});

describe('ticket-form deflection', () => {
  it('suggests articles for the subject, stores a form submitted anyway and one left after reading, and the report counts them', async () => {
    const before = readFormEvents().length;
    // A customer reads a suggested article and does not send the form.
    let page = await openProduct('/support');
    await page.locator('#subject').pressSequentially('card declined at checkout');
    const suggestion = page.locator('[data-help-center-suggestions] a[data-item]').first();
    await suggestion.waitFor({ timeout: 10_000 });
    await suggestion.click();
    await page.locator('help-center .article h1').waitFor();
    await page.goto('/dashboard'); // leaves the page: pagehide sends the form event
    // Another customer sees suggestions and sends the form anyway.
    page = await openProduct('/support');
    await page.locator('#subject').pressSequentially('refund for a damaged item');
    await page.locator('[data-help-center-suggestions] a[data-item]').first().waitFor({ timeout: 10_000 });
    await page.locator('#ticket button[type=submit]').click();
    await page.waitForURL('**/sent?**');

    const events = await waitFor(readFormEvents, (rows) => rows.length >= before + 2);
    const mine = events.slice(before);
    expect(mine).toHaveLength(2);
    expect(mine[0]).toMatchObject({ query: 'card declined at checkout', form_submitted: 0 });
    expect(mine[0]!.result_count).toBeGreaterThan(0);
    expect(mine[0]!.opened).toMatch(/^\/[a-z-]+\/[a-z-]+\/$/);
    expect(mine[1]).toMatchObject({ query: 'refund for a damaged item', opened: null, form_submitted: 1 });

    const report = spawnSync(
      process.execPath,
      [path.join(REPO_ROOT, 'dist/cli/index.js'), 'feedback', 'report', '--store', env.feedbackDb, '--format', 'json'],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    expect(report.status, report.stderr).toBe(0);
    const deflection = (
      JSON.parse(report.stdout) as {
        deflection: { formsStarted: number; deflected: number; submitted: number; bySubject: Array<{ key: string }> };
      }
    ).deflection;
    expect(deflection.formsStarted).toBe(events.length);
    expect(deflection.deflected).toBeGreaterThanOrEqual(1);
    expect(deflection.submitted).toBeGreaterThanOrEqual(1);
    expect(deflection.bySubject.map((r) => r.key)).toContain('card declined at checkout');
  });
});

describe('answer cards on the help center search page', () => {
  it('shows the FAQ answer for a FAQ query and stores its vote as a vote on that FAQ', async () => {
    await context?.close();
    context = await newSiteContext(browser);
    const page = await context.newPage();
    await page.goto(`/search/?q=${encodeURIComponent("why can't I log in")}`);
    const card = page.locator('#page-search-results .answer-card');
    await card.waitFor({ timeout: 10_000 });
    expect(await card.locator('.answer-card-title').innerText()).toBe("Why can't I log in?");
    expect(await card.locator('.answer-card-text').innerText()).toContain('Forgot password');
    await card.locator('[data-answer-vote=up]').click();
    await card.locator('[data-answer-status]').filter({ hasText: 'Thanks' }).waitFor();
    const votes = await waitForVotes(env.feedbackDb, (rows) =>
      rows.some((r) => r.item_id === 'faq:why-cant-i-log-in' && r.page_path === '/faq/'),
    );
    expect(votes.filter((r) => r.item_id === 'faq:why-cant-i-log-in').map((r) => r.vote)).toContain('up');
  });
});
