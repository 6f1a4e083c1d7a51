/**
 * Hostile exports of every hosted desk (test/fixtures/import-hostile-*): each is imported, and each
 * Markdown file written is rendered by the site's own Markdown processor. Nothing that runs,
 * frames, submits or navigates may come out; the harmless parts (headings, tables, code, images,
 * allowed videos as links) must; and the summary counts what was removed, by kind.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import { afterEach, describe, expect, it } from 'vitest';
import { findDanger } from '../../../test/helpers/html-danger.ts';
import { renderSiteMarkdown } from '../../../test/helpers/render-site-markdown.ts';
import { formatImportReport } from './format-summary.ts';
import { importContent } from './import-content.ts';
import type { ImportSource } from './types.ts';

const fixtures = path.resolve(import.meta.dirname, '../../../test/fixtures');
let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** What the shared hostile body (the same HTML in every hosted fixture) loses, by kind. */
const BODY_REMOVED = {
  script: 1,
  'event-handler': 2,
  'javascript-url': 6,
  'unsafe-url': 2,
  iframe: 2,
  style: 1,
  'unsafe-style': 1,
  form: 3,
  object: 2,
  metadata: 2,
  'svg-math': 2,
};

const HOSTED: Array<[ImportSource, string]> = [
  ['zendesk', 'import-hostile-zendesk'],
  ['intercom', 'import-hostile-intercom'],
  ['helpscout', 'import-hostile-helpscout'],
  ['freshdesk', 'import-hostile-freshdesk'],
  ['document360', 'import-hostile-document360/export.zip'],
];

async function importAndRender(from: ImportSource, source: string) {
  root = mkdtempSync(path.join(tmpdir(), `import-hostile-${from}-`));
  const outDir = path.join(root, 'content');
  const result = importContent({ source: path.join(fixtures, source), from, outDir });
  const pages = await Promise.all(
    result.files
      .filter((f) => f.path.endsWith('.md'))
      .map(async (f) => {
        const file = path.join(root, f.path);
        const { data, content } = matter(readFileSync(file, 'utf8'));
        return { file: f.path, data, markdown: content, html: await renderSiteMarkdown(content, file) };
      }),
  );
  return { result, pages };
}

