import { describe, expect, it } from 'vitest';
import { dropAddedFullStops, getExcerptParts, getResultHref, parseExcerpt } from './index-strings.ts';

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

const shown = (excerpt: string) =>
  getExcerptParts(excerpt)
    .map((p) => (p.marked ? `[${p.text}]` : p.text))
    .join('');

describe('an excerpt as a reader sees it', () => {
  it('starts at the sentence the first match is in, and ends with "…" when cut mid-sentence', () => {
    expect(shown('your card. If you forgot your <mark>password</mark> you can reset it from the sign-in')).toBe(
      'If you forgot your [password] you can reset it from the sign-in…',
    );
  });

  it('starts with "…" when no sentence starts before the match, and keeps a whole sentence as it is', () => {
    expect(shown('the sign-in page and choose <mark>Reset</mark> password. Then')).toBe(
      '…the sign-in page and choose [Reset] password. Then…',
    );
    expect(shown('<mark>refunds</mark> take five days')).toBe('…[refunds] take five days…');
    expect(shown('Refunds take <mark>five</mark> days.')).toBe('Refunds take [five] days.');
  });

  it('never adds a full stop after ?, ! or a full stop, and keeps an ellipsis', () => {
    expect(shown('How do I reset my <mark>password?.</mark> Open Settings. Wait...')).toBe(
      'How do I reset my [password?] Open Settings. Wait...',
    );
    expect(shown("Why can't I log in?. Use the <mark>reset</mark> link!.")).toBe('Use the [reset] link!');
    expect(dropAddedFullStops('Done.. Really?. Yes!. Wait... e.g. this')).toBe('Done. Really? Yes! Wait... e.g. this');
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
