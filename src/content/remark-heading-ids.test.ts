import { describe, expect, it } from 'vitest';
import { remark } from 'remark';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { remarkHeadingIds, splitHeadingId } from './remark-heading-ids.ts';

const toHtml = async (md: string) =>
  String(await remark().use(remarkHeadingIds).use(remarkRehype).use(rehypeStringify).process(md));

describe('remarkHeadingIds', () => {
  it('takes a trailing {#id} off the heading text and makes it the element id', async () => {
    expect(await toHtml('## Change your plan {#plans}\n\nText {#not-a-heading}')).toBe(
      '<h2 id="plans">Change your plan</h2>\n<p>Text {#not-a-heading}</p>',
    );
  });

  it('keeps the id after inline code and drops kramdown classes; leaves braces elsewhere alone', async () => {
    expect(await toHtml('### Use `--force` {#force .wide}')).toBe('<h3 id="force">Use <code>--force</code></h3>');
    expect(await toHtml('## Write {{name}} in a template')).toBe('<h2>Write {{name}} in a template</h2>');
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
