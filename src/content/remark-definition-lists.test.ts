import { describe, expect, it } from 'vitest';
import { MARKDOWN_PROCESSORS, renderMarkdown } from '../../test/helpers/render-site-markdown.ts';

describe.each(MARKDOWN_PROCESSORS)('definition lists (%s)', (processor) => {
  const toHtml = async (md: string) => (await renderMarkdown(md, { processor })).code.trim();
  it('renders terms and their definitions as <dl>, <dt> and <dd>', async () => {
    const html = await toHtml('Refund\n: Money sent back to the card.\n\nChargeback\n: A refund the bank forces.\n: It costs a fee.');
    expect(html.replace(/\n/g, '')).toBe(
      '<dl><dt>Refund</dt><dd>Money sent back to the card.</dd><dt>Chargeback</dt><dd>A refund the bank forces.</dd><dd>It costs a fee.</dd></dl>',
    );
  });

  it('leaves a colon at the start of running text alone', async () => {
    expect(await toHtml('Note: this is prose.')).toBe('<p>Note: this is prose.</p>');
  });
});
