import { describe, expect, it } from 'vitest';
import { newCounts } from '../../../test/helpers/import-counts.ts';
import { balanceDirectiveFences } from './directive-fences.ts';
import { convertDocusaurusMdx } from './docusaurus-mdx.ts';
import { convertDocusaurusAdmonitions, convertGithubAlerts, type TemplateContext } from './template-syntax.ts';

const newCtx = (): TemplateContext => ({
  origin: 'docs/page.mdx',
  counts: newCounts(),
});
const convert = (md: string, ctx = newCtx()) => balanceDirectiveFences(convertDocusaurusMdx(md, ctx)).trim();
const messages = (ctx: TemplateContext) => ctx.counts.templateSyntaxRemoved.map((n) => n.message);
/** What the summary's "converted" list says of the page: kind and how often, sorted. */
const conversions = (ctx: TemplateContext) => {
  const kinds = new Map<string, number>();
  for (const n of ctx.counts.converted) {
    expect(n.origin).toBe('docs/page.mdx');
    kinds.set(n.message, (kinds.get(n.message) ?? 0) + 1);
  }
  return Object.fromEntries([...kinds].sort());
};

describe('Docusaurus MDX', () => {
  it('turns Tabs and TabItems into tabs, labels from label, values={[…]} or value, groupId kept', () => {
    const md =
      "import Tabs from '@theme/Tabs';\nimport TabItem from '@theme/TabItem';\n\n" +
      '<Tabs groupId="os" values={[{label: \'macOS\', value: \'mac\'}, {label: \'Windows\', value: \'win\'}]}>\n<TabItem value="mac">\n\n```sh\nbrew install x\n```\n\n</TabItem>\n<TabItem value="win" label="Windows 11">\n\nRun it.\n\n</TabItem>\n</Tabs>';
    const ctx = newCtx();
    expect(convert(md, ctx)).toBe(
      '::::tabs{group="os"}\n\n:::tab[macOS]\n\n```sh\nbrew install x\n```\n\n:::\n\n:::tab[Windows 11]\n\nRun it.\n\n:::\n\n::::',
    );
    expect(messages(ctx)).toEqual([]);
  });

  it('turns a project component holding TabItems into tabs and says so', () => {
    const ctx = newCtx();
    const out = convert(
      'import ConfigTabs from "@site/src/components/ConfigTabs";\n\n<ConfigTabs>\n<TabItem value="ui">\nA\n</TabItem>\n</ConfigTabs>',
      ctx,
    );
    expect(out).toMatch(/^::::tabs\n+:::tab\[ui\]\n+A\n+:::\n+::::$/);
    expect(messages(ctx)).toContain('<ConfigTabs>: holds tabs: converted to tabs');
  });

  it('turns <details> and <Admonition> into callouts', () => {
    expect(convert('<details>\n<summary>Why <b>this</b>?</summary>\n\nBecause.\n\n</details>')).toBe(
      ':::details[Why this?]\n\nBecause.\n\n:::',
    );
    expect(convert('<Admonition type="danger" title="Stop">\nNo.\n</Admonition>')).toBe(
      ':::warning[Stop]\n\nNo.\n\n:::',
    );
  });

  it('makes JSX images plain images the image step can copy, and drops style={{}}', () => {
    const ctx = newCtx();
    const out = convert(
      "<img src={useBaseUrl('/img/a.png')} alt=\"Panel\" style={{width: '100%', margin: {top: 1}}} />\n\n" +
        "<img src={require('./b.png').default} />\n\n![c](require('./c.png'))\n\n" +
        "<ThemedImage alt=\"Logo\" sources={{light: useBaseUrl('/img/l.svg'), dark: useBaseUrl('/img/d.svg')}} />\n\n" +
        '<div style={{display: "flex"}} className="row">x</div>',
      ctx,
    );
    expect(out).toBe(
      '<img src="/img/a.png" alt="Panel">\n\n<img src="./b.png" alt="">\n\n![c](./c.png)\n\n<img src="/img/l.svg" alt="Logo">\n\n<div class="row">x</div>',
    );
    expect(messages(ctx)).toContain('<div> style={{…}}: JSX styles, removed (the site has its own styles)');
  });

  it('lists project components by name and page, keeping their text', () => {
    const ctx = newCtx();
    const out = convert(
      'import NavPath from "@site/src/components/NavPath";\nimport FaqItem from "@site/src/components/FaqItem";\n\n' +
        'Open <NavPath path="Settings > Cameras" /> and <NavPath path="Settings > Users" />.\n\n' +
        '<FaqItem id="no-video" question={"Why is there no \\"video\\"?"}>\nCheck the stream.\n</FaqItem>\n\n<ShmCalculator />\n',
      ctx,
    );
    expect(out).toBe(
      'Open **Settings > Cameras** and **Settings > Users**.\n\n### Why is there no "video"? {#no-video}\n\nCheck the stream.',
    );
    expect(messages(ctx)).toEqual(
      expect.arrayContaining([
        'import of @site/src/components/NavPath: an MDX import, removed',
        '<NavPath> ×2: a component from @site/src/components/NavPath, replaced by the text of its attributes',
        '<FaqItem>: a component from @site/src/components/FaqItem, its title became a heading, the text inside kept',
        '<ShmCalculator>: an MDX component, removed: what it showed is not in the source',
      ]),
    );
  });

  it('drops MDX comments', () => {
    expect(convert('Before {/* TODO: screenshot */} after.\n\n{/*\nmulti\n*/}\n')).toBe('Before  after.');
  });

  it('counts every tab, admonition, details and image it converts, by kind, for the summary', () => {
    const ctx = newCtx();
    convert(
      convertDocusaurusAdmonitions(
        [
          '<Tabs>\n<TabItem value="a">\n\n:::caution Careful\nx\n:::\n\n</TabItem>\n<TabItem value="b">y</TabItem>\n</Tabs>',
          '<ConfigTabs>\n<TabItem value="ui">A</TabItem>\n</ConfigTabs>',
          ':::note\nPlain.\n:::',
          '<Admonition type="tip">t</Admonition>',
          '<details>\n<summary>Why?</summary>\n\nBecause.\n</details>',
          '<Details summary="More">m</Details>',
          '<img src={useBaseUrl(\'/img/a.png\')} alt="A" />',
          "![c](require('./c.png'))",
          "<ThemedImage alt=\"Logo\" sources={{light: '/img/l.svg', dark: '/img/d.svg'}} />",
          '```md\n:::danger In code\n<TabItem value="z">z</TabItem>\n```',
        ].join('\n\n'),
        ctx,
      ),
      ctx,
    );
    expect(conversions(ctx)).toEqual({
      'Docusaurus ![…](require(…)) -> image': 1,
      'Docusaurus :::caution -> warning callout': 1,
      'Docusaurus :::note -> note callout': 1,
      'Docusaurus <Admonition> -> callout': 1,
      'Docusaurus <Details> -> collapsible callout': 1,
      'Docusaurus <TabItem> -> tab': 3,
      'Docusaurus <Tabs> -> tabs': 1,
      'Docusaurus <ThemedImage> -> image (its light version)': 1,
      'Docusaurus <img src={…}> -> image': 1,
      'Docusaurus project component holding TabItems -> tabs': 1,
      'HTML <details> -> collapsible callout': 1,
    });
  });

  it('counts GitHub alerts, and leaves alerts and admonitions in code alone', () => {
    const ctx = newCtx();
    const code = '```md\n> [!TIP]\n> In code.\n:::danger\n```';
    expect(
      convertGithubAlerts(convertDocusaurusAdmonitions(`> [!WARNING]\n> Back up first.\n\n${code}`, ctx), ctx),
    ).toBe(`:::warning\nBack up first.\n:::\n\n${code}`);
    expect(conversions(ctx)).toEqual({ 'GitHub alert [!WARNING] -> callout': 1 });
  });

  it('leaves JSX in code blocks as written', () => {
    const md = '```jsx\n<Tabs>\n<TabItem value="a">x</TabItem>\n</Tabs>\n```';
    expect(convert(md)).toBe(md);
  });
});
