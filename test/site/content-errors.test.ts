import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { REPO_ROOT, buildSite } from '../helpers/build-site.ts';
import { article, writeTempSite } from '../helpers/temp-site.ts';

describe('a build with bad content', () => {
  it('stops before rendering and names every file, line and fix', () => {
    const root = writeTempSite({
      'content/articles/billing/no-title.md': '---\ndescription: Says what it does in a sentence or two.\n---\nBody\n',
      'content/articles/billing/refunds.md': article('Refunds', 'related: [nope]\n'),
      'content/articles/shipping/track.md': article('Track'),
    });
    const result = buildSite('broken', path.join(root, 'content'));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('The content has 3 problems; fix them and build again:');
    expect(result.output).toContain(
      'content/articles/billing/no-title.md:2:1  error  title: is required (expected string)  (frontmatter-schema)',
    );
    expect(result.output).toContain(
      'content/articles/billing/refunds.md:4:11  error  related: "nope" is not an article id',
    );
    expect(result.output).toContain(
      'content/articles/shipping/track.md:1:1  error  the folder "shipping" is not a category',
    );
  });

  it('fails on a broken link and an invisible character, with every finding of a file, and no framework noise', () => {
    const root = writeTempSite({
      // "window" in a file name once made Astro replace our hint with one about browser APIs.
      'content/articles/billing/window-seats.md':
        '---\ndescription: Says what it does in a sentence or two.\n---\n\nSee [nothing](../billing/nothing.md) and a zero\u200Bwidth space.\n',
      'content/articles/billing/refunds.md': article('Refunds'),
    });
    const result = buildSite('broken-links', path.join(root, 'content'), {}, { log: true });
    expect(result.status).toBe(1);
    const printed = result.output.trim().split('\n');
    const start = printed.findIndex((line) => line.startsWith('[ContentError]'));
    expect(printed.slice(start)).toEqual([
      '[ContentError] The content has 3 problems; fix them and build again:',
      'content/articles/billing/window-seats.md:2:1  error  title: is required (expected string)  (frontmatter-schema)',
      'content/articles/billing/window-seats.md:5:5  error  ../billing/nothing.md does not exist (no file content/articles/billing/nothing.md)  (broken-link)',
      'content/articles/billing/window-seats.md:5:48  error  U+200B ZERO WIDTH SPACE: an invisible character that breaks search and copy-paste; delete it (--fix does)  (invisible-character)',
      '  Hint:',
      expect.stringMatching(/^ {4}Each line is file:line:column, what is wrong, and \(the rule\)\./),
    ]);
    expect(result.output).not.toMatch(/Stack trace|Location:|unhandled error|Browser APIs/);
  });
});

describe('a site whose content config adds a frontmatter field', () => {
  it('builds: the content check validates with the extended schema', () => {
    const fixture = path.join(REPO_ROOT, 'test/fixtures/extended-frontmatter');
    const result = buildSite('extended-frontmatter', path.join(fixture, 'content'), {
      HELP_CENTER_SRC_DIR: path.join(fixture, 'src'),
    });
    expect(result.output).not.toContain('audience');
    expect(result.status).toBe(0);
  }, 120_000);
});
