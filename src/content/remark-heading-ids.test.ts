import { describe, expect, it } from 'vitest';
import { splitHeadingId } from './remark-heading-ids.ts';
import { MARKDOWN_PROCESSORS, renderMarkdown } from '../../test/helpers/render-site-markdown.ts';

describe.each(MARKDOWN_PROCESSORS)('heading ids (%s)', (processor) => {
  const toHtml = async (md: string) => (await renderMarkdown(md, { processor })).code.trim();
  it('takes a trailing {#id} off the heading text and makes it the element id', async () => {
    expect(await toHtml('## Change your plan {#plans}\n\nText {#not-a-heading}')).toBe(
      '<h2 id="plans">Change your plan</h2>\n<p>Text {#not-a-heading}</p>',
    );
  });

  it('keeps the id after inline code and drops kramdown classes; leaves braces elsewhere alone', async () => {
    expect(await toHtml('### Use `--force` {#force .wide}')).toBe('<h3 id="force">Use <code>--force</code></h3>');
    // (Astro gives a heading without an id a slug of its text.)
    expect(await toHtml('## Write {{name}} in a template')).toBe('<h2 id="write-name-in-a-template">Write {{name}} in a template</h2>');
  });

  it('splits the id from heading text', () => {
    expect(splitHeadingId('Billing {#bill}')).toEqual({ text: 'Billing', id: 'bill' });
    expect(splitHeadingId('Billing {#-bad}')).toEqual({ text: 'Billing {#-bad}' });
    expect(splitHeadingId('Billing {#two words}')).toEqual({ text: 'Billing {#two words}' });
  });

  it('takes ids that start with a digit, as Hugo error-code pages write them', async () => {
    expect(splitHeadingId('401 Unauthorized {#401}')).toEqual({ text: '401 Unauthorized', id: '401' });
    expect(await toHtml('## 401 Unauthorized {#401}')).toBe('<h2 id="401">401 Unauthorized</h2>');
  });
});
