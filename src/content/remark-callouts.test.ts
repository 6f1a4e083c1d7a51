import { describe, expect, it } from 'vitest';
import { remark } from 'remark';
import remarkDirective from 'remark-directive';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { remarkCallouts } from './remark-callouts.ts';

const toHtml = async (md: string) =>
  String(await remark().use(remarkDirective).use(remarkCallouts).use(remarkRehype).use(rehypeStringify).process(md));

describe('remarkCallouts', () => {
  it('renders a note as an aside with a visible label', async () => {
    expect(await toHtml(':::note\nKeep your receipt.\n:::')).toBe(
      '<aside class="callout callout-note"><p class="callout-title"><strong>Note</strong></p><p>Keep your receipt.</p></aside>',
    );
  });

  it('uses a custom label written in brackets', async () => {
    expect(await toHtml(':::warning[Before you start]\nBack up first.\n:::')).toContain(
      '<p class="callout-title"><strong>Before you start</strong></p><p>Back up first.</p>',
    );
  });

  it('leaves times and ratios in running text as the writer typed them', async () => {
    expect(await toHtml('Open 9:30 to 17:00, screens 16:9 and :smile[x].')).toBe('<p>Open 9:30 to 17:00, screens 16:9 and :smile[x].</p>');
  });
});
