/**
 * `npm run dev` as a writer uses it: the real dev server on a small content folder, an article
 * edited a few times. Saves reload quietly, and search works in the dev server and follows the edits.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, faq, writeTempSite } from '../helpers/temp-site.ts';
import { startDevServer, type DevServer } from '../helpers/dev-server.ts';
import { REPO_ROOT } from '../helpers/build-site.ts';

let root: string;
let server: DevServer;

beforeAll(async () => {
  root = writeTempSite({
    'content/articles/billing/refunds.md': article('Refunds'),
    'content/articles/account/sign-in.md': article('Sign in'),
    'content/faqs/billing/invoice.md': faq('Where do I find my invoice?'),
  });
  server = await startDevServer('edits', path.join(root, 'content'));
}, 180_000);

afterAll(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

const get = (url: string) => fetch(new URL(url, server.url));
const englishIndexHash = async () =>
  ((await (await get('pagefind/pagefind-entry.json')).json()) as { languages: Record<string, { hash: string }> })
    .languages['en']!.hash;

describe('the dev server', () => {
  it('serves a search index of the content', async () => {
    // The dev index is built when a search first asks for it, not at start (dev-index.ts).
    expect(server.output()).not.toMatch(/Search works in the dev server/);
    const script = await get('pagefind/pagefind.js');
    expect(script.status).toBe(200);
    await server.waitForOutput(/Search works in the dev server: indexed 3 articles and FAQ questions/);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    const hash = await englishIndexHash();
    expect((await get(`pagefind/pagefind.${hash}.pf_meta`)).status).toBe(200);
  });

  it('reloads an edited article without a duplicate-entry warning, and its search index with it', async () => {
    const file = path.join(root, 'content/articles/billing/refunds.md');
    const before = await englishIndexHash();
    for (const [i, title] of ['Refunds, edited', 'Refunds, edited again', 'Refunds for zebrafish'].entries()) {
      // A writer's saves are seconds apart; the watcher folds writes that come at once.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      writeFileSync(file, article(title));
      await server.waitForOutput(/Reloaded data from billing\/refunds\.md/, i + 1, 60_000);
    }
    let after = before;
    for (let tries = 0; tries < 100 && after === before; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      after = await englishIndexHash();
    }
    expect(after).not.toBe(before);
    expect((await get(`pagefind/pagefind.${after}.pf_meta`)).status).toBe(200);
    expect(server.output()).not.toMatch(/Duplicate id|multiple entries with the same slug/);
    expect(server.output()).not.toMatch(/\[WARN\]|\[ERROR\]/);
  }, 120_000);
});

describe('the dev server of a site with a base path', () => {
  let based: DevServer;
  beforeAll(async () => {
    based = await startDevServer('base-path', path.join(REPO_ROOT, 'test/fixtures/base-path/content'));
  }, 180_000);
  afterAll(async () => {
    await based?.stop();
  });

  it('serves the search index under the base, where the pages load it', async () => {
    const script = await fetch(new URL('help/pagefind/pagefind.js', based.url));
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
  });
});
