import { describe, expect, it } from 'vitest';
import { newCounts } from '../../../test/helpers/import-counts.ts';
import { balanceDirectiveFences } from './directive-fences.ts';
import {
  convertAbbreviations,
  convertAttrLists,
  convertMkdocs,
  convertMkdocsBlocks,
  convertSlashBlocks,
  unwrapMarkdownHtml,
  type MkdocsContext,
} from './mkdocs-syntax.ts';

const ctx = (snippets: Record<string, string> = {}): MkdocsContext => ({
  origin: 'docs/page.md',
  counts: newCounts(),
  readSnippet: (name) => snippets[name],
});

const blocks = (md: string) => balanceDirectiveFences(convertMkdocsBlocks(md));

describe('MkDocs content tabs', () => {
  it('turns consecutive === "Label" blocks into one tabs block, code and admonitions inside', () => {
    const md =
      '=== "macOS"\n\n    ```sh\n    brew install x\n    ```\n\n=== "Windows"\n\n    !!! note\n        Run as admin.\n\nAfter.';
    expect(blocks(md)).toBe(
      ':::::tabs\n:::tab[macOS]\n\n```sh\nbrew install x\n```\n:::\n::::tab[Windows]\n\n:::note\nRun as admin.\n:::\n::::\n:::::\n\nAfter.',
    );
  });

  it('starts a new set at ===! and keeps tabs indented in a list item', () => {
    const out = blocks('=== "A"\n    a\n===! "B"\n    b\n\n1. Step\n\n    === "C"\n        c\n');
    expect(out.match(/tabs/g)).toHaveLength(3);
    expect(out).toContain('    ::::tabs\n    :::tab[C]\n    c\n    :::\n    ::::');
  });
});

describe('MkDocs admonitions', () => {
  it('makes ??? collapsed, ???+ open, and reads types with extra words or none', () => {
    expect(blocks('??? warning "Old data"\n    Text.')).toBe(':::warning[Old data]{collapsed}\nText.\n:::');
    expect(blocks('???+ tip\n    Text.')).toBe(':::tip{open}\nText.\n:::');
    expect(blocks('!!! note inline end "Side"\n    Text.')).toBe(':::note[Side]\nText.\n:::');
    expect(blocks('!!! example\n    Text.')).toBe(':::note[Example]\nText.\n:::');
    expect(blocks('??? "Why?"\n    Because.')).toBe(':::details[Why?]{collapsed}\nBecause.\n:::');
  });

  it('converts an admonition indented in a list and one nested in another', () => {
    const out = blocks(
      '- Step\n\n    !!! danger\n        Careful.\n\n!!! info\n    Outer.\n\n    !!! tip\n        Inner.\n',
    );
    expect(out).toContain('    :::warning[Danger]\n    Careful.\n    :::');
    expect(out).toContain('::::note[Info]\nOuter.\n\n:::tip\nInner.\n:::\n::::');
  });

  it('leaves admonition syntax inside code as written', () => {
    const md = '```md\n!!! note\n    Text.\n=== "A"\n```';
    expect(blocks(md)).toBe(md);
  });
});

const slash = (md: string, c = ctx()) => balanceDirectiveFences(convertMkdocsBlocks(convertSlashBlocks(md, c), c));

describe('pymdownx.blocks (/// name | Title)', () => {
  it('makes consecutive /// tab blocks one tabs block, new: true a second, with a callout nested inside', () => {
    const c = ctx();
    const out = slash(
      [
        '/// tab | macOS',
        'Run `brew`.',
        '',
        '/// note | Heads up',
        'Admin needed.',
        '///',
        '///',
        '',
        '/// tab | Windows',
        '    select: true',
        'Use winget.',
        '///',
        '',
        '/// tab | Other set',
        '    new: true',
        'Other.',
        '///',
        '',
        'After.',
      ].join('\n'),
      c,
    );
    expect(out).toBe(
      ':::::tabs\n::::tab[macOS]\nRun `brew`.\n\n:::note[Heads up]\nAdmin needed.\n:::\n::::\n:::tab[Windows]\nUse winget.\n:::\n:::::\n\n::::tabs\n:::tab[Other set]\nOther.\n:::\n::::\n\nAfter.',
    );
    expect(c.counts.converted.map((n) => n.message).sort()).toEqual([
      'MkDocs /// note -> callout',
      'MkDocs /// tab blocks -> tabs',
      'MkDocs /// tab blocks -> tabs',
    ]);
  });

  it('makes admonition, details (typed, open) and define blocks callouts and a definition list; an outer block has more slashes', () => {
    const out = slash(
      [
        '//// details | Why?',
        '    type: warning',
        '    open: true',
        'Because.',
        '',
        '/// define',
        'Apple',
        '',
        '- A fruit.',
        '  Red.',
        '- A company.',
        '///',
        '////',
        '',
        '/// admonition | Mind',
        '    type: tip',
        'Text.',
        '///',
        '',
        '/// details | More',
        'Hidden.',
        '///',
      ].join('\n'),
    );
    expect(out).toBe(
      ':::warning[Why?]{open}\nBecause.\n\nApple\n: A fruit.\n  Red.\n: A company.\n:::\n\n:::tip[Mind]\nText.\n:::\n\n:::details[More]\nHidden.\n:::',
    );
  });

  it('makes a caption an italic line, keeps an unknown block’s text and lists it, and leaves code alone', () => {
    const c = ctx();
    const code = '``` markdown\n![Image title](a.png)\n/// caption\nImage caption\n///\n```';
    expect(slash(`${code}\n\n![Shot](a.png)\n/// caption\nThe menu\n///\n\n/// custom | X\nKept.\n///`, c)).toBe(
      `${code}\n\n![Shot](a.png)\n_The menu_\n\nKept.`,
    );
    expect(c.counts.templateSyntaxRemoved).toEqual([
      {
        origin: 'docs/page.md',
        message: '/// custom: an unknown MkDocs block, its markers removed, the text inside kept',
      },
    ]);
  });
});

