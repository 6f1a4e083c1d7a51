/** Reading a built site in tests: pages as parsed HTML, JSON-LD blocks as objects. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

export function readPage(outDir: string, sitePath: string): HTMLElement {
  const file = sitePath.endsWith('.html') ? path.join(outDir, sitePath) : path.join(outDir, sitePath, 'index.html');
  if (!existsSync(file)) throw new Error(`No page at ${sitePath} (${file})`);
  return parse(readFileSync(file, 'utf8'));
}

export function getJsonLd(page: HTMLElement): Array<Record<string, unknown>> {
  return page
    .querySelectorAll('script[type="application/ld+json"]')
    .map((s) => JSON.parse(s.textContent) as Record<string, unknown>);
}

export const text = (el: HTMLElement | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
