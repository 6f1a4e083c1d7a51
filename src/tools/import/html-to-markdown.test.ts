/** Hosted desks' HTML to Markdown: whatever the HTML's text or attributes spell out, the Markdown renders it as text. */
import { describe, expect, it } from 'vitest';
import { findDanger } from '../../../test/helpers/html-danger.ts';
import { renderSiteMarkdown } from '../../../test/helpers/render-site-markdown.ts';
import { altFromFile, htmlToMarkdown } from './html-to-markdown.ts';

async function convertAndRender(html: string) {
  const { markdown, unsafeRemoved } = htmlToMarkdown(html);
  return { markdown, unsafeRemoved, rendered: await renderSiteMarkdown(markdown) };
}

describe('htmlToMarkdown with hostile text', () => {
  it('escapes text that spells out a tag, so the page shows it instead of running it', async () => {
    const { markdown, rendered } = await convertAndRender(
      '<p>&lt;details open ontoggle="alert(1)"&gt;&lt;summary&gt;x&lt;/summary&gt;&lt;/details&gt; &lt;javascript:alert(2)&gt;</p>',
    );
    expect(markdown).toBe(
      '\\<details open ontoggle="alert(1)">\\<summary>x\\</summary>\\</details> \\<javascript:alert(2)>',
    );
    expect(findDanger(rendered)).toEqual([]);
    expect(rendered).not.toContain('<details');
    expect(rendered).toContain('&lt;details open ontoggle=');
  });

  it('keeps an escaped entity as the entity text it was', async () => {
    const { markdown, rendered } = await convertAndRender('<p>Write &amp;lt;b&amp;gt; for &lt;b&gt;, AT&amp;T.</p>');
    expect(markdown).toBe('Write \\&lt;b\\&gt; for \\<b>, AT&T.');
    expect(rendered).toBe('<p>Write &amp;lt;b&amp;gt; for &lt;b&gt;, AT&amp;T.</p>');
  });

  it("escapes a video iframe's title as the link's text", async () => {
    const { markdown, rendered } = await convertAndRender(
      '<iframe src="https://player.vimeo.com/video/1" title="](javascript:alert(1)) <img src=x onerror=alert(2)>"></iframe>',
    );
    expect(markdown).toBe(
      '[\\](javascript:alert(1)) \\<img src=x onerror=alert(2)>](https://player.vimeo.com/video/1)',
    );
    expect(findDanger(rendered)).toEqual([]);
    expect(rendered).toBe(
      '<p><a href="https://player.vimeo.com/video/1">](javascript:alert(1)) &lt;img src=x onerror=alert(2)&gt;</a></p>',
    );
  });

  it('keeps an image alt, a link URL and a title from closing the Markdown early', async () => {
    const { markdown, rendered } = await convertAndRender(
      '<p><img src="https://cdn.example/a.png" alt="a](javascript:alert(1)) <img src=x onerror=alert(2)>" title="t&quot; onerror=&quot;x">' +
        '<a href="https://example.com/) <img src=x onerror=alert(3)> (">out</a></p>',
    );
    expect(markdown).toBe(
      '![a\\](javascript:alert(1)) \\<img src=x onerror=alert(2)\\>](https://cdn.example/a.png "t\\" onerror=\\"x")[out](<https://example.com/\\) \\<img src=x onerror=alert\\(3\\)\\> \\(>)',
    );
    expect(findDanger(rendered)).toEqual([]);
    expect(rendered).toContain('<a href="https://example.com/)%20%3Cimg%20src=x%20onerror=alert(3)%3E%20(">out</a>');
  });

  it('escapes brackets in a URL, so one with brackets stays whole', async () => {
    const { markdown, rendered } = await convertAndRender(
      '<p><a href="https://en.wikipedia.org/wiki/Parcel_(package)">parcel</a></p>',
    );
    expect(markdown).toBe('[parcel](https://en.wikipedia.org/wiki/Parcel_\\(package\\))');
    expect(rendered).toBe('<p><a href="https://en.wikipedia.org/wiki/Parcel_(package)">parcel</a></p>');
  });

  it('fences GitHub-highlighted code longer than any backtick run in it, so the code cannot end the fence', async () => {
    const { markdown, rendered } = await convertAndRender(
      '<div class="highlight highlight-source-js"><pre>```\n&lt;img src=x onerror=alert(1)&gt;\n```</pre></div>',
    );
    expect(markdown).toBe('````js\n```\n<img src=x onerror=alert(1)>\n```\n````');
    expect(findDanger(rendered)).toEqual([]);
    expect(rendered).toContain('data-language="js"');
  });

  it('fences a bare <pre> as WYSIWYG editors write it: lines split by <br>, the language in an attribute', async () => {
    const { markdown, rendered } = await convertAndRender(
      '<p>Run:</p><pre rel="highlighter" code-brush="bash" contenteditable="false">curl -X PUT \\<br>  -d \'{"a": "```"}\'</pre><pre>plain_text *here*</pre>',
    );
    expect(markdown).toBe(
      'Run:\n\n````bash\ncurl -X PUT \\\n  -d \'{"a": "```"}\'\n````\n\n```\nplain_text *here*\n```',
    );
    expect(findDanger(rendered)).toEqual([]);
    expect(rendered).toContain('data-language="bash"');
  });

  it('keeps Help Scout’s coloured <section> callouts, and lists tight whose items end in <br>', () => {
    const { markdown } = htmlToMarkdown(
      '<section class="callout-red"><p>Never share a code.</p></section><section class="intro"><p>Text</p></section><ul><li>One<br></li><li>Two<br><br></li></ul>',
    );
    expect(markdown).toBe(':::warning\nNever share a code.\n:::\n\nText\n\n-   One\n-   Two');
  });

  it('gives an image without alt text its file name’s words, and only words', () => {
    const { markdown, altFromFileName } = htmlToMarkdown(
      '<p><img src="https://cdn.example/a/edit-address.png?17" class="fr-fic"><img src="/x/file-Qw7eRt.png"><img src="/x/IMG_0042.JPG"><img src="/x/logo.png" alt="Acme"></p>',
    );
    expect(markdown).toBe(
      '![edit address](https://cdn.example/a/edit-address.png?17)![](/x/file-Qw7eRt.png)![](/x/IMG_0042.JPG)![Acme](/x/logo.png)',
    );
    expect(altFromFileName).toEqual(['https://cdn.example/a/edit-address.png?17']);
    expect(altFromFile('/a/Screen%20Shot.png')).toBe('screen shot');
  });

  it('counts the unsafe HTML it took out by kind, and leaves a harmless body uncounted', () => {
    expect(
      htmlToMarkdown('<p onclick="x()">a</p><a href=" java&#x09;script:y()">b</a><script>z()</script>').unsafeRemoved,
    ).toEqual({ 'event-handler': 1, 'javascript-url': 1, script: 1 });
    expect(
      htmlToMarkdown('<h2>A</h2><p class="lead">Text <span style="color:red">red</span></p>').unsafeRemoved,
    ).toEqual({});
  });
});
