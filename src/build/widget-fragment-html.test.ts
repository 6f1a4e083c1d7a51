/**
 * Widget fragments through the strict schema: every article and FAQ of the sample site, rendered
 * by the site's own Markdown processor as the build renders them, passes unchanged; a hostile
 * corpus leaves nothing that runs, loads a frame, submits or changes the page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import matter from 'gray-matter';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { getLinkOptions, helpCenterMarkdown } from '../content/markdown-config.ts';
import { SiteSettingsSchema } from '../content/schema.ts';
import { parse } from 'yaml';
import { findDanger, HOSTILE_HTML as HOSTILE } from '../../test/helpers/html-danger.ts';
import { buildWidgetFragmentHtml } from './widget-fragment-html.ts';
import { stringifyHtml } from '../lib/sanitize-html.ts';

const contentDir = path.resolve(import.meta.dirname, '../../content');
const settings = SiteSettingsSchema.parse(parse(readFileSync(path.join(contentDir, 'site.yaml'), 'utf8')));
// The renderer help-files.ts makes for bodies it renders itself, as Astro renders a page's.
const { processor: unified, ...shared } = helpCenterMarkdown(getLinkOptions(contentDir, '/', settings));
const processor = await unified.createRenderer(shared);

async function render(markdown: string, file: string): Promise<string> {
  return (await processor.render(markdown, { fileURL: pathToFileURL(file) })).code;
}

/** The HTML as the fragments' serializer writes it (Sätteri writes `>` in text as `&gt;`, it as `>`). */
const reserialized = (html: string) => stringifyHtml(fromHtml(html, { fragment: true }));

/** The tree without source positions: two fragments with the same tree mean the same. */
function structure(html: string): Root {
  const tree = fromHtml(html, { fragment: true });
  visit(tree, (node) => {
    delete node.position;
  });
  return tree;
}

const sampleFiles = readdirSync(contentDir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.md') && /(^|\/)(articles|faqs)(\/|$)/.test(e.parentPath))
  .map((e) => path.join(e.parentPath, e.name));

describe('widget fragments of the sample site', () => {
  it('pass the strict schema unchanged, with every feature the site renders', async () => {
    expect(sampleFiles.length).toBeGreaterThan(60);
    const seen = new Set<string>();
    for (const file of sampleFiles) {
      const html = await render(matter(readFileSync(file, 'utf8')).content, file);
      const out = buildWidgetFragmentHtml(html, path.relative(contentDir, file));
      expect(out.warning, file).toBeUndefined();
      expect(structure(out.html), file).toEqual(structure(html));
      expect(out.html, file).toBe(reserialized(html));
      for (const [name, pattern] of Object.entries(FEATURES)) if (pattern.test(out.html)) seen.add(name);
    }
    expect([...seen].sort()).toEqual(Object.keys(FEATURES).sort());
  });

  it('keep what writers put in Markdown beyond the sample: details, kbd, aligned tables, titled images', async () => {
    const markdown = [
      '## Shortcuts {#keys}',
      '',
      'Press <kbd>Ctrl</kbd> + <kbd>K</kbd>. See [the guide](https://example.com/guide "Guide") or [mail us](mailto:a@b.test).',
      '',
      '<details>',
      '<summary>Why?</summary>',
      '',
      'Because *Markdown* works inside.',
      '',
      '</details>',
      '',
      '| Left | Centre | Right |',
      '| :--- | :----: | ----: |',
      '| a | b | c |',
      '',
      '![A chart](https://example.com/chart.png "The chart")',
      '',
      '1. One',
      '   - nested `code`',
      '',
      ':::warning',
      'Careful.',
      ':::',
      '',
      '```ts',
      'const x: string = "<b>";',
      '```',
    ].join('\n');
    const html = await render(markdown, path.join(contentDir, 'articles/x.md'));
    const out = buildWidgetFragmentHtml(html, 'articles/x.md');
    expect(out.warning).toBeUndefined();
    expect(structure(out.html)).toEqual(structure(html));
    expect(out.html).toContain('<details>');
    expect(out.html).toContain('<th align="center">');
    expect(out.html).toContain('<h2 id="keys">');
  });
});

describe('widget fragments with content tabs, collapsible callouts and definition lists', () => {
  const markdown = [
    '::::tabs{group="os"}',
    ':::tab[macOS]',
    'Open **Finder**.',
    ':::',
    '::::tab[Windows]',
    'Open [Settings](https://example.com/win).',
    '',
    ':::note',
    'Run it as an administrator.',
    ':::',
    '::::',
    '::::',
    '',
    ':::details[Why does it take a day?]',
    'The bank checks each refund by hand.',
    ':::',
    '',
    ':::warning[Old accounts]{open}',
    'They keep the old limits.',
    ':::',
    '',
    'Refund',
    ': Money sent back to the card.',
    ': It takes a day.',
  ].join('\n');

  it('keep every tab panel under its label, the callouts collapsible and the definition list, with no warning', async () => {
    const html = await render(markdown, path.join(contentDir, 'articles/x.md'));
    const out = buildWidgetFragmentHtml(html, 'articles/x.md');
    expect(out.warning).toBeUndefined();
    // Only the tab group's name goes: the widget has no tab script to switch groups with.
    expect(out.html).toBe(reserialized(html).replace(' data-tabs-group="os"', ''));
    const tree = fromHtml(out.html, { fragment: true });
    const labels: string[] = [];
    visit(tree, 'element', (el) => {
      if (!el.properties.className?.includes('tab-label')) return;
      const words: string[] = [];
      visit(el, 'text', (t) => void words.push(t.value));
      labels.push(words.join(''));
    });
    expect(labels).toEqual(['macOS', 'Windows']);
    expect(out.html).toContain('Open <a href="https://example.com/win">Settings</a>.');
    expect(out.html).toContain('<aside class="callout callout-note">');
    expect(out.html).toMatch(
      /<details class="callout callout-note callout-collapsible"><summary class="callout-title"><strong>Why does it take a day\?<\/strong><\/summary>/,
    );
    expect(out.html).toMatch(/<details class="callout callout-warning callout-collapsible" open>/);
    expect(out.html.replace(/\n/g, '')).toContain(
      '<dl><dt>Refund</dt><dd>Money sent back to the card.</dd><dd>It takes a day.</dd></dl>',
    );
  });

  it('let nothing dangerous through inside tab labels, summaries or definitions', async () => {
    const hostile = [
      '::::tabs{group="x\\" onmouseover=\\"alert(1)"}',
      ':::tab[<img src=x onerror=alert(1)>macOS]',
      '<script>alert(2)</script>',
      ':::',
      ':::tab[[click](javascript:alert(3))]',
      '<iframe src="https://evil.example"></iframe>',
      ':::',
      '::::',
      '',
      ':::details[<b onclick="alert(4)">Why?</b>]',
      '<details open ontoggle="alert(5)"><summary>x</summary>y</details>',
      ':::',
      '',
      '<dl><dt onclick="alert(6)">Term</dt><dd><a href="javascript:alert(7)">Definition</a><form><input></form></dd></dl>',
      '',
      'Term',
      ': <a href="data:text/html,<script>alert(8)</script>">data</a>',
    ].join('\n');
    const html = await render(hostile, path.join(contentDir, 'articles/x.md'));
    // The page keeps the writer's HTML as written: the check finds it there.
    expect(findDanger(html).length).toBeGreaterThan(3);
    const out = buildWidgetFragmentHtml(html, 'articles/x.md');
    expect(out.warning).toMatch(/script/);
    expect(findDanger(out.html)).toEqual([]);
    expect(out.html).toContain('Term');
    expect(out.html).toContain('Definition');
    expect(buildWidgetFragmentHtml(out.html, 'articles/x.md').html).toBe(out.html);
  });
});

/** What the sample site's fragments show, each seen at least once. */
const FEATURES: Record<string, RegExp> = {
  'heading with id': /<h2 id="[^"]+">/,
  'table region': /<div class="table-scroll" role="region" tabindex="0" aria-label="[^"]+"><table>/,
  'code block':
    /<pre class="astro-code[^"]*" style="[^"]*color:var\(--astro-code-[\w-]+\)[^"]*" tabindex="0" data-language="\w+"><code>/,
  'coloured code': /<span style="color:var\(--astro-code-token-[\w-]+\)">/,
  image: /<img src="[^"]+" alt="[^"]+">/,
  callout: /<aside class="callout callout-(note|tip|warning)"><p class="callout-title">/,
  lists: /<ol>[\s\S]*<ul>/,
  link: /<a href="\/[^"]*">/,
};

