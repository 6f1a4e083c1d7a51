/**
 * The classes of problem the real-world suite (test/site/realworld-suite.test.ts) found in Hugo
 * and Jekyll imports and everywhere, each on a small source written here: what the importer
 * converts, what it lists, and that the linter then finds no error the import caused.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../content/diagnostics.ts';
import { lintContent } from '../lint/lint-content.ts';
import { importContent, type ImportOptions } from './import-content.ts';
import { balanceDirectiveFences } from './directive-fences.ts';
import {
  convertHugoShortcodes,
  convertLiquid,
  convertKramdownAttributes,
  convertHtmlAndStructure,
} from './template-syntax.ts';
import type { ImportSource } from './types.ts';
import { newCounts } from '../../../test/helpers/import-counts.ts';

const ctx = () => ({ origin: 'page.md', counts: newCounts() });

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'import-classes-'));
  roots.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** Imports a source written from `files` into a fresh content folder; returns the result, a reader and the lint errors. */
async function runImport(from: ImportSource, files: Record<string, string>, options: Partial<ImportOptions> = {}) {
  const source = tempDir(files);
  const site = tempDir({ 'content/site.yaml': 'name: Test Help\nurl: https://help.test.example\n' });
  const outDir = path.join(site, 'content');
  const result = importContent({ source, from, outDir, ...options });
  const read = (rel: string) => readFileSync(path.join(site, rel), 'utf8');
  /** The file a source page became. */
  const of = (origin: string) =>
    read(result.summary.imported.find((i) => i.origin === origin)?.file ?? `none for ${origin}`);
  const lint = await lintContent({ root: site, contentDir: 'content', history: false });
  const errors = lint.findings.filter((f) => f.severity === 'error').map(formatDiagnostic);
  return { result, read, of, errors, site };
}

const page = (title: string, body: string, extra = '') => `---\ntitle: ${title}\n${extra}---\n\n${body}\n`;

