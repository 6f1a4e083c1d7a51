import { describe, expect, it } from 'vitest';
import { renderMarkdown, MARKDOWN_PROCESSORS } from '../../test/helpers/render-site-markdown.ts';
import { separateDefinitionsFromFences } from './satteri-source-repair.ts';

describe('separateDefinitionsFromFences', () => {
  it('puts a blank line between a link definition and the ":::" right after it, and nowhere else', () => {
    expect(separateDefinitionsFromFences(':::note\nSee [a][].\n\n[a]: https://example.com\n:::\n')).toBe(
      ':::note\nSee [a][].\n\n[a]: https://example.com\n\n:::\n',
    );
    expect(separateDefinitionsFromFences(':::note\n[#1]:\n  https://example.com/1\n[b]: b.md\n::::\n')).toBe(
      ':::note\n[#1]:\n  https://example.com/1\n[b]: b.md\n\n::::\n',
    );
    for (const unchanged of [
      ':::note\nText [a]: not a definition\n:::\n',
      ':::note\n[a]: https://example.com\n\n:::\n',
      '```md\n[a]: https://example.com\n:::\n```\n',
    ])
      expect(separateDefinitionsFromFences(unchanged)).toBe(unchanged);
  });
});

// Both were found on real documentation (docusaurus-thunderbird-reply's support page, hugo-docsy's
// navigation page): with Sätteri's defaults, the text after them was missing from the page.
describe.each(MARKDOWN_PROCESSORS)('what Sätteri would have dropped, on %s', (processor) => {
  it('keeps a body that starts with a "---" rule and has another one further down', async () => {
    const { code } = await renderMarkdown('---\n\n## FAQ\n\nFirst part.\n\n---\n\n## Support\n\nMore.\n', { processor });
    expect(code).toContain('First part.');
    expect(code.match(/<hr>/g)).toHaveLength(2);
  });

  it('closes a callout whose last line is a link definition, and keeps what follows outside it', async () => {
    const { code } = await renderMarkdown(
      ':::note[Headings]\nSee the forum [#55399][].\n\n[#55399]:\n  https://example.com/55399\n:::\n\n### After\n\nOutside.\n',
      { processor },
    );
    expect(code).toContain('<a href="https://example.com/55399">#55399</a>');
    expect(code).not.toContain(':::');
    expect(code.indexOf('</aside>')).toBeLessThan(code.indexOf('Outside.'));
    expect(code.indexOf('</aside>')).toBeGreaterThan(0);
  });
});
