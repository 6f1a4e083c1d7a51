/**
 * A build that renders its Markdown on worker threads (src/build/markdown-threads/) writes
 * the same pages as one that renders it on Astro's thread. The sample help center has callouts,
 * links between articles, code and images: what the threads must reproduce. Small sites render
 * on Astro's thread by default, so the count is set here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, REPO_ROOT } from '../helpers/build-site.ts';

const sample = path.join(REPO_ROOT, 'content');
/** The integration's details (where Markdown renders among them) are logged at info level with this. */
const DETAILS = { HELPDESK_KIT_VERBOSE: '1' };
const htmlFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort();

describe('Markdown rendered on worker threads', () => {
  it("gives the same pages as Markdown rendered on Astro's thread", () => {
    const threaded = buildSite(
      'markdown-threads',
      sample,
      { HELP_CENTER_MARKDOWN_THREADS: '2', ...DETAILS },
      { log: true },
    );
    expect(threaded.status, threaded.output).toBe(0);
    expect(threaded.output).toContain('Rendering Markdown on 2 worker threads.');
    expect(threaded.output).not.toContain('A Markdown thread stopped');
    const inline = buildSite(
      'markdown-inline',
      sample,
      { HELP_CENTER_MARKDOWN_THREADS: '0', ...DETAILS },
      { log: true },
    );
    expect(inline.status, inline.output).toBe(0);
    expect(inline.output).toContain("Rendering Markdown on Astro's thread: the markdownThreads option is 0.");

    const pages = htmlFiles(inline.outDir);
    expect(pages.length).toBeGreaterThan(40);
    expect(htmlFiles(threaded.outDir)).toEqual(pages);
    // Our rehype plugin ran on the threads too: the table's keyboard-scrollable region.
    expect(readFileSync(path.join(threaded.outDir, 'billing/payment-methods/index.html'), 'utf8')).toContain(
      '<div class="table-scroll" role="region" tabindex="0" aria-label="Supported payment methods"><table>',
    );
    for (const page of pages) {
      expect(readFileSync(path.join(threaded.outDir, page), 'utf8'), page).toBe(
        readFileSync(path.join(inline.outDir, page), 'utf8'),
      );
    }
  }, 180_000);
});