describe('Hugo shortcodes', () => {
  it('closes {{</ hint >}} written with a space after the slash', () => {
    const out = convertHugoShortcodes('{{< hint danger >}}\nStop.\n{{</ hint >}}\n\nAfter.', ctx());
    expect(out).toContain(':::warning\nStop.\n:::');
    expect(out).toContain('After.');
    expect(out).not.toContain('{{');
  });

  it('keeps the fence a {{< code >}} wraps as the one code block, and the rest of the page prose', () => {
    const out = convertHugoShortcodes('{{< code lang="sh" >}}\n```sh\nls -l\n```\n{{< /code >}}\n\n## Next\n', ctx());
    expect(out.trim()).toBe('```sh\nls -l\n```\n\n\n## Next');
  });

  it('makes badge shortcodes text: required, nullable, optional, deprecated', () => {
    const c = ctx();
    const out = convertHugoShortcodes(
      '`id` {{< required >}} `note` {{< nullable >}} {{< optional >}} {{< deprecated >}}',
      c,
    );
    expect(out).toBe('`id` **Required** `note` **Nullable** **Optional** **Deprecated**');
    expect(c.counts.templateSyntaxRemoved).toEqual([]);
  });

  it('leaves shortcodes in code alone and shows escaped ones as Hugo did', () => {
    const out = convertHugoShortcodes(
      '```\n{{</* hint info */>}}\n{{< hint >}}\n```\nWrite `{{< x >}}` or {{</* tab */>}}.',
      ctx(),
    );
    expect(out).toBe('```\n{{< hint info >}}\n{{< hint >}}\n```\nWrite `{{< x >}}` or `{{< tab >}}`.');
  });

  it('makes Docsy tabpanes tabs: tabs with a language hold code, a disabled tab titles the set', () => {
    const c = ctx();
    const out = convertHugoShortcodes(
      '{{< tabpane >}}\n{{< tab header="Config:" disabled=true />}}\n{{< tab header="hugo.yaml" lang="yaml" >}}\na: 1\n{{< /tab >}}\n{{< tab header="hugo.toml" lang="toml" >}}\na = 1\n{{< /tab >}}\n{{< /tabpane >}}',
      c,
    );
    expect(balanceDirectiveFences(out).replace(/\n{2,}/g, '\n')).toBe(
      '\n**Config:**\n::::tabs\n:::tab[hugo.yaml]\n```yaml\na: 1\n```\n:::\n:::tab[hugo.toml]\n```toml\na = 1\n```\n:::\n::::\n',
    );
    expect(c.counts.converted.map((n) => n.message).sort()).toEqual([
      'Hugo tab -> tab',
      'Hugo tab -> tab',
      'Hugo tabpane -> tabs',
    ]);
  });

  it('keeps Markdown in the tabs of a tabpane with text=true, and takes the language from the header', () => {
    const out = convertHugoShortcodes(
      '{{< tabpane text=true persist=lang >}}\n{{% tab header="YAML" lang="yaml" %}}\nSet it:\n\n```yaml\na: 1\n```\n{{% /tab %}}\n{{< /tabpane >}}\n\n{{< tabpane langEqualsHeader=true >}}\n{{< tab header="json" >}}\n{"a": 1}\n{{< /tab >}}\n{{< /tabpane >}}',
      ctx(),
    );
    expect(out).toContain(':::tab[YAML]\nSet it:\n\n```yaml\na: 1\n```\n:::');
    expect(out).toContain(':::tab[json]\n```json\n{"a": 1}\n```\n:::');
    expect(
      convertHugoShortcodes(
        '{{< tabpane >}}\n{{% tab header="**Languages**:" disabled=true /%}}\n{{% tab header="English" %}}\nHi\n{{% /tab %}}\n{{< /tabpane >}}',
        ctx(),
      ),
    ).toMatch(/^\n\*\*Languages\*\*:\n\n:::tabs\n/);
  });

  it('keeps tabs, and the callouts and code in them, in the list item they were written in', () => {
    const out = balanceDirectiveFences(
      convertHugoShortcodes(
        '1.  Install:\n\n    {{< tabpane text=true >}}\n{{% tab header="macOS" %}}\nRun:\n\n    ```sh\n    brew install x\n    ```\n\n{{< hint warning >}}\nAs admin.\n{{< /hint >}}\n{{% /tab %}}\n    {{< /tabpane >}}\n\n1.  Next:\n\n  {{< tabs >}}\n  {{% tab "A" %}}\n  a\n  {{% /tab %}} {{% tab "B" %}}\n  b\n  {{% /tab %}} {{< /tabs >}}',
        ctx(),
      ),
    );
    expect(out.replace(/\n(?:[ \t]*\n)+/g, '\n')).toBe(
      '1.  Install:\n    :::::tabs\n    ::::tab[macOS]\n    Run:\n    ```sh\n    brew install x\n    ```\n    :::warning\n    As admin.\n    :::\n    ::::\n    :::::\n1.  Next:\n  ::::tabs\n  :::tab[A]\n  a\n  :::\n  :::tab[B]\n  b\n  :::\n  ::::\n',
    );
  });

  it('makes hugo-book tabs tabs, with callouts inside nested, and details collapsible callouts', () => {
    const c = ctx();
    const out = balanceDirectiveFences(
      convertHugoShortcodes(
        '{{< tabs "install" >}}\n{{% tab "macOS" %}}\nRun it.\n{{< hint warning >}}\nAs admin.\n{{< /hint >}}\n{{% /tab %}}\n{{% tab "Linux" %}}Use apt.{{% /tab %}}\n{{< /tabs >}}\n\n{{% details "Why?" open %}}\nBecause.\n{{% /details %}}\n{{% details title="How?" %}}\nLike this.\n{{% /details %}}',
        c,
      ),
    );
    expect(out.replace(/\n{2,}/g, '\n')).toBe(
      '\n:::::tabs\n::::tab[macOS]\nRun it.\n:::warning\nAs admin.\n:::\n::::\n:::tab[Linux]\nUse apt.\n:::\n:::::\n:::details[Why?]{open}\nBecause.\n:::\n:::details[How?]\nLike this.\n:::\n',
    );
    expect(new Set(c.counts.converted.map((n) => n.message))).toEqual(
      new Set(['Hugo tab -> tab', 'Hugo tabs -> tabs', 'Hugo hint -> callout', 'Hugo details -> collapsible callout']),
    );
  });

  it('reads the file {{< readfile >}} names, from the page folder', () => {
    const dir = tempDir({ 'includes/install.md': '---\ntitle: x\n---\nRun the installer.\n', 'conf.yaml': 'a: 1\n' });
    const c = { ...ctx(), dir, root: dir };
    expect(convertHugoShortcodes('{{% readfile "includes/install.md" %}}', c).trim()).toBe('Run the installer.');
    expect(convertHugoShortcodes('{{< readfile file="conf.yaml" code="true" lang="yaml" >}}', c).trim()).toBe(
      '```yaml\na: 1\n```',
    );
    expect(convertHugoShortcodes('{{< readfile "../../etc/passwd" >}}', c)).toBe('');
    expect(c.counts.includesToFill).toHaveLength(1);
  });

  it('resolves relref case-insensitively, keeps _index headings, and reads the language content folder', async () => {
    const { of, errors, result } = await runImport('hugo', {
      'config/_default/hugo.yaml': 'baseURL: https://docs.example.org/\nlanguages:\n  en:\n    weight: 1\n',
      'content/en/admin/_index.md': page(
        'Administration',
        '## Backup\n\nCopy the data folder.\n\n## 401 Unauthorized {#401}\n\nSign in again.',
      ),
      'content/en/admin/Restore.md': page(
        'Restore',
        'See [backups]({{< relref "Admin/_index#backup" >}}), [errors]({{< relref "admin/_index.md#401" >}}) and [the page]({{< ref "ADMIN/restore" >}}).',
        'aliases: [old-restore]\n',
      ),
    });
    expect(errors).toEqual([]);
    const restore = of('content/en/admin/Restore.md');
    expect(restore).toMatch(/\[backups\]\([\w-]+\.md#backup\)/);
    expect(restore).toMatch(/\[errors\]\([\w-]+\.md#401\)/);
    expect(restore).toMatch(/\[the page\]\(restore\.md\)/);
    expect(restore).toContain('/admin/old-restore/');
    expect(of('content/en/admin/_index.md')).toContain('## 401 Unauthorized {#401}');
    expect(result.summary.unresolvedLinks).toEqual([]);
  });

  it('leaves a page bundle’s resources out, and says so', async () => {
    const { result } = await runImport('hugo', {
      'content/guide/index.md': page('Guide', 'Text of the guide, long enough to be a page of its own here.'),
      'content/guide/snippets/step.md': 'A snippet the guide reads.\n',
      'content/other.md': page('Other', 'Another page.'),
    });
    expect(result.summary.imported.map((i) => i.origin)).not.toContain('content/guide/snippets/step.md');
    expect(result.summary.skipped.map((s) => s.origin)).toContain('content/guide/snippets/step.md');
  });
});

describe('Jekyll', () => {
  it('imports license.md with frontmatter and lists repository files without it', async () => {
    const { result, errors } = await runImport('jekyll', {
      '_config.yml': 'title: Docs\n',
      'docs/license.md': page('License', 'The licence of the product, as a page of the site.'),
      'docs/contributing.md': '# Contributing\n\nOpen a pull request.\n',
      'docs/start.md': page('Start', 'How to start.'),
    });
    expect(result.summary.imported.map((i) => i.origin).sort()).toEqual(['docs/license.md', 'docs/start.md']);
    expect(result.summary.skipped.find((s) => s.origin === 'docs/contributing.md')?.message).toMatch(
      /without frontmatter/,
    );
    expect(errors).toEqual([]);
  });

  it('lists a linked image to a missing file instead of failing the build', async () => {
    const { of, result, errors } = await runImport('jekyll', {
      '_config.yml': 'title: Docs\n',
      'docs/shots.md': page(
        'Shots',
        'Look: [![The screen](img/screen.png)](img/screen.png) and [the PDF](files/guide.pdf).',
      ),
    });
    expect(errors).toEqual([]);
    const text = of('docs/shots.md');
    expect(text).not.toContain('](img/screen.png)');
    expect(text).toContain('the PDF');
    expect(result.summary.imagesMissing.map((m) => m.message)).toEqual([
      'img/screen.png',
      'img/screen.png (a linked file; the link became its text)',
      'files/guide.pdf (a linked file; the link became its text)',
    ]);
  });

  it('does not double callout labels', () => {
    const c = ctx();
    expect(convertLiquid('{% include note.html content="Note: Back up first." %}', c).trim()).toBe(
      ':::note\nBack up first.\n:::',
    );
    expect(convertLiquid('{{site.data.alerts.warning}}<b>Warning: </b>Hot.{{site.data.alerts.end}}', c).trim()).toBe(
      ':::warning\nHot.\n:::',
    );
    expect(convertKramdownAttributes('{: .warning }\nWarning: do not.', c)).toBe(':::warning\ndo not.\n:::');
    expect(convertKramdownAttributes('## Contents\n{: .no_toc }\n\n1. TOC\n{:toc}\n', c)).toBe('## Contents\n\n');
  });

  it('never rewrites HTML inside a code block', () => {
    const html = '```html\n<div class="alert alert-warning">Careful</div>\n```';
    expect(convertHtmlAndStructure(`Example:\n\n${html}\n`, ctx(), 'T')).toContain(html);
    expect(convertHtmlAndStructure('<div class="alert alert-warning">Careful</div>\n', ctx(), 'T')).toContain(
      ':::warning',
    );
  });
});

describe('HTML layout around Markdown', () => {
  it('keeps the Markdown a layout div holds after a blank line, as CommonMark reads it', () => {
    const c = ctx();
    const html = '<div class="book-hero text-center">\n\n# At the moment this page is empty\n\n<div>\n';
    const out = convertHtmlAndStructure(html, c, 'Showcases');
    expect(out).not.toContain('\\#');
    expect(out).toMatch(/^#+ At the moment this page is empty$/m);
    expect(out).not.toContain('<div');
    expect(c.counts.converted.map((x) => x.message)).toContain('HTML layout block around Markdown -> its Markdown');
  });

  it('still converts a div with other HTML in it, and a callout box, as HTML', () => {
    expect(convertHtmlAndStructure('<div class="alert alert-warning">\n\nCareful.\n\n</div>\n', ctx(), 'T')).toContain(
      ':::warning',
    );
    const c = ctx();
    const out = convertHtmlAndStructure('<div class="x">\n\n<b>bold</b> text\n\n</div>\n', c, 'T');
    expect(out).toContain('**bold** text');
    expect(c.counts.converted.map((x) => x.message)).not.toContain('HTML layout block around Markdown -> its Markdown');
  });
});

describe('every source', () => {
  it('keeps definition lists in the standard form, outside code only', () => {
    const out = convertHtmlAndStructure('Term\n:   The meaning.\n: Another.\n\n```\nx\n: y\n```\n', ctx(), 'T');
    expect(out).toBe('Term\n: The meaning.\n: Another.\n\n```\nx\n: y\n```\n');
  });

  it('links pages outside the import to the old site (--old-site, or the config), or makes them text and lists them', async () => {
    const files = {
      '_config.yml': 'title: Docs\n',
      'docs/a.md': page(
        'A',
        'See [the blog](/blog/2024/news/), [elsewhere](../other/page.html) and [a heading](#nowhere).',
      ),
    };
    const withSite = await runImport('jekyll', files, { oldSite: 'https://old.example.com' });
    expect(withSite.errors).toEqual([]);
    const a = withSite.of('docs/a.md');
    expect(a).toContain('[the blog](https://old.example.com/blog/2024/news/)');
    expect(a).toContain('[elsewhere](https://old.example.com/other/page.html)');
    expect(a).toContain('a heading.');
    expect(withSite.result.summary.linksToOldSite).toHaveLength(2);
    const fromConfig = await runImport('jekyll', { ...files, '_config.yml': 'url: https://docs.example.net\n' });
    expect(fromConfig.of('docs/a.md')).toContain('(https://docs.example.net/blog/2024/news/)');
    const without = await runImport('jekyll', files);
    expect(without.errors).toEqual([]);
    expect(without.of('docs/a.md')).toContain('See the blog, elsewhere and a heading.');
    expect(without.result.summary.unresolvedLinks).toHaveLength(3);
  });

  it('redirects /faq/ on a site without FAQs, and keeps one page’s old URL from becoming another’s new path', async () => {
    const { read, of, errors } = await runImport('jekyll', {
      '_config.yml': 'title: Docs\n',
      'docs/questions.md': page('Questions', 'Answers to questions.', 'redirect_from: [/faq/]\n'),
      // B's new path would be /docs/setup/, which is A's old URL: B gets another slug.
      'docs/setup.md': page('Setup B', 'The second setup page.'),
      'guide/setup.md': page('Setup A', 'The first setup page.', 'permalink: /docs/setup/\n'),
    });
    expect(errors).toEqual([]);
    expect(of('docs/questions.md')).toContain('- /faq/');
    expect(of('guide/setup.md')).toContain('- /docs/setup/');
    expect(() => read('content/articles/docs/setup.md')).toThrow();
  });

  it('writes an old URL shaped like /<category>/<section>/<slug>/ to redirects.yaml, where redirect-unneeded does not misread it', async () => {
    const { result, read, site } = await runImport('jekyll', {
      '_config.yml': 'title: Docs\n',
      'billing/pay.md': '---\ntitle: Pay\n---\n\nPay your invoice online with a card or a bank transfer.\n',
      'guides/setup/install.md':
        '---\ntitle: Install\npermalink: /guides/setup/install/\n---\n\nInstall the app from the store, then sign in with your account.\n',
      'guides/setup/other.md':
        '---\ntitle: Other\npermalink: /guides/other-old/\n---\n\nAnother page of the setup section, with its own old address.\n',
    });
    const file = result.summary.imported.find((i) => i.origin.endsWith('install.md'))!.file;
    expect(read(file)).not.toContain('/guides/setup/install/');
    expect(read('content/redirects.yaml')).toContain('- from: /guides/setup/install/\n  to: /guides/install/');
    // Any other old URL stays in the article's frontmatter, where it moves with the article.
    expect(read(result.summary.imported.find((i) => i.origin.endsWith('other.md'))!.file)).toContain(
      '  - /guides/other-old/',
    );
    const lint = await lintContent({ root: site, contentDir: 'content', history: false });
    expect(lint.findings.filter((f) => f.ruleId === 'redirect-unneeded' || f.severity === 'error')).toEqual([]);
  });

  it('reports <video> sources the source does not have', async () => {
    const { result } = await runImport('jekyll', {
      '_config.yml': 'title: Docs\n',
      'docs/v.md': page('Video', 'Watch:\n\n<video controls src="media/demo.mp4"></video>'),
    });
    expect(result.summary.mediaMissing).toEqual([{ origin: 'docs/v.md', message: 'media/demo.mp4' }]);
  });

  it('reads a hosted desk export saved page by page, with drafts, WYSIWYG HTML and attachments on the desk', () => {
    const site = tempDir({});
    const result = importContent({
      source: path.resolve(import.meta.dirname, '../../../test/fixtures/import-zendesk'),
      from: 'zendesk',
      outDir: path.join(site, 'content'),
    });
    // articles.json is the first page of the API's cursor pagination, articles-page-2.json the second.
    expect(result.summary.imported.map((i) => i.origin)).toContain('articles#360009/en-us');
    const reminders = readFileSync(
      path.join(site, 'content/articles/billing-payments/invoices/set-invoice-reminders.md'),
      'utf8',
    );
    expect(reminders).toContain('draft: true');
    expect(reminders).toContain('1.  Open **Billing** > **Reminders**.');
    expect(reminders).not.toMatch(/&nbsp;|<span|style=|wysiwyg/);
    // A site-relative attachment is on the desk's host: linked there, and listed.
    expect(reminders).toContain('(https://acme.zendesk.com/hc/article_attachments/360077001/reminders.png)');
    expect(result.summary.imagesRemote.map((r) => r.message)).toContain(
      'https://acme.zendesk.com/hc/article_attachments/360077001/reminders.png',
    );
    expect(result.summary.imagesMissing).toEqual([]);
  });

  it('reads Intercom’s paged article list, drafts and its editor’s HTML', () => {
    const site = tempDir({});
    const result = importContent({
      source: path.resolve(import.meta.dirname, '../../../test/fixtures/import-intercom'),
      from: 'intercom',
      outDir: path.join(site, 'content'),
    });
    const file = result.summary.imported.find((i) => i.origin === 'articles#509')?.file;
    expect(file).toBeDefined();
    const text = readFileSync(path.join(site, file!), 'utf8');
    expect(text).toContain('draft: true');
    expect(text).toContain(':::note\nOnly owners can archive.\n:::');
    expect(text).toContain('[Share a board](share-a-board.md)');
    expect(text).not.toMatch(/no-margin|intercom-|style=/);
  });

  it('reads Freshdesk’s pages of articles, a translation, drafts, attachments and its editor’s HTML', () => {
    const site = tempDir({});
    const result = importContent({
      source: path.resolve(import.meta.dirname, '../../../test/fixtures/import-freshdesk'),
      from: 'freshdesk',
      outDir: path.join(site, 'content'),
    });
    const read = (origin: string) =>
      readFileSync(path.join(site, result.summary.imported.find((i) => i.origin === origin)?.file ?? origin), 'utf8');
    // articles-page-2.json is `?page=2` of the folder's list.
    expect(result.summary.imported.map((i) => i.origin)).toEqual(
      expect.arrayContaining(['articles#9101', 'articles#9104', 'articles#9105', 'articles#9101/fr']),
    );
    expect(read('articles#9105')).toContain('draft: true');
    // articles.fr.json is GET .../articles/fr: the same article in French, under fr/ with its own old URLs.
    expect(result.summary.translations).toBe(1);
    const french = read('articles#9101/fr');
    expect(result.summary.imported.find((i) => i.origin === 'articles#9101/fr')?.file).toBe(
      'content/fr/articles/orders/changing-an-order/change-the-delivery-address.md',
    );
    expect(french).toContain('  - /fr/support/solutions/articles/9101/\n');
    expect(french).toContain('kangaroucaisse');
    const address = read('articles#9101');
    expect(address).toContain('```bash\ncurl -u $API_KEY:X -X PUT \\\n');
    expect(address).toMatch(/\| Dispatched \| No +\|/);
    expect(address).not.toMatch(/&nbsp;|<span|style=|fr-fic/);
    expect(result.summary.skipped).toContainEqual({
      origin: 'articles#9101',
      message:
        'imported without its attached files (address-form.pdf): download them from Freshdesk and link them in the article',
    });
  });

  it('reads Help Scout’s paged article list together with the articles saved one by one', () => {
    const site = tempDir({});
    const result = importContent({
      source: path.resolve(import.meta.dirname, '../../../test/fixtures/import-helpscout'),
      from: 'helpscout',
      outDir: path.join(site, 'content'),
    });
    // articles.json and articles-page-2.json (page/pages/count) list all four without text; article-*.json have it.
    expect(result.summary.imported.map((i) => i.origin).sort()).toEqual(['articles#a1', 'articles#a2', 'articles#a3']);
    expect(result.summary.skipped).toEqual([
      { origin: 'articles#a4', message: 'status "notpublished": not published in Help Scout' },
    ]);
    const read = (origin: string) =>
      readFileSync(path.join(site, result.summary.imported.find((i) => i.origin === origin)!.file), 'utf8');
    expect(read('articles#a1')).toContain(':::note\nTwo-factor codes are sent by text message.\n:::');
    expect(read('articles#a1')).toContain(':::warning\nNever share a code.\n:::');
    const sync = read('articles#a3');
    expect(sync).toContain('```\nacme sync --all\nacme sync --status\n```');
    expect(sync).toContain('-   Open **Settings** > **Sync**.\n-   Turn on _Background sync_.');
    expect(sync).not.toMatch(/&nbsp;|<span|style=/);
  });

  it("adds its sections to a category the site already has, keeping the writer's file as it was", () => {
    const site = tempDir({
      'content/categories.yaml':
        "# The writer's note.\n- id: getting-started\n  title: Getting started\n  description: First steps.\n- id: billing\n  title: Billing\n  description: Money.\n  sections:\n    - id: invoices\n      title: Invoices\n",
    });
    const source = path.resolve(import.meta.dirname, '../../../test/fixtures/import-document360/export.zip');
    importContent({ source, from: 'document360', outDir: path.join(site, 'content') });
    const written = readFileSync(path.join(site, 'content/categories.yaml'), 'utf8');
    expect(written).toBe(
      "# The writer's note.\n- id: getting-started\n  title: Getting started\n  description: First steps.\n  sections:\n    - id: sharing-and-links\n      title: Sharing and links\n      order: 2\n- id: billing\n  title: Billing\n  description: Money.\n  sections:\n    - id: invoices\n      title: Invoices\n",
    );
    importContent({ source, from: 'document360', outDir: path.join(site, 'content') });
    expect(readFileSync(path.join(site, 'content/categories.yaml'), 'utf8')).toBe(written);
  });

  it('reads a Document360 export as it unpacks: the tree file places pages, metadata blocks, both editors', () => {
    const site = tempDir({});
    const result = importContent({
      source: path.resolve(import.meta.dirname, '../../../test/fixtures/import-document360/export.zip'),
      from: 'document360',
      outDir: path.join(site, 'content'),
    });
    const read = (rel: string) => readFileSync(path.join(site, 'content/articles/getting-started', rel), 'utf8');
    // v1_categories_articles.json: "Getting Started" holds two articles and the page category "Sharing".
    expect(result.summary.imported.map((i) => `${i.origin} -> ${i.file}`)).toEqual([
      'v1/articles/sharing-notes.md -> content/articles/getting-started/sharing-and-links/sharing-notes.md',
      'v1/articles/shortcuts.html -> content/articles/getting-started/shortcuts.md',
      'v1/articles/welcome.md -> content/articles/getting-started/welcome.md',
      'v1/categories/sharing.md -> content/articles/getting-started/sharing-and-links/sharing.md',
    ]);
    const welcome = read('welcome.md');
    // The metadata block is the frontmatter, not text; its slug is the old /docs/<slug> URL.
    expect(welcome).toMatch(/^title: Welcome to Acme Notes$/m);
    expect(welcome).toContain('  - /docs/welcome/');
    expect(welcome).not.toMatch(/Metadata_|## code|contentType/);
    expect(welcome).toContain(':::note\nThe web app works in every current browser.\n:::');
    expect(welcome).toContain('/Images/Documentation/image-8QK2ZR1T.png)\n');
    expect(welcome).toContain('[release notes](https://acme.example.com/releases) for what changed.');
    expect(welcome).not.toMatch(/\{height=|\{target=/);
    expect(welcome).toMatch(/^order: 0$/m);
    const sharing = read('sharing-and-links/sharing-notes.md');
    expect(sharing).toContain(':::warning[Shared links are public]\nAnyone who has the link');
    expect(sharing).not.toContain('ACME-1412');
    expect(result.summary.templateSyntaxRemoved).toEqual([
      {
        origin: 'v1/articles/sharing-notes.md',
        message: 'Document360 private note (:::(Internal)), seen only by the team: left out',
      },
    ]);
    // The WYSIWYG article: its CDN image is in the export's Media/ folder, so it is copied from there.
    const shortcuts = read('shortcuts.md');
    expect(shortcuts).toContain('![The shortcuts menu](/images/imported/getting-started/shortcuts-menu.png)');
    expect(shortcuts).toContain('```\nacme keys set new-note "Ctrl+Alt+N"\nacme keys list\n```');
    expect(shortcuts).toContain('| `Ctrl+N` | New note |');
    expect(shortcuts).not.toMatch(/&nbsp;|<span|style=|fr-fic|Metadata_/);
    expect(result.summary.imagesCopied).toBe(1);
    expect(result.summary.imagesRemote.map((i) => i.origin)).toEqual(['v1/articles/welcome.md']);
    expect(result.summary.mappings).toContain(
      "Document360's export says nothing of drafts or hidden articles: every article in it was imported as published",
    );
  });
});