describe('conversion counts', () => {
  it('counts attribute lists and abbreviations by kind', () => {
    const c = ctx();
    convertAttrLists('## Install { #setup }\n[Get](x.md){ .md-button }\n', c);
    convertAbbreviations('The HTML spec.\n\n*[HTML]: Hyper Text Markup Language\n', undefined, undefined, c);
    expect(c.counts.converted.map((n) => n.message)).toEqual([
      'MkDocs attr_list { #id } -> heading id {#id}',
      'MkDocs attr_list { .class } -> removed (styling)',
      'MkDocs abbreviations *[ABBR] -> definition list',
    ]);
  });

  it('counts every content tab set and admonition by kind, for the summary', () => {
    const c = ctx();
    slash('=== "A"\n    a\n=== "B"\n    b\n\n!!! note\n    x\n\n??? tip\n    y\n', c);
    expect(c.counts.converted.map((n) => `${n.origin}: ${n.message}`).sort()).toEqual([
      'docs/page.md: MkDocs !!! admonition -> callout',
      'docs/page.md: MkDocs === "Tab" content tabs -> tabs',
      'docs/page.md: MkDocs ??? admonition -> collapsible callout',
    ]);
  });
});

describe('attr_list', () => {
  it('keeps a heading id as {#id} and drops classes and attribute lists after links and images', () => {
    expect(convertAttrLists('## Install { #setup .big data-toc-label="Go" }\n## Path { id=nav-path }')).toBe(
      '## Install {#setup}\n## Path {#nav-path}',
    );
    expect(convertAttrLists('[Get](x.md){ .md-button }\n![Shot](a.png){ width="300" }\n{ .annotate }\n')).toBe(
      '[Get](x.md)\n![Shot](a.png)\n\n',
    );
  });
});

describe('abbreviations', () => {
  it('takes the definitions out and lists those the page uses, its own and the appended ones', () => {
    const out = convertAbbreviations(
      'The HTML spec, by the W3C.\n\n*[HTML]: Hyper Text Markup Language\n',
      new Map([
        ['W3C', 'World Wide Web Consortium'],
        ['CSS', 'Cascading Style Sheets'],
      ]),
    );
    expect(out).toBe(
      'The HTML spec, by the W3C.\n\n## Abbreviations\n\nW3C\n: World Wide Web Consortium\n\nHTML\n: Hyper Text Markup Language\n',
    );
  });
});

describe('snippets', () => {
  it('includes --8<-- and {!…!} files, in code too, and says which are missing', () => {
    const c = ctx({ 'includes/note.md': '!!! tip\n    From a snippet.\n', '.browserslistrc': 'last 2 versions\n' });
    const out = convertMkdocs('```\n--8<-- ".browserslistrc"\n```\n\n--8<-- "includes/note.md"\n\n{!missing.md!}\n', c);
    expect(out).toContain('```\nlast 2 versions\n```');
    expect(out).toContain(':::tip\nFrom a snippet.\n:::');
    expect(out).toContain('<!-- import: the old site included "missing.md" here');
    expect(c.counts.includesToFill).toEqual([
      { origin: 'docs/page.md', message: 'the snippet "missing.md" is not in the source; write its text in' },
    ]);
  });
});

describe('md_in_html', () => {
  it('unwraps <div markdown> so its Markdown stays Markdown', () => {
    expect(
      unwrapMarkdownHtml('<div class="result" markdown>\n  <div class="grid" markdown>\n\n- a\n\n  </div>\n</div>\n'),
    ).toBe('\n\n\n- a\n\n\n\n');
  });
});
