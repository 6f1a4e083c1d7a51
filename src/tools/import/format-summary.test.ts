import { describe, expect, it } from 'vitest';
import { formatImportReport } from './format-summary.ts';
import type { ImportResult, ImportSummary } from './types.ts';

const summary = (
  unsafeHtmlRemoved: ImportSummary['unsafeHtmlRemoved'],
  unsafeHtmlByOrigin: ImportSummary['unsafeHtmlByOrigin'] = [],
): ImportSummary => ({
  imported: [{ file: 'content/articles/a/b.md', origin: 'articles#1' }],
  skipped: [],
  renamed: [],
  redirects: 0,
  externalRedirects: 0,
  unresolvedLinks: [],
  imagesCopied: 0,
  imagesMissing: [],
  imagesRemote: [],
  converted: [],
  linksToOldSite: [],
  mediaMissing: [],
  templateSyntaxRemoved: [],
  includesToFill: [],
  unsafeHtmlRemoved,
  unsafeHtmlByOrigin,
  droppedKeys: {},
  mappings: [],
  translations: 0,
  faqSplits: [],
  faqNotSplit: [],
  refused: [],
});

const report = (s: ImportSummary) => {
  const result: ImportResult = {
    summary: s,
    files: [{ path: 'content/articles/a/b.md', text: '', exists: false }],
    kept: [],
    written: true,
  };
  return formatImportReport(result, { dryRun: false, contentDir: 'content' });
};

describe('the import summary', () => {
  it('says what unsafe HTML was removed, by kind, in all and per source item', () => {
    const byOrigin = [
      { origin: 'articles#1', message: '2 scripts, 1 javascript: link' },
      { origin: 'articles#2', message: '1 script, 2 event handlers' },
    ];
    expect(report(summary({ script: 3, 'event-handler': 2, 'javascript-url': 1 }, byOrigin))).toBe(
      "Wrote 1 file:\n  content/articles/a/b.md\n\nUnsafe HTML removed (check what the page still needs) (2):\n  articles#1: 2 scripts, 1 javascript: link\n  articles#2: 1 script, 2 event handlers\n\nSummary: 1 imported (0 translations), 0 skipped or to review, 0 renamed, 0 redirects in frontmatter, 0 to other sites in content/redirects.yaml, 0 links unresolved, 0 images copied, 0 missing, 0 converted to this site's syntax on 0 pages, 0 template syntax removed, unsafe HTML removed: 3 scripts, 2 event handlers, 1 javascript: link.\n",
    );
  });

  it('lists the conversions by kind, with their count and pages, and counts them in the summary line', () => {
    const converted = [
      { origin: 'docs/a.mdx', message: 'Docusaurus <TabItem> -> tab' },
      { origin: 'docs/a.mdx', message: 'Docusaurus <TabItem> -> tab' },
      { origin: 'docs/b.mdx', message: 'Docusaurus <TabItem> -> tab' },
      { origin: 'docs/b.mdx', message: 'Docusaurus <Admonition> -> callout' },
    ];
    const text = report({ ...summary({}), converted });
    expect(text).toContain(
      "\nConverted to this site's syntax, by kind (2):\n  Docusaurus <TabItem> -> tab: 3 on 2 pages (docs/a.mdx, docs/b.mdx)\n  Docusaurus <Admonition> -> callout: 1 on 1 page (docs/b.mdx)\n",
    );
    expect(text).toContain(", 4 converted to this site's syntax on 2 pages, ");
  });

  it('says when there was none', () => {
    expect(report(summary({}))).toContain(', 0 template syntax removed, no unsafe HTML.\n');
  });
});
