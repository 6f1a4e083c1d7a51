import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDanger, HOSTILE_HTML } from '../../test/helpers/html-danger.ts';
import {
  formatUnsafeCounts,
  getUrlScheme,
  IMPORT_POLICY,
  isSafeUrl,
  sanitizeHtml,
  sanitizeHtmlPiece,
  WIDGET_POLICY,
} from './sanitize-html.ts';

describe('getUrlScheme and isSafeUrl', () => {
  it('read the scheme as a browser does: tabs and newlines dropped, leading controls skipped, any case', () => {
    expect(getUrlScheme('javascript:alert(1)')).toBe('javascript');
    expect(getUrlScheme('  JaVa\tScRiPt:alert(1)')).toBe('javascript');
    expect(getUrlScheme('java\nscript:alert(1)')).toBe('javascript');
    expect(getUrlScheme('\u0001\u0010 javascript:x')).toBe('javascript');
    expect(getUrlScheme('/docs/a:b')).toBeUndefined();
    expect(getUrlScheme('page.md#x:y')).toBeUndefined();
    expect(getUrlScheme('HTTPS://example.com')).toBe('https');
  });

  it('allow relative, http(s), mailto and tel; raster data: images only where asked', () => {
    for (const url of ['/a', 'b.md', '#c', 'https://x.test', 'http://x.test', 'mailto:a@b.test', 'tel:+1555'])
      expect(isSafeUrl(url), url).toBe(true);
    for (const url of ['javascript:x', 'vbscript:x', 'data:text/html,x', 'file:///etc/passwd', 'blob:x'])
      expect(isSafeUrl(url), url).toBe(false);
    expect(isSafeUrl('data:image/png;base64,AAAA')).toBe(false);
    expect(isSafeUrl('data:image/png;base64,AAAA', { dataImages: true })).toBe(true);
    expect(isSafeUrl('data:image/svg+xml,<svg onload=alert(1)>', { dataImages: true })).toBe(false);
  });
});

describe('sanitizeHtml', () => {
  it('counts what it removed by kind, from the trees, and leaves harmless removals uncounted', () => {
    const { html, removed } = sanitizeHtml(
      '<p class="x" data-id="1" onclick="a()">Hi <font color="red">there</font></p>' +
        '<a href="&#106;avascript:b()">j</a><a href=vbscript:c>v</a><a href="data:text/html,x">d</a>' +
        '<script>d()</script><style>p{}</style><iframe src="https://evil.example/"></iframe>' +
        '<form><input><button>b</button><select><option>o</option></select><textarea>t</textarea></form>' +
        '<object data="x"></object><embed src="x"><base href="/x"><meta charset="utf-8"><link rel="x" href="y">' +
        '<svg onload="e()"></svg><math></math><p style="background:url(x)">s</p>',
      IMPORT_POLICY,
    );
    expect(removed).toEqual({
      'event-handler': 1,
      'javascript-url': 1,
      'unsafe-url': 2,
      script: 1,
      style: 1,
      iframe: 1,
      form: 5,
      object: 2,
      metadata: 3,
      'svg-math': 2,
      'unsafe-style': 1,
    });
    expect(html).toBe('<p class="x">Hi there</p><a>j</a><a>v</a><a>d</a><p>s</p>');
    expect(formatUnsafeCounts(removed)).toBe(
      '1 script, 1 event handler, 1 javascript: link, 2 data:, vbscript: or other unsafe URLs, 1 iframe, 1 style block, 1 style attribute with url() or expression(), 5 forms or form controls, 2 objects or embeds, 3 base, meta or link tags, 2 SVG or MathML elements',
    );
    expect(formatUnsafeCounts({})).toBe('');
  });

  it('keeps what the import converter reads: heading ids, callout classes, code languages, tables, images', () => {
    const html =
      '<h2 id="when-arrives">When?</h2><div class="alert alert-warning">Careful</div>' +
      '<pre><code class="language-js">x</code></pre><table><tbody><tr><td align="center">a</td></tr></tbody></table>' +
      '<img src="https://cdn.example/a.png" alt="A" width="10"><img src="data:image/png;base64,AAAA" alt="inline">';
    expect(sanitizeHtml(html, IMPORT_POLICY)).toEqual({ html, removed: {} });
  });

  it('takes a code language that could end a Markdown fence, and keeps the code', () => {
    expect(sanitizeHtml('<pre><code class="language-a`b">x</code></pre>', IMPORT_POLICY).html).toBe(
      '<pre><code>x</code></pre>',
    );
  });

  it('turns an allowed video iframe into a link, counting only what the link lost', () => {
    expect(
      sanitizeHtml(
        '<iframe src="https://player.vimeo.com/video/1" title="Tour" srcdoc="x" onload="y()" width="640"></iframe>',
        IMPORT_POLICY,
      ),
    ).toEqual({
      html: '<a href="https://player.vimeo.com/video/1">Tour</a>',
      removed: { srcdoc: 1, 'event-handler': 1 },
    });
    expect(sanitizeHtml('<iframe src="https://youtu.be/x"></iframe>', WIDGET_POLICY).html).toBe(
      '<a href="https://youtu.be/x">Watch the video</a>',
    );
    // Off the allow-list (a look-alike host): removed.
    expect(sanitizeHtml('<iframe src="https://youtube.com.evil.example/embed/x"></iframe>', IMPORT_POLICY)).toEqual({
      html: '',
      removed: { iframe: 1 },
    });
  });

  it('keeps Shiki colour styles in the widget and drops styles that load or run something', () => {
    const shiki = '<pre style="background-color:var(--astro-code-background); overflow-x: auto;" tabindex="0">x</pre>';
    expect(sanitizeHtml(shiki, WIDGET_POLICY)).toEqual({ html: shiki, removed: {} });
    for (const style of ['background:url(x)', 'width:expression(alert(1))', 'background:u\\72l(x)', 'a/**/:b'])
      expect(sanitizeHtml(`<span style="${style}">s</span>`, WIDGET_POLICY), style).toEqual({
        html: '<span>s</span>',
        removed: { 'unsafe-style': 1 },
      });
  });

  it('lower-cases the scheme and trims a URL rather than dropping a link a browser would follow', () => {
    expect(sanitizeHtml('<a href="  HTTPS://example.com/a ">a</a>', IMPORT_POLICY).html).toBe(
      '<a href="https://example.com/a">a</a>',
    );
  });
});

