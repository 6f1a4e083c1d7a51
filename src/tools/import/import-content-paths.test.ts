/**
 * `importContent` with exports whose values would leave --out: each hosted format's locales,
 * slugs, category and section ids, attachments, and Document360's ZIP entries. The item is
 * refused and named, the rest is imported, a dry run shows the same, and nothing is written
 * anywhere but --out and public/images/imported/.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { HelpCenterError } from '../../lib/errors.ts';
import { formatImportReport } from './format-summary.ts';
import { importContent, ImportSourceError, IMPORT_TEMP_PREFIX, type ImportOptions } from './import-content.ts';
import { formatRefusal } from './safe-paths.ts';

const PLAIN =
  'use a plain language tag (a language, then optionally a script and a region), like "de", "pt-BR" or "zh-Hant"';
const SLUG = 'use lowercase letters, digits and hyphens, like "reset-password", at most 80 characters';
const BODY = '<p>Every month Acme sends an invoice as a PDF to the billing contact of your workspace.</p>';

/** Everything happens under root: the source in root/source, --out three levels down, so an escape stays visible. */
let root = '';
let source = '';
let project = '';
let outDir = '';
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'import-paths-'));
  source = path.join(root, 'source');
  project = path.join(root, 'a', 'b', 'project');
  outDir = path.join(project, 'content');
  mkdirSync(source, { recursive: true });
  mkdirSync(project, { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function writeJson(files: Record<string, unknown>): void {
  for (const [name, data] of Object.entries(files)) writeFileSync(path.join(source, name), JSON.stringify(data));
}

/** Every file under `dir`, relative with slashes, sorted. */
function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** Files under root that are neither the source nor the import's own places. */
function writtenOutside(): string[] {
  return listFiles(root).filter(
    (f) =>
      !f.startsWith('source/') &&
      !f.startsWith('outside') &&
      !f.startsWith('a/b/project/content/') &&
      !f.startsWith('a/b/project/public/images/imported/'),
  );
}

/** The import, then the same as a dry run into a fresh folder: both refuse the same, the dry run writes nothing. */
function importBoth(from: ImportOptions['from'], src = source) {
  const before = listFiles(project);
  const dry = importContent({ source: src, from, outDir, dryRun: true });
  expect(listFiles(project)).toEqual(before);
  const result = importContent({ source: src, from, outDir });
  expect(dry.summary.refused).toEqual(result.summary.refused);
  expect(writtenOutside()).toEqual([]);
  return result;
}

const refusals = (result: ReturnType<typeof importContent>) => result.summary.refused.map(formatRefusal);

describe('importContent refuses values that would leave --out', () => {
  it("Zendesk: a translation's locale that is no plain language tag", () => {
    const bad = ['../../../x', '..', '/etc/cron.d', 'con', 'de\u0000', 'x'.repeat(300), 'faq', 'de/../../..'];
    writeJson({
      'export.json': {
        categories: [{ id: 1, name: 'Billing', position: 0 }],
        sections: [{ id: 10, category_id: 1, name: 'Invoices' }],
        articles: [
          {
            id: 100,
            section_id: 10,
            title: 'Download an invoice',
            body: BODY,
            locale: 'en-us',
            source_locale: 'en-us',
          },
          { id: 101, section_id: 10, title: 'Refunds', body: BODY, locale: 'en-us', source_locale: 'en-us' },
          { id: 101, source_id: 101, section_id: 10, title: 'Remboursements', body: BODY, locale: '../fr' },
        ],
        translations: [
          { id: 1, source_id: 100, source_type: 'Article', locale: 'de', title: 'Rechnung', body: BODY },
          ...bad.map((locale, i) => ({
            id: i + 2,
            source_id: 100,
            source_type: 'Article',
            locale,
            title: 'Rechnung',
            body: BODY,
          })),
        ],
      },
    });
    const result = importBoth('zendesk');
    const notBcp47 = `is not a BCP 47 language tag; ${PLAIN}; it was not imported`;
    expect(refusals(result)).toEqual([
      `articles#101/../fr ("Remboursements"): the locale "../fr" ${notBcp47}`,
      `translations#2/../../../x ("Rechnung"): the locale "../../../x" ${notBcp47}`,
      `translations#3/.. ("Rechnung"): the locale ".." ${notBcp47}`,
      `translations#4//etc/cron.d ("Rechnung"): the locale "/etc/cron.d" ${notBcp47}`,
      `translations#5/con ("Rechnung"): the locale "con" is a name Windows reserves for a device; ${PLAIN}; it was not imported`,
      `translations#6/de\\u0000 ("Rechnung"): the locale "de\\u0000" ${notBcp47}`,
      `translations#7/${'x'.repeat(300)} ("Rechnung"): the locale "${'x'.repeat(60)}…" (300 characters) ${notBcp47}`,
      `translations#8/faq ("Rechnung"): the locale "faq" is the path of a built-in page; ${PLAIN}, other than faq, search, 404, pagefind, _astro, images, assets, feedback, widget; it was not imported`,
      `translations#9/de/../../.. ("Rechnung"): the locale "de/../../.." ${notBcp47}`,
    ]);
    expect(listFiles(outDir)).toEqual([
      'articles/billing/invoices/download-an-invoice.md',
      'articles/billing/invoices/refunds.md',
      'categories.yaml',
      'de/articles/billing/invoices/download-an-invoice.md',
      'site.yaml',
    ]);
    const site = parse(readFileSync(path.join(outDir, 'site.yaml'), 'utf8')) as { locales: unknown };
    expect(site.locales).toEqual([{ code: 'de', label: 'de' }]);
    const report = formatImportReport(result, { dryRun: false, contentDir: 'content' });
    expect(report).toContain(
      `\nRefused: values that cannot be a path inside content, nothing of them written (ImportValueRefused) (9):\n  articles#101/../fr ("Remboursements"): the locale "../fr" ${notBcp47}\n`,
    );
  });

  it('Intercom: a translated_content key that is no plain language tag', () => {
    writeJson({
      'collections.json': { type: 'list', data: [{ id: '11', type: 'collection', name: 'Sharing' }] },
      'articles.json': {
        type: 'list',
        data: [
          {
            id: '501',
            type: 'article',
            title: 'Share a board',
            parent_id: '11',
            default_locale: 'en',
            body: BODY,
            translated_content: {
              type: 'article_translated_content',
              fr: { type: 'article_content', title: 'Partager un tableau', body: BODY },
              ...Object.fromEntries(
                ['../../../x', '..', '/etc/cron.d', 'nul', 'fr\u0000', 'x'.repeat(300)].map((locale) => [
                  locale,
                  { type: 'article_content', title: 'Partager', body: BODY },
                ]),
              ),
            },
          },
        ],
      },
    });
    const result = importBoth('intercom');
    const notBcp47 = `is not a BCP 47 language tag; ${PLAIN}; it was not imported`;
    expect(refusals(result)).toEqual([
      `articles#501/../../../x ("Partager"): the locale "../../../x" ${notBcp47}`,
      `articles#501/.. ("Partager"): the locale ".." ${notBcp47}`,
      `articles#501//etc/cron.d ("Partager"): the locale "/etc/cron.d" ${notBcp47}`,
      `articles#501/nul ("Partager"): the locale "nul" is a name Windows reserves for a device; ${PLAIN}; it was not imported`,
      `articles#501/fr\\u0000 ("Partager"): the locale "fr\\u0000" ${notBcp47}`,
      `articles#501/${'x'.repeat(300)} ("Partager"): the locale "${'x'.repeat(60)}…" (300 characters) ${notBcp47}`,
    ]);
    expect(listFiles(outDir)).toEqual([
      'articles/sharing/share-a-board.md',
      'categories.yaml',
      'fr/articles/sharing/share-a-board.md',
      'site.yaml',
    ]);
  });

  it('Help Scout: an article\'s slug with a separator, "..", a device name or too many characters', () => {
    const slugs = ['install-the-app', '../../x', 'a\\b', '..', 'con', 'x'.repeat(300), 'Install App', 'a'.repeat(81)];
    writeJson({
      'collections.json': { collections: { items: [{ id: 'c1', name: 'Mobile' }] } },
      ...Object.fromEntries(
        slugs.map((slug, i) => [
          `article-${i}.json`,
          { article: { id: `h${i}`, collectionId: 'c1', slug, status: 'published', name: `Article ${i}`, text: BODY } },
        ]),
      ),
    });
    const result = importBoth('helpscout');
    expect(refusals(result)).toEqual([
      `articles#h1 ("Article 1"): the slug "../../x" contains a path separator; ${SLUG}; it was not imported`,
      `articles#h2 ("Article 2"): the slug "a\\\\b" contains a path separator; ${SLUG}; it was not imported`,
      `articles#h3 ("Article 3"): the slug ".." is ".."; ${SLUG}; it was not imported`,
      'articles#h4 ("Article 4"): the slug "con" is a name Windows reserves for a device; choose another; it was not imported',
      `articles#h5 ("Article 5"): the slug "${'x'.repeat(60)}…" (300 characters) is 300 bytes long; a file name can have at most 255; ${SLUG}; it was not imported`,
      `articles#h6 ("Article 6"): the slug "Install App" is not a slug; ${SLUG}; it was not imported`,
      `articles#h7 ("Article 7"): the slug "${'a'.repeat(60)}…" (81 characters) is 81 characters long; ${SLUG}; it was not imported`,
    ]);
    expect(listFiles(outDir)).toEqual(['articles/mobile/install-the-app.md', 'categories.yaml', 'site.yaml']);
  });

  it('Freshdesk: category and folder names with "/" or ".." become slugs; a bad existing category id is refused', () => {
    writeJson({
      'categories.json': [
        { id: 7001, name: '..' },
        { id: 7002, name: 'Orders' },
      ],
      'folders.json': [
        { id: 8001, name: '../../etc', visibility: 1, category_id: 7001 },
        { id: 8002, name: 'Changing', visibility: 1, category_id: 7002 },
      ],
      'articles.json': [
        { id: 9101, title: 'Change the address', status: 2, folder_id: 8001, category_id: 7001, description: BODY },
        { id: 9102, title: 'Cancel an order', status: 2, folder_id: 8002, category_id: 7002, description: BODY },
      ],
    });
    // The content folder's own categories.yaml names "Orders" with an id that is no slug: its pages are refused.
    mkdirSync(outDir);
    const categories = '- id: ../../orders\n  title: Orders\n  description: Placing orders.\n';
    writeFileSync(path.join(outDir, 'categories.yaml'), categories);
    const result = importBoth('freshdesk');
    expect(refusals(result)).toEqual([
      `articles#9102 ("Cancel an order"): the category id "../../orders" contains a path separator; ${SLUG}; it was not imported`,
    ]);
    expect(listFiles(outDir)).toEqual(['articles/7001/etc/change-the-address.md', 'categories.yaml', 'site.yaml']);
    expect(readFileSync(path.join(outDir, 'categories.yaml'), 'utf8')).toContain(
      '- id: "7001"\n  title: ..\n  description: Articles about ...\n  order: 0\n  sections:\n    - id: etc\n      title: ../../etc\n',
    );
  });

  it('Zendesk: an attachment path with "../" in a body copies nothing; hosted exports only link images', () => {
    writeFileSync(path.join(root, 'outside.png'), 'secret');
    writeJson({
      'export.json': {
        articles: [
          {
            id: 100,
            title: 'Download an invoice',
            locale: 'en-us',
            body: `${BODY}<p><img src="../../../outside.png" alt="x"></p><p><img src="/../../outside.png" alt="y"></p>`,
          },
        ],
      },
    });
    const result = importBoth('zendesk');
    expect(result.summary.refused).toEqual([]);
    expect(result.summary.imagesMissing).toEqual([
      { origin: 'articles#100/en-us', message: '../../../outside.png' },
      { origin: 'articles#100/en-us', message: '/../../outside.png' },
    ]);
    expect(result.summary.imagesCopied).toBe(0);
    expect(listFiles(path.join(project, 'public'))).toEqual([]);
  });

  it('a source folder: an image reached by "../" or a symbolic link outside the source is not copied', () => {
    writeFileSync(path.join(root, 'outside.png'), 'secret');
    const guide = path.join(source, 'docs', 'guide');
    mkdirSync(guide, { recursive: true });
    writeFileSync(path.join(guide, 'ok.png'), 'ok');
    writeFileSync(path.join(guide, 'AUX.png'), 'aux');
    symlinkSync(path.join(root, 'outside.png'), path.join(guide, 'linked.png'));
    writeFileSync(
      path.join(guide, 'page.md'),
      '# Take a screenshot\n\nPress the key to take a screenshot of the whole screen and save it.\n\n![ok](ok.png)\n\n![aux](AUX.png)\n\n![up](../../../outside.png)\n\n![link](linked.png)\n',
    );
    const result = importBoth('mkdocs');
    expect(refusals(result)).toEqual([
      'docs/guide/page.md ("Take a screenshot"): the image "../../../outside.png" is outside the source folder; it was not copied',
      'docs/guide/page.md ("Take a screenshot"): the image "linked.png" is outside the source folder; it was not copied',
    ]);
    // "AUX.png" is copied under a name Windows can have too.
    expect(listFiles(path.join(project, 'public'))).toEqual([
      'images/imported/general/image-aux.png',
      'images/imported/general/ok.png',
    ]);
    expect(result.summary.imagesCopied).toBe(2);
  });

  it('a source folder: a page that is a symbolic link to a file outside the source is not imported', () => {
    writeFileSync(
      path.join(root, 'outside.md'),
      '# Secret\n\nThe password of the staging database, which must never be published.\n',
    );
    const guide = path.join(source, 'docs', 'guide');
    mkdirSync(guide, { recursive: true });
    writeFileSync(
      path.join(guide, 'page.md'),
      '# Take a screenshot\n\nPress the key to take a screenshot of the whole screen.\n',
    );
    symlinkSync(path.join(root, 'outside.md'), path.join(guide, 'notes.md'));
    const result = importBoth('mkdocs');
    expect(refusals(result)).toEqual([
      'docs/guide/notes.md ("Secret"): the source file "docs/guide/notes.md" is outside the source folder (a symbolic link or a docs folder elsewhere); it was not imported',
    ]);
    expect(listFiles(outDir)).toEqual(['articles/general/page.md', 'categories.yaml', 'site.yaml']);
  });
});

describe('importContent with a symbolic link in --out', () => {
  it('stops before the first write when a folder of --out links elsewhere, on a dry run too', () => {
    writeJson({
      'export.json': { articles: [{ id: 100, title: 'Download an invoice', body: BODY, locale: 'en-us' }] },
    });
    const elsewhere = path.join(root, 'outside-dir');
    mkdirSync(elsewhere);
    mkdirSync(outDir);
    symlinkSync(elsewhere, path.join(outDir, 'articles'));
    const message = `[ImportPathOutside] the import would write "articles/general/download-an-invoice.md" outside ${outDir} (a symbolic link leads to ${elsewhere}); nothing was written there`;
    for (const dryRun of [true, false]) {
      let thrown: unknown;
      try {
        importContent({ source, from: 'zendesk', outDir, dryRun });
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(HelpCenterError);
      expect(`[${(thrown as HelpCenterError).code}] ${(thrown as Error).message}`).toBe(message);
    }
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(readdirSync(outDir)).toEqual(['articles']);
  });
});

describe('importContent with a Document360 ZIP', () => {
  const tempDirs = () => new Set(readdirSync(tmpdir()).filter((name) => name.startsWith(IMPORT_TEMP_PREFIX)));
  let before = new Set<string>();
  beforeEach(() => {
    before = tempDirs();
  });
  afterEach(() => {
    // Whatever the import did, its temporary folder is gone.
    expect([...tempDirs()].filter((d) => !before.has(d))).toEqual([]);
  });

  const welcome = new TextEncoder().encode(
    '---\ntitle: Welcome to Acme Notes\n---\n\nAcme Notes keeps your notes in one place on the web and on your phone.\n',
  );

  it('refuses a 300-character entry and one that climbs out, and imports the rest', () => {
    const zip = path.join(source, 'export.zip');
    const long = `v1/Getting-Started/${'a'.repeat(300)}.md`;
    writeFileSync(
      zip,
      zipSync({ 'v1/Getting-Started/Welcome.md': welcome, [long]: welcome, '../../evil.md': welcome }),
    );
    const result = importBoth('document360', zip);
    expect(refusals(result)).toEqual([
      `export.zip: the ZIP entry "v1/Getting-Started/${'a'.repeat(41)}…" (322 characters) has a part that is 303 bytes long; a file name can have at most 255; it was not unpacked`,
      'export.zip: the ZIP entry "../../evil.md" contains ".."; it was not unpacked',
    ]);
    expect(listFiles(outDir)).toEqual(['articles/getting-started/welcome.md', 'categories.yaml', 'site.yaml']);
  });

  it('says a broken ZIP cannot be read, and removes the temporary folder', () => {
    const zip = path.join(source, 'export.zip');
    writeFileSync(zip, 'PK but not really a zip file, long enough to search for its directory record');
    expect(() => importContent({ source: zip, from: 'document360', outDir })).toThrow(
      new ImportSourceError(
        `${zip} cannot be read as a ZIP file (invalid zip data); pass Document360's export ZIP as it was downloaded`,
      ),
    );
    expect(listFiles(project)).toEqual([]);
  });

  it('stops on a ZIP that claims to unpack to 4 GB, and removes the temporary folder', () => {
    const zip = path.join(source, 'export.zip');
    const bytes = Buffer.from(zipSync({ 'v1/Getting-Started/Welcome.md': welcome }));
    bytes.writeUInt32LE(0xfffffff0, bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24);
    writeFileSync(zip, bytes);
    expect(() => importContent({ source: zip, from: 'document360', outDir })).toThrow(
      `${zip} unpacks to more than 1024 MiB; nothing was imported. If the export really is that large, unpack it yourself and import the folder.`,
    );
    expect(listFiles(project)).toEqual([]);
  });
});
