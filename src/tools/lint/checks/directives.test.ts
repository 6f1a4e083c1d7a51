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
        "content/articles/billing/test.md:7:1  error  ":::info" is not a callout, so readers see its text without a callout box; use one of :::note, :::tip, :::warning  (unknown-directive)",
        "content/articles/billing/test.md:11:1  error  ":::warn" is not a callout, so readers see its text without a callout box; use one of :::note, :::tip, :::warning (did you mean :::warning?)  (unknown-directive)",
        "content/articles/billing/test.md:15:1  error  "::youtube" is not a callout; callouts start with three colons (:::note, :::tip, :::warning) and end with a ":::" line  (unknown-directive)",
      ]
    `);
  });
});