describe('sanitizeHtmlPiece (one raw HTML node of a Markdown document)', () => {
  it('leaves elements the piece opens open, and keeps end tags of allowed elements', () => {
    expect(sanitizeHtmlPiece('<details>\n<summary onclick="x()">Why?</summary>', IMPORT_POLICY)).toEqual({
      html: '<details>\n<summary>Why?</summary>',
      removed: { 'event-handler': 1 },
    });
    expect(sanitizeHtmlPiece('</details>', IMPORT_POLICY).html).toBe('</details>');
    expect(sanitizeHtmlPiece('</script>', IMPORT_POLICY).html).toBe('');
    expect(sanitizeHtmlPiece('<span onclick="x()">', IMPORT_POLICY).html).toBe('<span>');
    expect(sanitizeHtmlPiece('<br/>', IMPORT_POLICY).html).toBe('<br>');
  });

  it('never ends inside a tag or an attribute, so the next piece cannot continue it', () => {
    expect(sanitizeHtmlPiece('<div title="', IMPORT_POLICY).html).toBe('');
    expect(sanitizeHtmlPiece(`<img src="a.png" alt='" onerror=alert(1) '>`, IMPORT_POLICY).html).toBe(
      '<img src="a.png" alt="&#x22; onerror=alert(1) ">',
    );
  });
});

describe('sanitizeHtml on random mixes of hostile and harmless HTML, cut anywhere', () => {
  const HARMLESS = [
    '<h2 id="a">A</h2>',
    '<p>Text <strong>bold</strong> <a href="/x">link</a></p>',
    '<table><tr><td>1</td></tr></table>',
    '<pre><code class="language-js">x &lt; y</code></pre>',
    '<details><summary>Q</summary><p>A</p></details>',
    '<img src="/i.png" alt="i">',
    '<ul><li>one<li>two</ul>',
    '"\'<>&',
  ];
  const html = fc
    .tuple(fc.array(fc.constantFrom(...HOSTILE_HTML, ...HARMLESS), { maxLength: 6 }), fc.nat(), fc.nat())
    .map(([pieces, from, to]) => {
      const joined = pieces.join('');
      // A slice of the mix: tags and attributes cut in the middle, as broken exports have them.
      return joined.slice(
        Math.min(from, to) % (joined.length + 1),
        Math.max(from, to) % (joined.length + 1) || undefined,
      );
    });

  it.each([
    ['import', IMPORT_POLICY],
    ['widget', WIDGET_POLICY],
  ] as const)('leaves nothing dangerous with the %s schema, and its output sanitises to itself', (_name, policy) => {
    fc.assert(
      fc.property(html, (input) => {
        const once = sanitizeHtml(input, policy).html;
        expect(findDanger(once)).toEqual([]);
        expect(sanitizeHtml(once, policy)).toEqual({ html: once, removed: {} });
      }),
      { numRuns: 400 },
    );
  });
});
