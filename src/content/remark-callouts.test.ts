import { describe, expect, it } from 'vitest';
import { MARKDOWN_PROCESSORS, renderMarkdown } from '../../test/helpers/render-site-markdown.ts';

describe.each(MARKDOWN_PROCESSORS)('callouts (%s)', (processor) => {
  const toHtml = async (md: string) => (await renderMarkdown(md, { processor })).code.trim();
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

  it('keeps a time in a custom label and in the callout as typed', async () => {
    expect(await toHtml(':::tip[Open at 9:30]\nCall before 17:00.\n:::')).toBe(
      '<aside class="callout callout-tip"><p class="callout-title"><strong>Open at 9:30</strong></p><p>Call before 17:00.</p></aside>',
    );
  });

  it('renders a callout inside a list item and a list inside a callout', async () => {
    const html = await toHtml('- Step one\n\n  :::warning\n  Mind the 2:1 ratio.\n  :::\n\n:::note\n- a 1:2\n- b\n:::');
    expect(html).toContain('<li>\n<p>Step one</p>\n<aside class="callout callout-warning"><p class="callout-title"><strong>Warning</strong></p><p>Mind the 2:1 ratio.</p></aside>\n</li>');
    expect(html).toContain('<aside class="callout callout-note"><p class="callout-title"><strong>Note</strong></p><ul>\n<li>a 1:2</li>\n<li>b</li>\n</ul></aside>');
  });

  it('leaves a block directive that is not a callout alone', async () => {
    expect(await toHtml(':::spoiler\nMore.\n:::')).not.toContain('callout');
  });
});

describe.each(MARKDOWN_PROCESSORS)('collapsible callouts (%s)', (processor) => {
  const toHtml = async (md: string) => (await renderMarkdown(md, { processor })).code.trim();
  it('renders :::details as a closed <details> with its label as the summary', async () => {
    expect(await toHtml(':::details[Why is this slow?]\nBecause.\n:::')).toBe(
      '<details class="callout callout-note callout-collapsible"><summary class="callout-title"><strong>Why is this slow?</strong></summary><p>Because.</p></details>',
    );
    expect(await toHtml(':::details\nx\n:::')).toContain('<strong>Details</strong>');
  });

  it('makes a typed callout collapsible with {collapsed} or {open}', async () => {
    expect(await toHtml(':::warning[Old data]{collapsed}\nx\n:::')).toContain(
      '<details class="callout callout-warning callout-collapsible"><summary class="callout-title">',
    );
    expect(await toHtml(':::tip{open}\nx\n:::')).toContain('<details class="callout callout-tip callout-collapsible" open>');
    expect(await toHtml(':::details[S]{open}\nx\n:::')).toContain('<details class="callout callout-note callout-collapsible" open>');
  });
});
