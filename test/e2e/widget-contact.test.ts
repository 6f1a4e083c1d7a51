/**
 * The widget's hand-over to a human: from a product page on another origin, the reader searches,
 * reads an article, opens the contact form by keyboard, sees exactly what will be sent, and only
 * their click on Send posts it; the feedback endpoint forwards the message with its context to
 * the team's webhook (a local receiver here). The form passes axe; the four links stay.
 */
import http from 'node:http';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { formatViolations, WCAG_TAGS } from './helpers/axe.ts';
import { getE2eEnv, launchBrowser } from './helpers/browser.ts';

const env = getE2eEnv();
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const page = (
  title: string,
) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><main><h1>${title}</h1></main><script src="${env.helpHostUrl}/widget.js" defer></script></body></html>`;

let product: http.Server;
let webhook: http.Server;
/** What the team's webhook received: parsed bodies. */
const received: Array<Record<string, unknown>> = [];
/** Every request the product page sent to the feedback endpoint's contact route. */
let contactRequests = 0;
let browser: Browser;

beforeAll(async () => {
  product = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page('Billing settings'));
  });
  webhook = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push(JSON.parse(body) as Record<string, unknown>);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => product.listen(env.productPort, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => webhook.listen(env.contactWebhookPort, '127.0.0.1', resolve));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => product?.close(resolve));
  await new Promise((resolve) => webhook?.close(resolve));
});

async function openProduct(): Promise<Page> {
  const context = await browser.newContext({ baseURL: env.productUrl });
  const p = await context.newPage();
  p.on('pageerror', (err) => console.log(`[product page] ${err.message}`));
  p.on('request', (r) => {
    if (r.url().endsWith('/feedback/contact') && r.method() === 'POST') contactRequests++;
  });
  await p.goto('/settings/billing');
  await p.locator('help-center .launcher').waitFor({ state: 'visible' });
  return p;
}

const active = (p: Page) =>
  p.evaluate(() => {
    const el = document.querySelector('help-center')!.shadowRoot!.activeElement as HTMLElement | null;
    return el ? `${el.localName}${el.id ? `#${el.id}` : ''}:${el.textContent?.trim().slice(0, 40) ?? ''}` : '';
  });

describe('contact hand-over from the widget', () => {
  it('sends the message with the searches and articles of the visit, only on the reader’s click, by keyboard', async () => {
    const p = await openProduct();
    await p.locator('help-center .launcher').click();
    const input = p.locator('help-center input[type=search]');
    await input.pressSequentially('refund card');
    await p.locator('help-center [data-status]').filter({ hasText: '“refund card”' }).waitFor({ timeout: 10_000 });
    await p.locator('help-center [data-list] a.result').first().click();
    await p.locator('help-center .article h1').waitFor();
    const readTitle = (await p.locator('help-center .article h1').textContent())!;

    // The four outbound links are still there, with the new button after them.
    const contact = p.locator('help-center [data-contact]').last();
    expect(await contact.locator('a').count()).toBe(4);
    // Keyboard: focus the "Write to us" button and press Enter.
    await contact.locator('[data-contact-open]').focus();
    await p.keyboard.press('Enter');
    await p.locator('help-center [data-contact-form]').waitFor();
    expect(await active(p)).toMatch(/^h3.*Write to the team/);

    await p.keyboard.press('Tab');
    expect(await active(p)).toMatch(/^input#hc\d+-email/);
    await p.keyboard.type('ana@example.com');
    await p.keyboard.press('Tab');
    await p.keyboard.type('Ana');
    await p.keyboard.press('Tab');
    expect(await active(p)).toMatch(/^textarea/);
    await p.keyboard.type('My refund has not arrived after two weeks.');

    // The preview shows exactly what will go: the message and the visit's context.
    const preview = p.locator('help-center [data-preview]');
    await expect.poll(() => preview.textContent()).toContain('My refund has not arrived after two weeks.');
    const shown = (await preview.textContent())!;
    expect(shown).toContain('ana@example.com');
    expect(shown).toContain('refund card');
    expect(shown).toContain(readTitle);
    expect(shown).toContain('/settings/billing');

    // Nothing has been sent while typing.
    await p.waitForTimeout(300);
    expect(contactRequests).toBe(0);
    expect(received).toHaveLength(0);

    // axe inside the form (the whole widget).
    await p.addScriptTag({ path: AXE_PATH });
    const axe = await p.evaluate(
      (tags) =>
        (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<AxeResults> } }).axe.run(
          { include: [['help-center']] },
          { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] },
        ),
      WCAG_TAGS,
    );
    expect(axe.violations, formatViolations(axe.violations)).toEqual([]);

    // Tab on to Send (past the context checkbox) and press it.
    for (let i = 0; i < 6 && !(await active(p)).startsWith('button:Send'); i++) await p.keyboard.press('Tab');
    expect(await active(p)).toMatch(/^button:Send/);
    await p.keyboard.press('Enter');
    await p.locator('help-center [data-contact-form] p[role=status]').filter({ hasText: 'Sent.' }).waitFor();
    expect(contactRequests).toBe(1);
    await expect.poll(() => received.length).toBe(1);
    expect(received[0]).toMatchObject({
      type: 'helpdesk-kit.contact',
      email: 'ana@example.com',
      name: 'Ana',
      message: 'My refund has not arrived after two weeks.',
      language: 'en',
      page: '/settings/billing',
      searches: ['refund card'],
      read: [{ title: readTitle, url: expect.stringMatching(/^https?:\/\/[^/]+\//) }],
    });
    await p.context().close();
  });

  it('leaves the context out when the reader unticks it, and says what is missing before sending anything', async () => {
    const before = received.length;
    const p = await openProduct();
    await p.locator('help-center .launcher').click();
    await p.locator('help-center [data-contact-open]').first().click();
    await p.locator('help-center [data-contact-form]').waitFor();
    await p.locator('help-center [data-contact-form] button[type=submit]').click();
    await p.locator('help-center [data-contact-status]').filter({ hasText: 'Enter your email' }).waitFor();
    expect(await active(p)).toMatch(/^input#hc\d+-email/);
    await p.locator('help-center input[type=email]').fill('bo@example.com');
    await p.locator('help-center textarea').fill('Hello');
    await p.locator('help-center [data-contact-form] input[type=checkbox]').uncheck();
    expect(await p.locator('help-center [data-preview]').textContent()).not.toContain('/settings/billing');
    await p.locator('help-center [data-contact-form] button[type=submit]').click();
    await p.locator('help-center [data-contact-form] p[role=status]').filter({ hasText: 'Sent.' }).waitFor();
    await expect.poll(() => received.length).toBe(before + 1);
    expect(received[before]).toMatchObject({ email: 'bo@example.com', message: 'Hello', searches: [], read: [] });
    expect(received[before]).not.toHaveProperty('page');
    await p.context().close();
  });
});
