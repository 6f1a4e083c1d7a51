import { describe, expect, it } from 'vitest';
import { article, lintTestSite } from '../../../../test/helpers/lint-site.ts';

describe('directives', () => {
  it('accepts the three callouts and text that only looks like a directive', async () => {
    const { lines } = await lintTestSite({
      'content/articles/billing/test.md': article(
        ':::note\nA.\n:::\n\n:::tip[Quick]\nB.\n:::\n\n:::warning\nC.\n:::\n\nOpen 9:30 to 17:00, ratio 16:9, see Settings:Privacy.\n',
      ),
    });
    expect(lines).toEqual([]);
  });

  it('reports callouts that do not exist and leaf directives', async () => {
    const { lines } = await lintTestSite({
      'content/articles/billing/test.md': article(':::info\nA.\n:::\n\n:::warn\nB.\n:::\n\n::youtube[video]\n'),
    });
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/articles/billing/test.md:7:1  error  ":::info" is not a callout, so readers see its text without a callout box; use one of :::note, :::tip, :::warning, :::details  (unknown-directive)",
        "content/articles/billing/test.md:11:1  error  ":::warn" is not a callout, so readers see its text without a callout box; use one of :::note, :::tip, :::warning, :::details (did you mean :::warning?)  (unknown-directive)",
        "content/articles/billing/test.md:15:1  error  "::youtube" is not a callout; callouts start with three colons (:::note, :::tip, :::warning, :::details) and end with a ":::" line  (unknown-directive)",
      ]
    `);
  });
});

describe('tabs syntax', () => {
  it('accepts tabs, collapsible callouts and details', async () => {
    const { lines } = await lintTestSite({
      'content/articles/billing/test.md': article(
        '::::tabs{group="os"}\n:::tab[macOS]\nA.\n:::\n:::tab[Windows]\nB.\n:::\n::::\n\n:::details[More]\nC.\n:::\n\n:::warning[Old]{collapsed}\nD.\n:::\n',
      ),
    });
    expect(lines).toEqual([]);
  });

  it('names each mistake with its line and the fix', async () => {
    const { lines } = await lintTestSite({
      'content/articles/billing/test.md': article(
        ':::tabs\n:::tab[A]\nx\n:::\n:::\n\n::::tabs\nStray text.\n:::tab\ny\n:::\n::::\n\n:::tab[Alone]\nz\n:::\n',
      ),
    });
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/articles/billing/test.md:7:1  error  ":::tabs" opened with three colons is closed by its first tab's ":::"; write "::::tabs", then each tab as ":::tab[Label]" … ":::", then "::::"  (tabs-syntax)",
        "content/articles/billing/test.md:14:1  error  text in a tabs block outside any ":::tab" does not belong to a tab; move it into a tab or below the "::::" line  (tabs-syntax)",
        "content/articles/billing/test.md:15:1  error  ":::tab" without a label: readers see "Tab 1"; name it, as in ":::tab[Windows]"  (tabs-syntax)",
        "content/articles/billing/test.md:20:1  error  ":::tab" outside a tabs block shows as a plain box; write "::::tabs", then each tab as ":::tab[Label]" … ":::", then "::::"  (tabs-syntax)",
      ]
    `);
  });
});
