import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { buildSite } from '../helpers/build-site.ts';
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
});
