import { describe, expect, it } from 'vitest';
import { article, lintTestSite } from '../../../../test/helpers/lint-site.ts';

const fm = (lines: string) => ({ 'content/articles/billing/test.md': article('Body.\n', lines) });

describe('frontmatter quality', () => {
  it('accepts a description between 50 and 160 characters, an owner and a future reviewBy', async () => {
    const { lines } = await lintTestSite(
      fm(
        'title: T\ndescription: Exactly what this article helps with, in one sentence of fair length.\nowner: Team\nreviewBy: 2026-11-23\n',
      ),
    );
    expect(lines).toEqual([]);
  });

  it('reports a description that is too short or too long for search results', async () => {
    const { lines } = await lintTestSite({
      ...fm('title: T\ndescription: Too short.\nowner: Team\n'),
      'content/articles/billing/long.md': article(
        'Body.\n',
        `title: Long\ndescription: ${'Far too long. '.repeat(13)}\nowner: Team\n`,
      ),
    });
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/articles/billing/long.md:3:1  warning  description is 181 characters; search results cut it after about 160, so shorten it  (description-length)",
        "content/articles/billing/test.md:3:1  warning  description is 10 characters; search results show 50–160, so say in a sentence or two what the article helps with  (description-length)",
      ]
    `);
  });

  it('reports a missing owner when lint.requireOwner is on, and not when it is off', async () => {
    const missing = fm(
      'title: T\ndescription: Exactly what this article helps with, in one sentence of fair length.\n',
    );
    expect((await lintTestSite(missing)).lines).toMatchInlineSnapshot(`
      [
        "content/articles/billing/test.md:2:1  error  the article has no owner, and lint.requireOwner is on; add "owner:" with the team or person who keeps it up to date  (owner-missing)",
      ]
    `);
    const off = await lintTestSite({
      ...missing,
      'content/site.yaml':
        'name: Example Help\nurl: https://help.example.com\nlint:\n  allowedDomains: [status.example.net]\n',
    });
    expect(off.lines).toEqual([]);
  });

  it('reports a reviewBy date in the past, with the owner', async () => {
    const { lines } = await lintTestSite(
      fm(
        'title: T\ndescription: Exactly what this article helps with, in one sentence of fair length.\nowner: Team\nreviewBy: 2026-11-22\n',
      ),
    );
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/articles/billing/test.md:5:1  warning  reviewBy 2026-11-22 has passed (1 day ago, owner: Team); review the article, then set reviewBy to the next review date  (review-overdue)",
      ]
    `);
  });
});
