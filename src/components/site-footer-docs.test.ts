import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '../..');
const docs = readFileSync(path.join(REPO, 'docs/customizing.md'), 'utf8');
const footer = readFileSync(path.join(REPO, 'src/components/SiteFooter.astro'), 'utf8');

/** The documented wrapper: the astro block under "Wrapping the default". */
const example = /### Wrapping the default[\s\S]*?```astro\n([\s\S]*?)```/.exec(docs)![1]!;
const parts = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(example)!;
const frontmatter = parts[1]!;
const template = parts[2]!;

describe('the documented footer wrapper', () => {
  it('imports the default footer from the path the package exports', () => {
    expect(frontmatter).toContain("import Default from 'helpdesk-kit/components/SiteFooter.astro';");
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
      exports: Record<string, string>;
    };
    expect(pkg.exports['./components/*']).toBe('./dist/components/*');
  });

  it('passes its additions as children of the default, so nothing renders outside it', () => {
    expect(template.trim()).toMatch(/^<Default \{\.\.\.Astro\.props\}>\n[\s\S]*<p class="legal">[\s\S]*<\/Default>$/);
  });

  it('renders those children inside the <footer> element of the default', () => {
    const inside = /<footer class="site-footer">([\s\S]*?)<\/footer>/.exec(footer)![1]!;
    expect(inside).toContain('<slot />');
    expect(footer.split('<slot').length).toBe(2);
  });
});
