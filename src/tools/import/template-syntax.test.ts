import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from './html-to-markdown.ts';
import { mapFrontmatter, parseSourceFile } from './frontmatter.ts';
import { toSlug } from './slugs.ts';
import {
  convertDocument360Callouts,
  convertDocusaurusAdmonitions,
  convertGithubAlerts,
  convertHugoShortcodes,
  convertLiquid,
  convertMkdocsAdmonitions,
  hasTemplateSyntax,
  REF_PREFIX,
  shiftHeadings,
} from './template-syntax.ts';
import { newCounts } from '../../../test/helpers/import-counts.ts';

const ctx = () => ({ origin: 'page.md', counts: newCounts() });

describe('other generators’ syntax', () => {
  it('turns Hugo callouts, figures, refs and badges into ours and removes unknown shortcodes with a note', () => {
    const c = ctx();
    const out = convertHugoShortcodes(
      '{{< hint warning >}}\nBack up.\n{{< /hint >}}\n{{< figure src="/a.png" alt="A" >}}\n[x]({{< relref "b.md" >}})\n{{% deprecated %}}\n{{< mystery >}}',
      c,
    );
    expect(out).toContain(':::warning\nBack up.\n:::');
    expect(out).toContain('![A](/a.png)');
    expect(out).toContain(`[x](${REF_PREFIX}b.md)`);
    expect(out).toContain('**Deprecated**');
    expect(hasTemplateSyntax(out)).toBe(false);
    expect(c.counts.templateSyntaxRemoved.map((n) => n.message)).toEqual([
      '{{< mystery >}}: an unknown shortcode, removed',
    ]);
  });

  it('handles Liquid: raw keeps its braces, include is marked for the writer, code and inline code stay', () => {
    const c = ctx();
    const out = convertLiquid(
      '{% raw %}`{{ x }}`{% endraw %}\n{% include note.html %}\n```\n{% not-touched %}\n```\n{% link a.md %}',
      c,
    );
    expect(out).toContain('`{{ x }}`');
    expect(out).toContain('<!-- import: the old site included "note.html" here');
    expect(out).toContain('```\n{% not-touched %}\n```');
    expect(out).toContain(`${REF_PREFIX}a.md`);
    expect(c.counts.includesToFill).toHaveLength(1);
  });

  it('converts MkDocs admonitions, GitHub alerts and Docusaurus admonitions to :::note|tip|warning', () => {
    expect(convertMkdocsAdmonitions('!!! tip "Faster"\n    Use keys.\n\nAfter.')).toBe(
      ':::tip[Faster]\nUse keys.\n:::\n\nAfter.',
    );
    expect(convertGithubAlerts('> [!CAUTION]\n> Hot.\n')).toBe(':::warning\nHot.\n:::\n');
    expect(convertDocusaurusAdmonitions(':::danger Careful\nNo.\n:::')).toBe(':::warning[Careful]\nNo.\n:::');
  });

  it('converts Document360 callouts by type, leaves out its private notes and says so, and leaves code alone', () => {
    const c = ctx();
    const out = convertDocument360Callouts(
      ':::(Info) (Before you start)\nSign in.\n:::\n\n:::(Error) (Error)\nNo.\n:::\n\n:::(Internal) (Private notes)\nTicket 12.\n:::\n\n```\n:::(Success) (Code)\n:::\n```',
      c,
    );
    expect(out).toBe(
      ':::note[Before you start]\nSign in.\n:::\n\n:::warning\nNo.\n:::\n\n\n```\n:::(Success) (Code)\n:::\n```',
    );
    expect(c.counts.templateSyntaxRemoved.map((n) => n.message)).toEqual([
      'Document360 private note (:::(Internal)), seen only by the team: left out',
    ]);
  });

  it('drops a first heading equal to the title and moves # headings down a level', () => {
    expect(shiftHeadings('# Title\n\n# Part\n\n## Sub\n', 'Title')).toBe('\n## Part\n\n### Sub\n');
  });
});

describe('HTML bodies', () => {
  it('removes scripts, foreign iframes and handlers, keeps allowed videos as links, and makes alert boxes callouts', () => {
    const { markdown, unsafeRemoved } = htmlToMarkdown(
      '<h1>A</h1><p onclick="x()">Hi</p><script>bad()</script><iframe src="https://evil.example"></iframe><iframe src="https://player.vimeo.com/video/1"></iframe><div class="alert alert-warning">Careful</div><table><tr><td>a</td></tr><tr><td>b</td></tr></table>',
    );
    expect(unsafeRemoved).toEqual({ script: 1, 'event-handler': 1, iframe: 1 });
    expect(markdown).toContain('## A');
    expect(markdown).not.toContain('bad()');
    expect(markdown).toContain('[Watch the video](https://player.vimeo.com/video/1)');
    expect(markdown).toContain(':::warning\nCareful\n:::');
    expect(markdown).toContain('| a |\n| --- |\n| b |');
  });

  it('keeps heading ids as {#id}, the anchors old links use', () => {
    const { markdown } = htmlToMarkdown(
      '<h2 id="when-arrives">When does it <em>arrive</em>?</h2><h3 id="-bad">Bad id</h3><h3 id="401">401</h3>',
    );
    // An id may start with a digit (error-code pages); one that starts with a dash is no id {#id} can hold.
    expect(markdown).toBe('## When does it _arrive_? {#when-arrives}\n\n### Bad id\n\n### 401 {#401}');
  });
});

describe('frontmatter and file names', () => {
  it('maps what means something, reads TOML and misspelt keys, and counts what it drops', () => {
    const { data } = parseSourceFile('+++\ntitle = "A &amp; B"\nweight = 3\ntags = ["x"]\nlayout = "docs"\n+++\nBody');
    expect(mapFrontmatter(data)).toMatchObject({ title: 'A & B', order: 3, tags: ['x'], droppedKeys: ['layout'] });
    expect(mapFrontmatter({ descripton: 'Said.', sidebar_position: 2, redirect_from: '/old/' })).toMatchObject({
      description: 'Said.',
      order: 2,
      oldUrls: ['/old/'],
    });
  });

  it('makes slugs of names that are not slugs', () => {
    expect(['CamelCase.md', '_index.md', '4_2.md', 'v1.2.notes.md'].map(toSlug)).toEqual([
      'camel-case',
      'index',
      '4-2',
      'v1-2-notes',
    ]);
  });
});
