import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMarkdownCopy, type MarkdownCopySite } from './markdown-copy.ts';

const contentDir = path.resolve('content');
const site = (base: string): MarkdownCopySite => ({
  siteUrl: `https://help.example.com${base.replace(/\/$/, '')}`,
  links: { contentDir, base },
  markdownPathByPage: new Map([
    [`${base.replace(/\/$/, '')}/account/two-factor-authentication/`, '/account/two-factor-authentication.md'],
    [`${base.replace(/\/$/, '')}/faq/#why-cant-i-log-in`, '/faq/why-cant-i-log-in.md'],
  ]),
});
const source = path.join(contentDir, 'articles/account/signing-in/reset-password.md');
const copy = (markdown: string, base = '/help/') =>
  buildMarkdownCopy(site(base), markdown, source, '/account/reset-password/');

describe('buildMarkdownCopy', () => {
  it("points a link to another article's file at that article's Markdown copy, under the site URL and base", () => {
    expect(copy('See [2FA](two-factor-authentication.md#backup-codes).')).toBe(
      'See [2FA](https://help.example.com/help/account/two-factor-authentication.md#backup-codes).',
    );
    expect(copy('See [2FA](two-factor-authentication.md).', '/')).toBe(
      'See [2FA](https://help.example.com/account/two-factor-authentication.md).',
    );
    expect(copy('[Log in](../../../faqs/account/why-cant-i-log-in.md)')).toBe(
      '[Log in](https://help.example.com/help/faq/why-cant-i-log-in.md)',
    );
  });

  it('makes site paths, images and anchors absolute and leaves other sites alone', () => {
    expect(copy('![Steps](/images/steps.svg) [top](#reset) [app](https://app.example.com/x)')).toBe(
      '![Steps](https://help.example.com/help/images/steps.svg) [top](https://help.example.com/help/account/reset-password/#reset) [app](https://app.example.com/x)',
    );
  });

  it('keeps only the content of a directive that is not a callout', () => {
    expect(copy(':::spoiler\nHidden text.\n:::\n\n::video\n\nAfter.')).toBe('Hidden text.\n\nAfter.');
  });

  it('writes collapsible callouts and tabs out in full: nothing is folded in a copy', () => {
    expect(copy(':::details[Why?]\nBecause.\n:::')).toBe('> **Why?:** Because.');
    expect(copy('::::tabs\n:::tab[macOS]\nFinder.\n:::\n::::')).toBe('**macOS**\n\nFinder.');
  });

  it('turns callouts into blockquotes led by their label, and keeps a colon in running text', () => {
    expect(
      copy(
        ':::note\nSigns you out.\n\nEverywhere.\n:::\n\n:::warning[Before you start]\nBack up.\n:::\n\nOpen 9:30 to 17:00.',
      ),
    ).toBe('> **Note:** Signs you out.\n>\n> Everywhere.\n\n> **Before you start:** Back up.\n\nOpen 9:30 to 17:00.');
  });
});
