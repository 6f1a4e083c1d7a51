import { describe, expect, it } from 'vitest';
import { getResultHref, parseExcerpt } from './index-strings.ts';

describe('a Pagefind excerpt, taken apart into text', () => {
  it('marks the matched words and keeps the rest as plain text', () => {
    expect(parseExcerpt('When your <mark>refund</mark> arrives, <mark>refunds</mark>')).toEqual([
      { text: 'When your ', marked: false },
      { text: 'refund', marked: true },
      { text: ' arrives, ', marked: false },
      { text: 'refunds', marked: true },
    ]);
  });

  it('turns the markup an article showed as text back into text, never into elements', () => {
    // pagefind.js escapes < and > of the indexed text; an article about HTML, or a hostile one.
    expect(parseExcerpt('Paste &lt;img src=x onerror=alert(1)&gt; into <mark>the</mark> box & save')).toEqual([
      { text: 'Paste <img src=x onerror=alert(1)> into ', marked: false },
      { text: 'the', marked: true },
      { text: ' box & save', marked: false },
    ]);
  });

  it('keeps unbalanced or stray markers harmless: the highlight may be off, every run is still text', () => {
    expect(parseExcerpt('<mark>a</mark></mark>b<script>')).toEqual([
      { text: 'a', marked: true },
      { text: 'b<script>', marked: true },
    ]);
    expect(parseExcerpt('')).toEqual([]);
  });
});

describe("a result's link", () => {
  it('keeps http(s) and site-relative URLs', () => {
    expect(getResultHref('https://help.example.com/billing/refunds/')).toBe(
      'https://help.example.com/billing/refunds/',
    );
    expect(getResultHref('http://127.0.0.1:4321/faq/#x')).toBe('http://127.0.0.1:4321/faq/#x');
    expect(getResultHref('/billing/refunds/#when')).toBe('/billing/refunds/#when');
  });

  it('makes every other scheme, and protocol-relative URLs, a dead link', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<script>x</script>',
      '//evil.example/x',
      'vbscript:x',
    ])
      expect(getResultHref(url), url).toBe('#');
  });
});
