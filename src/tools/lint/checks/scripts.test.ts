import { describe, expect, it } from 'vitest';
import { article, lintTestSite, uiStringsFor } from '../../../../test/helpers/lint-site.ts';
import { getExpectedScripts } from '../unicode.ts';
import { judgeWord } from './scripts.ts';

const site = (language: string) =>
  `name: Example Help\nurl: https://help.example.com\nlanguage: ${language}\nlint:\n  requireOwner: true\n  allowedDomains: [status.example.net]\n`;
const at = (body: string, language = 'en') => ({
  'content/articles/billing/test.md': article(body),
  ...uiStringsFor(language),
  'content/site.yaml': site(language),
});

describe('homoglyphs', () => {
  it('accepts accented Latin words and Greek unit symbols', async () => {
    const { lines } = await lintTestSite(at('Café, naïve, Zürich, 10 μm, 5 Ωcm.\n'));
    expect(lines).toEqual([]);
  });

  it('reports a Cyrillic letter inside a Latin word, naming it and how it looks', async () => {
    const { lines } = await lintTestSite(at('Enter your p\u0430ssword and your \uFF41ccount.\n'));
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/articles/billing/test.md:7:12  error  "pаssword" mixes Latin and Cyrillic letters: U+0430 CYRILLIC SMALL LETTER A (looks like Latin "a"); retype the word (--fix does)  (homoglyph)",
        "content/articles/billing/test.md:7:30  error  "ａccount" uses look-alike letters: U+FF41 FULLWIDTH LATIN SMALL LETTER A (looks like Latin "a"); retype the word (--fix does)  (homoglyph)",
      ]
    `);
  });

  it('reports a Latin letter inside a Cyrillic word on a Russian site', async () => {
    expect(judgeWord('пaроль', getExpectedScripts('ru'))).toMatchObject({
      kind: 'homoglyph',
      dominant: 'Cyrillic',
      suspects: [{ ch: 'a', replacement: 'а' }],
    });
  });

  it('reports homoglyphs in the frontmatter too', async () => {
    const { lines } = await lintTestSite({
      'content/articles/billing/test.md': article(
        'Body.\n',
        'title: Reset your p\u0430ssword\ndescription: A test article that says what it helps with in a sentence or two.\nowner: Test team\n',
      ),
    });
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/articles/billing/test.md:2:19  error  "pаssword" mixes Latin and Cyrillic letters: U+0430 CYRILLIC SMALL LETTER A (looks like Latin "a"); retype the word (--fix does)  (homoglyph)",
      ]
    `);
  });
});

describe('unexpected scripts and repeated foreign phrases', () => {
  it('accepts the scripts of the site language, and Latin brand names beside them', async () => {
    const { lines } = await lintTestSite(at('Нажмите кнопку Parcelo Plus, чтобы продолжить.\n', 'ru'));
    expect(lines).toEqual([]);
  });

  it('reports a run of Chinese text in an English sentence', async () => {
    const { lines } = await lintTestSite(at('Select Save to keep your changes 免费 领取 now.\n'));
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/articles/billing/test.md:7:34  warning  "免费 领取" is Han text, but the site's language is English (en); translate it, or remove it if it does not belong  (unexpected-script)",
      ]
    `);
  });

  it('reports a foreign phrase repeated in a file or across files as spam', async () => {
    const spam = 'Read more. Скачать бесплатно! More text. Скачать бесплатно!\n';
    const { lines } = await lintTestSite({
      ...at(spam),
      'content/articles/account/other.md': article(
        'Hello, скачать бесплатно.\n',
        'title: Other\ndescription: Another test article that says what it helps with in a sentence.\nowner: Test team\n',
      ),
    });
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/articles/account/other.md:7:8  error  "скачать бесплатно" (Cyrillic) appears in 2 files; repeated text in another script is typical of spam, so remove it  (repeated-foreign-phrase)",
        "content/articles/billing/test.md:7:12  error  "Скачать бесплатно" (Cyrillic) appears 2 times in this file and in 2 files; repeated text in another script is typical of spam, so remove it  (repeated-foreign-phrase)",
        "content/articles/billing/test.md:7:42  error  "Скачать бесплатно" (Cyrillic) appears 2 times in this file and in 2 files; repeated text in another script is typical of spam, so remove it  (repeated-foreign-phrase)",
      ]
    `);
  });
});