describe.each(HOSTED)('a hostile %s export', (from, source) => {
  it('writes Markdown whose rendered HTML has no script, handler, frame, form or unsafe URL', async () => {
    const { pages } = await importAndRender(from, source);
    expect(pages.length).toBe(from === 'document360' ? 2 : 1);
    for (const page of pages) expect(findDanger(page.html), page.file).toEqual([]);
  });

  it('keeps the harmless parts: headings, table, code, images, videos as links, and spelled-out HTML as text', async () => {
    const { pages } = await importAndRender(from, source);
    const page = pages.find((p) => p.html.includes('Set up'))!;
    const html = page.html;
    expect(html).toContain('<h2 id="setup">Set up</h2>');
    // A URL with brackets survives the converter and the import's link rewriting.
    expect(html).toContain('<a href="https://en.wikipedia.org/wiki/Parcel_(package)">one with brackets</a>');
    expect(html).toContain('<th>Plan</th>');
    expect(html).toContain('<td>$5</td>');
    expect(html).toMatch(/<pre class="astro-code[^"]*"[^>]*data-language="js">/);
    expect(html).toContain('<img src="https://cdn.example.com/shot.png" alt="Screenshot of the settings">');
    expect(html).toContain('<a href="https://www.youtube.com/embed/abc123">Setup video</a>');
    // The iframe's title is the link's text, escaped: it opens no second link and no element.
    expect(html).toContain(
      '<a href="https://player.vimeo.com/video/76979871">](javascript:alert(16)) &lt;img src=x onerror=alert(17)&gt;</a>',
    );
    // Entity-encoded text in the desk's HTML is text on the page, never an element.
    expect(html).toContain('&lt;details open ontoggle=');
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).toContain('<p>Last harmless line.</p>');
    // The title that spells out a tag stays text in the frontmatter.
    expect(page.data.title).toMatch(/^Hostile .* body <img src=x onerror=alert\(0\)>$/);
  });

  it('counts what it removed by kind, in the summary', async () => {
    const { result } = await importAndRender(from, source);
    if (from !== 'document360') {
      expect(result.summary.unsafeHtmlRemoved).toEqual(BODY_REMOVED);
      expect(result.summary.unsafeHtmlByOrigin).toEqual([
        {
          origin: result.summary.imported[0]!.origin,
          message:
            '1 script, 2 event handlers, 6 javascript: links, 2 data:, vbscript: or other unsafe URLs, 2 iframes, 1 style block, 1 style attribute with url() or expression(), 3 forms or form controls, 2 objects or embeds, 2 base, meta or link tags, 2 SVG or MathML elements',
        },
      ]);
      expect(formatImportReport(result, { dryRun: false, contentDir: 'content' })).toContain(
        ', unsafe HTML removed: 1 script, 2 event handlers, 6 javascript: links, 2 data:, vbscript: or other unsafe URLs, 2 iframes, 1 style block, 1 style attribute with url() or expression(), 3 forms or form controls, 2 objects or embeds, 2 base, meta or link tags, 2 SVG or MathML elements.',
      );
    } else {
      // The HTML page loses what the others lose; the Markdown page's raw HTML adds its own.
      expect(result.summary.unsafeHtmlByOrigin.map((n) => n.origin)).toEqual([
        'v1/articles/hostile-html.html',
        'v1/articles/raw-html.md',
      ]);
      expect(result.summary.unsafeHtmlRemoved).toEqual({
        script: 2,
        'event-handler': 7,
        'javascript-url': 11,
        'unsafe-url': 3,
        iframe: 3,
        style: 1,
        'unsafe-style': 2,
        form: 5,
        object: 2,
        metadata: 3,
        'svg-math': 3,
      });
    }
  });
});

describe('raw HTML in an imported Markdown page (Document360, and every generator import)', () => {
  it('is sanitised in place: details stay open around Markdown, handlers and scripts go, videos become links', async () => {
    const { pages } = await importAndRender('document360', 'import-hostile-document360/export.zip');
    const page = pages.find((p) => p.file.endsWith('raw-html.md'))!;
    expect(page.markdown).toContain(
      [
        'Harmless text with <kbd>Ctrl</kbd> and <span>a span</span>.',
        '',
        '<details>',
        '<summary>Question <b>bold</b></summary>',
        '',
        'The answer, in *Markdown*.',
        '',
        '</details>',
        '',
        '<a href="https://www.youtube.com/embed/xyz789">Demo video</a>',
      ].join('\n'),
    );
    expect(page.html).toContain(
      '<details>\n<summary>Question <b>bold</b></summary>\n<p>The answer, in <em>Markdown</em>.</p>\n</details>',
    );
    expect(page.html).toContain('<p><a>encoded</a> <a>mixed</a></p>');
    expect(page.markdown).not.toMatch(/<script|<iframe|<svg|<form|<base|srcdoc|\bon[a-z]+=|href="javascript/i);
    // Unsafe Markdown links keep their text and lose the link.
    expect(page.html).toContain('<p>a link tab ');
    expect(page.html).not.toMatch(/<a href="(?!https:)/);
  });

  it('writes the same files on a second import (the sanitiser is stable on its own output)', () => {
    root = mkdtempSync(path.join(tmpdir(), 'import-hostile-again-'));
    const outDir = path.join(root, 'content');
    const source = path.join(fixtures, 'import-hostile-document360/export.zip');
    importContent({ source, from: 'document360', outDir });
    const again = importContent({ source, from: 'document360', outDir });
    expect(again.kept).toEqual([]);
    expect(again.files.filter((f) => f.exists)).toEqual([]);
  });
});
