import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newCounts } from '../../../../test/helpers/import-counts.ts';
import { parseObjectLiteral, readMkdocsNavPlaces, readMkdocsRedirects } from './generator-config.ts';
import { readMarkdownFolder } from './markdown-folder.ts';

const counts = newCounts;

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'hk-gen-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

describe('reading generator config', () => {
  it('reads a sidebars.ts object literal with comments, imports, spreads and trailing commas', () => {
    const source = `import type { SidebarsConfig } from "@docusaurus/plugin-content-docs";
import api from "./api/sidebar";
// The docs sidebar
const sidebars: SidebarsConfig = {
  docs: {
    Frigate: ["frigate/index", 'frigate/hardware',],
    Configuration: [{ type: "category", label: "Detectors", items: ["configuration/object_detectors"], }, ...api,
      { type: "link", label: "Go2RTC", href: "https://example.com/x" } as PropSidebarItemLink],
  },
};
export default sidebars;`;
    expect(parseObjectLiteral(source)).toEqual({
      docs: {
        Frigate: ['frigate/index', 'frigate/hardware'],
        Configuration: [
          { type: 'category', label: 'Detectors', items: ['configuration/object_detectors'] },
          { type: 'link', label: 'Go2RTC', href: 'https://example.com/x' },
        ],
      },
    });
  });

  it('reads nav places with HTML in titles, and redirect_maps', () => {
    const places = readMkdocsNavPlaces([
      { Home: 'index.md' },
      { 'Getting <em>started</em>': [{ Install: 'start/install.md' }, { 'Deep <b>dive</b>': ['start/deep/one.md'] }] },
      { GitHub: 'https://github.com/x' },
    ]);
    expect([...places]).toEqual([
      ['index', { sections: [], title: 'Home', order: 0 }],
      ['start/install', { sections: ['Getting started'], title: 'Install', order: 1 }],
      ['start/deep/one', { sections: ['Getting started', 'Deep dive'], order: 2 }],
    ]);
    expect(readMkdocsRedirects(['search', { redirects: { redirect_maps: { 'old.md': 'start/install.md' } } }])).toEqual(
      new Map([['old.md', 'start/install.md']]),
    );
  });
});

describe('importing with the generator config', () => {
  it('Docusaurus: sidebar categories, routeBasePath for old URLs and links', () => {
    const root = tree({
      'docusaurus.config.js': "module.exports = { presets: [['classic', { docs: { routeBasePath: '/' } }]] };",
      'sidebars.js':
        "module.exports = { docs: [{ type: 'category', label: 'Set up', items: ['install', 'more/network'] }] };",
      'docs/install.md': '# Install\n\nSee [network](/more/network#ports).\n',
      'docs/more/network.md': '# Network\n\n## Ports\n',
    });
    const set = readMarkdownFolder('docusaurus', root, counts());
    expect(set.pages.map((p) => [p.origin, p.category.title, p.oldUrls[0]])).toEqual([
      ['docs/install.md', 'Set up', '/install'],
      ['docs/more/network.md', 'Set up', '/more/network'],
    ]);
  });

  it('MkDocs: nav categories, redirect_maps as old URLs, snippet files not published', () => {
    const root = tree({
      'mkdocs.yml':
        'nav:\n  - Guides:\n      - Setup: guides/setup.md\n  - Reference: [reference/ref.md]\nplugins:\n  - redirects:\n      redirect_maps:\n        old-setup.md: guides/setup.md\nmarkdown_extensions:\n  - pymdownx.snippets:\n      auto_append: [includes/abbr.md]\n',
      'includes/abbr.md': '*[CLI]: Command-line interface\n',
      'docs/guides/setup.md': '# Setup\n\nUse the CLI.\n\n--8<-- "docs/snippets/note.md"\n',
      'docs/snippets/note.md': '!!! note\n    Shared text.\n',
      'docs/reference/ref.md': '# Ref\n\nText.\n',
    });
    const set = readMarkdownFolder('mkdocs', root, counts());
    expect(set.pages.map((p) => p.origin)).toEqual(['docs/guides/setup.md', 'docs/reference/ref.md']);
    const setup = set.pages[0]!;
    expect(setup.category.title).toBe('Guides');
    expect(setup.oldUrls).toEqual(['/guides/setup/', '/old-setup/']);
    expect(setup.body).toContain(':::note\nShared text.\n:::');
    expect(setup.body).toContain('## Abbreviations\n\nCLI\n: Command-line interface');
    expect(set.skipped).toEqual([
      {
        origin: 'docs/snippets/note.md',
        message: 'a snippet other pages include (--8<-- or {!…!}): part of those pages, not an article',
      },
    ]);
  });
});
