/** The checks of path-forming values from an export, and the one write path of the import. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  formatRefusal,
  getRelativePathProblem,
  getSlugProblem,
  parseImportLocale,
  resolveInside,
  resolvePlannedTarget,
  writeFileInside,
} from './safe-paths.ts';

const PLAIN =
  'use a plain language tag (a language, then optionally a script and a region), like "de", "pt-BR" or "zh-Hant"';
const SLUG = 'use lowercase letters, digits and hyphens, like "reset-password", at most 80 characters';

describe('parseImportLocale', () => {
  it('takes plain language tags, canonical and lowercase, as the folder name', () => {
    expect(parseImportLocale('de')).toEqual({ locale: 'de' });
    expect(parseImportLocale('pt-BR')).toEqual({ locale: 'pt-br' });
    expect(parseImportLocale('en-us')).toEqual({ locale: 'en-us' });
    expect(parseImportLocale('zh-Hant')).toEqual({ locale: 'zh-hant' });
    expect(parseImportLocale('zh-Hant-TW')).toEqual({ locale: 'zh-hant-tw' });
    expect(parseImportLocale('es-419')).toEqual({ locale: 'es-419' });
    expect(parseImportLocale('iw')).toEqual({ locale: 'he' });
  });

  it('refuses what is no language tag, or more than a plain one, or a name a folder cannot have', () => {
    const notBcp47 = { problem: `is not a BCP 47 language tag; ${PLAIN}` };
    for (const value of ['../../../x', '..', '/etc', 'C:\\x', 'de\u0000', 'de/../..', '', 'x'.repeat(300), 'pt_BR'])
      expect(parseImportLocale(value), JSON.stringify(value)).toEqual(notBcp47);
    expect(parseImportLocale('de-CH-1996')).toEqual({ problem: `is not a plain language tag; ${PLAIN}` });
    expect(parseImportLocale('en-US-u-ca-gregory')).toEqual({ problem: `is not a plain language tag; ${PLAIN}` });
    expect(parseImportLocale('con')).toEqual({ problem: `is a name Windows reserves for a device; ${PLAIN}` });
    expect(parseImportLocale('faq')).toEqual({
      problem: `is the path of a built-in page; ${PLAIN}, other than faq, search, 404, pagefind, _astro, images, assets, feedback, widget`,
    });
  });
});

describe('getSlugProblem', () => {
  it('takes slugs and refuses separators, "..", control characters, device names and long values', () => {
    expect(getSlugProblem('reset-password')).toBeUndefined();
    expect(getSlugProblem('../../x')).toBe(`contains a path separator; ${SLUG}`);
    expect(getSlugProblem('a\\b')).toBe(`contains a path separator; ${SLUG}`);
    expect(getSlugProblem('..')).toBe(`is ".."; ${SLUG}`);
    expect(getSlugProblem('a\u0000b')).toBe(`contains a control character; ${SLUG}`);
    expect(getSlugProblem('')).toBe(`is empty; ${SLUG}`);
    expect(getSlugProblem('Reset Password')).toBe(`is not a slug; ${SLUG}`);
    expect(getSlugProblem('a'.repeat(81))).toBe(`is 81 characters long; ${SLUG}`);
    expect(getSlugProblem('a'.repeat(300))).toBe(`is 300 bytes long; a file name can have at most 255; ${SLUG}`);
    expect(getSlugProblem('aux')).toBe('is a name Windows reserves for a device; choose another');
    expect(getSlugProblem('search', { category: true })).toBe(
      'is the path of a built-in page; choose another than faq, search, 404, pagefind, _astro, images, assets, feedback, widget',
    );
    expect(getSlugProblem('search')).toBeUndefined();
  });
});

describe('getRelativePathProblem', () => {
  it('names what makes a path leave its folder or fail on a file system', () => {
    expect(getRelativePathProblem('docs/a.md')).toBeUndefined();
    expect(getRelativePathProblem('../a.md')).toBe('contains ".."');
    expect(getRelativePathProblem('docs/../../a.md')).toBe('contains ".."');
    expect(getRelativePathProblem('/etc/passwd')).toBe('is an absolute path');
    expect(getRelativePathProblem('C:/Windows/a.md')).toBe('is an absolute path');
    expect(getRelativePathProblem('docs\\..\\a.md')).toBe('contains a backslash');
    expect(getRelativePathProblem('a\u0000.md')).toBe('contains a NUL character');
    expect(getRelativePathProblem(`docs/${'a'.repeat(300)}.md`)).toBe(
      'has a part that is 303 bytes long; a file name can have at most 255',
    );
    expect(getRelativePathProblem('docs//a.md')).toBe('has a part that is empty');
    expect(getRelativePathProblem('docs/nul.md')).toBe('has a part that is a name Windows reserves for a device');
  });
});

describe('formatRefusal', () => {
  it('names the item, its title, the field and the value, escaped and cut when long', () => {
    expect(
      formatRefusal({
        origin: 'translations#9/de\u0000',
        title: 'Rechnung',
        field: 'locale',
        value: 'de\u0000',
        reason: 'is bad',
      }),
    ).toBe('translations#9/de\\u0000 ("Rechnung"): the locale "de\\u0000" is bad');
    expect(formatRefusal({ origin: 'export.zip', field: 'ZIP entry', value: 'a'.repeat(300), reason: 'is long' })).toBe(
      `export.zip: the ZIP entry "${'a'.repeat(60)}…" (300 characters) is long`,
    );
  });
});

describe('resolveInside and writeFileInside', () => {
  let root = '';
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'safe-paths-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('resolves paths inside the folder and throws, naming the path, for any other', () => {
    const base = path.join(root, 'content');
    expect(resolveInside(base, 'articles/a.md')).toBe(path.join(base, 'articles', 'a.md'));
    expect(() => resolveInside(base, '../../../x/a.md')).toThrow(
      `the import would write "../../../x/a.md" outside ${base} (contains ".."); nothing was written there`,
    );
    expect(() => resolveInside(base, '/tmp/a.md')).toThrow(
      `the import would write "/tmp/a.md" outside ${base} (is an absolute path); nothing was written there`,
    );
    expect(() => resolvePlannedTarget(base, 'site.yaml')).toThrow(
      `the import would write "site.yaml" outside ${base} and public/images/imported/; nothing was written there`,
    );
    expect(resolvePlannedTarget(base, 'public/images/imported/a/b.png').target).toBe(
      path.join(root, 'public/images/imported/a/b.png'),
    );
    expect(() => resolvePlannedTarget(base, 'public/index.html')).toThrow(
      `the import would write "public/index.html" outside ${base} and public/images/imported/; nothing was written there`,
    );
  });

  it('writes inside, and refuses to follow a symbolic link out of the folder', () => {
    const base = path.join(root, 'content');
    const outside = path.join(root, 'outside');
    mkdirSync(outside);
    mkdirSync(base);
    writeFileInside(base, 'articles/a.md', { data: 'A' });
    expect(readFileSync(path.join(base, 'articles/a.md'), 'utf8')).toBe('A');
    symlinkSync(outside, path.join(base, 'linked'));
    expect(() => writeFileInside(base, 'linked/a.md', { data: 'B' })).toThrow(
      `the import would write "linked/a.md" outside ${base} (a symbolic link leads to ${outside}); nothing was written there`,
    );
    // Checked before its folders are made: no folder appears at the other end of the link either.
    expect(() => writeFileInside(base, 'linked/new/deeper/a.md', { data: 'B' })).toThrow(
      `the import would write "linked/new/deeper/a.md" outside ${base} (a symbolic link leads to ${outside}); nothing was written there`,
    );
    expect(() => resolvePlannedTarget(base, 'content/linked/b.md')).toThrow(
      `the import would write "linked/b.md" outside ${base} (a symbolic link leads to ${outside}); nothing was written there`,
    );
    symlinkSync(path.join(outside, 'target.md'), path.join(base, 'file.md'));
    expect(() => writeFileInside(base, 'file.md', { data: 'C' })).toThrow(
      `the import would write "file.md" outside ${base} (the file is a symbolic link); nothing was written there`,
    );
    expect(readdirSync(outside)).toEqual([]);
    expect(existsSync(path.join(outside, 'target.md'))).toBe(false);
  });
});
