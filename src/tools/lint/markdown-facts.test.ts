import { describe, expect, it } from 'vitest';
import { getMarkdownFacts } from './markdown-facts.ts';

describe('getMarkdownFacts', () => {
  it('gives headings the ids Astro gives them: github-slugger, smartypants dashes, numbered repeats', () => {
    const facts = getMarkdownFacts(
      "## Don't panic!\n\n## A -- B\n\n## Step 1: `npm install`\n\n## Résumé\n\n## Résumé\n\n## Ends with ?\n",
    );
    expect(facts.headings.map((h) => h.id)).toEqual([
      'dont-panic',
      'a--b',
      'step-1-npm-install',
      'résumé',
      'résumé-1',
      'ends-with',
    ]);
  });

  it('collects links, images and HTML images with body offsets, and prose outside code', () => {
    const body =
      'Hi [there](a.md#x "t").\n\n![alt text](/images/a.png)\n\n<img src="/b.png">\n\n```\n[not](a link)\n```\n\n`[code](x)` and :::\n\n[ref]: https://example.com\n';
    const facts = getMarkdownFacts(body);
    expect(facts.links.map(({ offset, ...rest }) => ({ ...rest, at: body.slice(offset, offset + 5) }))).toEqual([
      { kind: 'link', url: 'a.md#x', at: '[ther' },
      { kind: 'image', url: '/images/a.png', alt: 'alt text', at: '![alt' },
      { kind: 'html-image', url: '/b.png', alt: undefined, at: '<img ' },
      { kind: 'definition', url: 'https://example.com', at: '[ref]' },
    ]);
    expect(facts.text.map((t) => body.slice(t.offset, t.offset + t.text.length))).toEqual(
      facts.text.map((t) => t.text),
    );
    expect(facts.text.map((t) => t.text).join('|')).toBe('Hi |there|.| and :::');
  });

  it('reports directive blocks by name and keeps text directives as prose', () => {
    const facts = getMarkdownFacts(':::note\nOpen 9:30 to 17:00 and :abbr[x].\n:::\n\n::video\n');
    expect(facts.directives.map((d) => `${d.type}:${d.name}`)).toEqual([
      'containerDirective:note',
      'leafDirective:video',
    ]);
    expect(facts.text.map((t) => t.text)).toEqual(['Open 9:30 to 17:00 and :abbr[x].']);
  });

  it('collects the ids of HTML elements, which links may target as they do headings', () => {
    const facts = getMarkdownFacts('## Install <a id="bundler"></a>\n\n<h2 id="setup">Setup</h2>\n\n`<a id="code">`\n');
    expect(facts.htmlIds).toEqual(['bundler', 'setup']);
  });
});