describe('widget fragments with hostile HTML', () => {
  it('are found dangerous by the check before sanitising (the check bites)', () => {
    const caught = HOSTILE.filter((h) => findDanger(h).length > 0);
    // Not caught raw: the comment, the escaped attribute and the noscript trick's first parse are inert.
    expect(HOSTILE.length - caught.length).toBeLessThanOrEqual(4);
  });

  it.each(HOSTILE)('leave nothing dangerous of %s', (hostile) => {
    const out = buildWidgetFragmentHtml(`<p>Before</p>${hostile}<p>After</p>`, 'articles/x.md');
    expect(findDanger(out.html)).toEqual([]);
    // Parsed again, the clean HTML is the same tree (no mutation on a second parse).
    expect(buildWidgetFragmentHtml(out.html, 'articles/x.md').html).toBe(out.html);
  });

  it('counts what it removed by kind, and says so in the build warning', () => {
    const out = buildWidgetFragmentHtml(
      '<p onclick="a()">x</p><script>b()</script><a href="&#106;avascript:c()">l</a><iframe srcdoc="x"></iframe><form><input></form><p style="background:url(x)">s</p>',
      'articles/billing/refunds.md',
    );
    expect(out.html).toBe('<p>x</p><a>l</a><p>s</p>');
    expect(out.warning).toBe(
      "articles/billing/refunds.md: the widget shows this page without its 1 script, 1 event handler, 1 javascript: link, 1 iframe, 1 style attribute with url() or expression(), 2 forms or form controls (the help center's page keeps them); the widget allows no scripts, frames, forms, event handlers or unsafe URLs.",
    );
  });

  it('turns an allowed video iframe into a link to the video, its title as text', () => {
    const out = buildWidgetFragmentHtml(
      '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Set up &lt;b&gt;fast&lt;/b&gt;" onload="x()"></iframe>',
      'a.md',
    );
    expect(out.html).toBe('<a href="https://www.youtube-nocookie.com/embed/abc">Set up &#x3C;b>fast&#x3C;/b></a>');
    expect(findDanger(out.html)).toEqual([]);
  });
});
