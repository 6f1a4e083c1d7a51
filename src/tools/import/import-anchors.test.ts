/** Links the import rewrites to an anchor the target page lacks go to the page, and are listed. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importContent } from './import-content.ts';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('importing links to anchors', () => {
  it('keeps anchors that exist (headings, {#ids}, HTML ids) links to the page for the others, and makes a missing one on its own page text', () => {
    root = mkdtempSync(path.join(tmpdir(), 'import-anchors-'));
    const source = path.join(root, 'src');
    const files: Record<string, string> = {
      'mkdocs.yml': 'site_name: X\n',
      'docs/guide/a.md':
        '# A\n\nAdd this to an\n[extra style sheet]:\n\n=== "CSS"\n    x\n\n[ok](b.md#ports) [custom](b.md#net) [html](b.md#faq-1) [gone](b.md#old-name) [self](#nowhere) [own](#intro)\n\n## Intro\n',
      'docs/guide/b.md': '# B\n\n## Ports\n\n## Network {: #net }\n\n<a id="faq-1"></a>\n',
    };
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(source, rel)), { recursive: true });
      writeFileSync(path.join(source, rel), text);
    }
    const result = importContent({ source, from: 'mkdocs', outDir: path.join(root, 'content') });
    const file = result.files.find((f) => f.path.endsWith('/a.md'))!;
    const a = readFileSync(path.join(root, file.path), 'utf8');
    expect(a).toContain('[ok](b.md#ports) [custom](b.md#net) [html](b.md#faq-1) [gone](b.md) self [own](#intro)');
    expect(result.summary.unresolvedLinks.map((n) => n.message)).toEqual([
      'b.md#old-name: #old-name is no heading of docs/guide/b.md; the link goes to the page',
      '#nowhere: no heading of this page has that id; the link became its text',
    ]);
  });
});
