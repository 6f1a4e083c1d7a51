import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDanger, HOSTILE_HTML } from '../../../test/helpers/html-danger.ts';
import { renderSiteMarkdown } from '../../../test/helpers/render-site-markdown.ts';
import { sanitizeMarkdown } from './sanitize-markdown.ts';

describe('sanitizeMarkdown', () => {
  it('leaves Markdown without raw HTML or unsafe URLs byte for byte as it was', () => {
    const markdown = [
      '## Set up {#setup}',
      '',
      'See [the guide](../guide.md#x), <https://example.com> and ![a chart](/images/chart.png "Chart").',
      '',
      '| a | b |',
      '| - | - |',
      '| 1 | 2 |',
      '',
      ':::note',
      'Text with \\<escaped> and `<code>`.',
      ':::',
      '',
      '```html',
      '<script>alert(1)</script>',
      '```',
      '',
    ].join('\n');
    expect(sanitizeMarkdown(markdown)).toEqual({ markdown, removed: {} });
  });

  it('sanitises each raw HTML piece in place, keeping a details block open around its Markdown', () => {
    const { markdown, removed } = sanitizeMarkdown(
      '<details open ontoggle="alert(1)">\n<summary>Q</summary>\n\nThe *answer*.\n\n</details>\n\nPress <kbd onclick="x()">K</kbd>.\n',
    );
    expect(markdown).toBe(
      '<details open>\n<summary>Q</summary>\n\nThe *answer*.\n\n</details>\n\nPress <kbd>K</kbd>.\n',
    );
    expect(removed).toEqual({ 'event-handler': 2 });
  });

  it('takes unsafe URLs out of links, images, autolinks and definitions, however they are written', async () => {
    const source = [
      '[entity](&#106;avascript:alert(1)) [tab](<java\tscript:alert(2)>) [case](JaVaScRiPt:alert(3))',
      '![pic](javascript:alert(4)) <javascript:alert(5)> [vb](vbscript:msgbox) [ref][r] [ok](https://example.com)',
      '',
      '[r]: data:text/html,<script>alert(6)</script>',
      '',
    ].join('\n');
    const { markdown, removed } = sanitizeMarkdown(source);
    expect(removed).toEqual({ 'javascript-url': 5, 'unsafe-url': 2 });
    const html = await renderSiteMarkdown(markdown);
    expect(findDanger(html)).toEqual([]);
    expect(html).toContain('<a href="https://example.com">ok</a>');
    expect(html).toContain(
      '<p>entity tab case\npic javascript:alert(5) vb [ref][r] <a href="https://example.com">ok</a></p>',
    );
  });

  it('cleans HTML inside a link whose URL is unsafe (the second pass sees it once the link is gone)', async () => {
    const { markdown } = sanitizeMarkdown('[<img src=x onerror=alert(1)>](javascript:alert(2))\n');
    expect(markdown).toBe('<img src="x">\n');
    expect(findDanger(await renderSiteMarkdown(markdown))).toEqual([]);
  });

  // The site's processor happens to end a tag at the end of each piece too; the sanitiser does not rely on it.
  it('writes pieces that end outside any tag, so an unclosed attribute cannot swallow the next piece', async () => {
    const hostile = '<div title="\n\n<img src="a.png" alt=\'" onerror=alert(1) \'>\n';
    const { markdown } = sanitizeMarkdown(hostile);
    expect(markdown).toBe('\n\n<img src="a.png" alt="&#x22; onerror=alert(1) ">\n');
    expect(findDanger(await renderSiteMarkdown(markdown))).toEqual([]);
  });
});

describe('sanitizeMarkdown on random mixes of Markdown and hostile HTML, cut anywhere', () => {
  const MARKDOWN = [
    '\n\n',
    '\n',
    '## Heading {#h}\n',
    'Text with *emphasis* and [a link](https://example.com).',
    '[js](javascript:alert(1))',
    '![img](<java\tscript:alert(2)>)',
    '<javascript:alert(3)>',
    '[r]: vbscript:msgbox(4)\n',
    '<details>\n<summary>Q</summary>\n\n',
    '</details>\n',
    '| a | <b onclick=x>b</b> |\n| - | - |\n| 1 | 2 |\n',
    '```\n<script>alert(5)</script>\n```\n',
    '`<img src=x onerror=alert(6)>`',
    ':::note\n',
    ':::\n',
  ];
  const markdown = fc
    .tuple(fc.array(fc.constantFrom(...HOSTILE_HTML, ...MARKDOWN), { maxLength: 8 }), fc.nat(), fc.nat())
    .map(([pieces, from, to]) => {
      const joined = pieces.join('');
      return joined.slice(
        Math.min(from, to) % (joined.length + 1),
        Math.max(from, to) % (joined.length + 1) || undefined,
      );
    });

  it('renders nothing dangerous through the site processor, and is stable on its own output', async () => {
    await fc.assert(
      fc.asyncProperty(markdown, async (input) => {
        const once = sanitizeMarkdown(input).markdown;
        expect(findDanger(await renderSiteMarkdown(once))).toEqual([]);
        expect(sanitizeMarkdown(once)).toEqual({ markdown: once, removed: {} });
      }),
      { numRuns: 300 },
    );
  });
});
