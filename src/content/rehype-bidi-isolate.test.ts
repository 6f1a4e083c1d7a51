import { describe, expect, it } from 'vitest';
import { MARKDOWN_PROCESSORS, renderMarkdown } from '../../test/helpers/render-site-markdown.ts';

describe.each(MARKDOWN_PROCESSORS)('bidi isolation (%s)', (processor) => {
  const toHtml = async (md: string) => (await renderMarkdown(md, { processor })).code.trim();
  it('isolates phone and e-mail links', async () => {
    expect(await toHtml('اتصل بنا على [+1 555 0100](tel:+15550100) أو [help@parcelo.example](mailto:help@parcelo.example).')).toBe(
      '<p>اتصل بنا على <bdi><a href="tel:+15550100">+1 555 0100</a></bdi> أو <bdi><a href="mailto:help@parcelo.example">help@parcelo.example</a></bdi>.</p>',
    );
  });

  it('isolates phone numbers written as text, and e-mail addresses the autolinker turned into links', async () => {
    expect(await toHtml('اتصل على +1 555 0100 أو +44 (20) 7946-0958 اليوم')).toBe(
      '<p>اتصل على <bdi>+1 555 0100</bdi> أو <bdi>+44 (20) 7946-0958</bdi> اليوم</p>',
    );
    expect(await toHtml('راسلنا: help@parcelo.example')).toBe(
      '<p>راسلنا: <bdi><a href="mailto:help@parcelo.example">help@parcelo.example</a></bdi></p>',
    );
  });

  it('leaves sums, short numbers, dates, code and other links alone', async () => {
    const md = 'Add +1 2 items on 2024-01-05, see [the guide](https://example.com/+15550100) and `+1 555 0100`.';
    expect(await toHtml(md)).toBe(
      '<p>Add +1 2 items on 2024-01-05, see <a href="https://example.com/+15550100">the guide</a> and <code>+1 555 0100</code>.</p>',
    );
  });

  it('isolates inside lists and table cells', async () => {
    expect(await toHtml('- Call +1 555 0100')).toBe('<ul>\n<li>Call <bdi>+1 555 0100</bdi></li>\n</ul>');
    expect(await toHtml('| Line | Number |\n| --- | --- |\n| Sales | +1 555 0199 |')).toContain(
      '<td>Sales</td>\n<td><bdi>+1 555 0199</bdi></td>',
    );
  });
});
