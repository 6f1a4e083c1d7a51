import { describe, expect, it } from 'vitest';
import { article, lintTestSite } from '../../../../test/helpers/lint-site.ts';

const at = (body: string) => ({ 'content/articles/billing/test.md': article(body) });

describe('heading structure', () => {
  it('accepts headings that start at ## and go down one level at a time', async () => {
    const { lines } = await lintTestSite(at('## One\n\n### Two\n\n#### Three\n\n## Four\n'));
    expect(lines).toEqual([]);
  });

  it('reports a level-1 heading in the body, setext style included', async () => {
    const { lines } = await lintTestSite(at('# Test article\n\nText.\n\nAnother title\n=============\n'));
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/articles/billing/test.md:7:1  error  "Test article" is a level-1 heading; the title is the page's only h1, so start body headings at ## (level 2)  (heading-h1)",
        "content/articles/billing/test.md:11:1  error  "Another title" is a level-1 heading; the title is the page's only h1, so start body headings at ## (level 2)  (heading-h1)",
      ]
    `);
  });

  it('reports skipped levels, including a first heading below ##', async () => {
    const { lines } = await lintTestSite(at('### Too deep\n\n## Fine\n\n#### Skipped\n'));
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/articles/billing/test.md:7:1  warning  "Too deep" is the first heading but is level 3; the title is level 1, so use ## here  (heading-level-skip)",
        "content/articles/billing/test.md:11:1  warning  "Skipped" jumps from level 2 to level 4; use ### here, or ## if it starts a new section  (heading-level-skip)",
      ]
    `);
  });

  it('reads headings inside callouts and ignores # lines in code blocks', async () => {
    const { lines } = await lintTestSite(at(':::tip\n#### Deep\n:::\n\n```sh\n# a shell comment\n```\n'));
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/articles/billing/test.md:8:1  warning  "Deep" is the first heading but is level 4; the title is level 1, so use ## here  (heading-level-skip)",
      ]
    `);
  });
});
