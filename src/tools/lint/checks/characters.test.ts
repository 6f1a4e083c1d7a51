import { describe, expect, it } from 'vitest';
import { article, lintTestSite, uiStringsFor } from '../../../../test/helpers/lint-site.ts';

const at = (body: string, language = 'en') => ({
  'content/articles/billing/test.md': article(body),
  ...uiStringsFor(language),
  'content/site.yaml': `name: Example Help\nurl: https://help.example.com\nlanguage: ${language}\nlint:\n  requireOwner: true\n  allowedDomains: [status.example.net]\n`,
});

describe('invisible and bidi characters', () => {
  it('accepts emoji sequences, keycaps and flags that use joiners and selectors', async () => {
    const { lines } = await lintTestSite(
      at(
        'Coders 👩\u200D💻, hearts ❤\uFE0F, keycap 1\uFE0F\u20E3, flag 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}.\n',
      ),
    );
    expect(lines).toEqual([]);
  });

  it('names each invisible character, counts a run once, and looks inside code too', async () => {
    const { lines } = await lintTestSite(
      at('Pass\u200Bword and soft\u00ADhyphen and three\u200B\u200B\u200Bspaces.\n\n```\nrm -rf /\u2060tmp\n```\n'),
    );
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/articles/billing/test.md:7:5  error  U+200B ZERO WIDTH SPACE: an invisible character that breaks search and copy-paste; delete it (--fix does)  (invisible-character)",
        "content/articles/billing/test.md:7:19  error  U+00AD SOFT HYPHEN: an invisible character that breaks search and copy-paste; delete it (--fix does)  (invisible-character)",
        "content/articles/billing/test.md:7:36  error  3 × U+200B ZERO WIDTH SPACE: an invisible character that breaks search and copy-paste; delete it (--fix does)  (invisible-character)",
        "content/articles/billing/test.md:10:9  error  U+2060 WORD JOINER: an invisible character that breaks search and copy-paste; delete it (--fix does)  (invisible-character)",
      ]
    `);
  });

  it('reports bidirectional controls, but accepts direction marks in a right-to-left site', async () => {
    const { lines } = await lintTestSite(at('Total: \u202E0.01\u202C USD and a mark\u200F.\n'));
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/articles/billing/test.md:7:8  error  U+202E RIGHT-TO-LEFT OVERRIDE: it changes the order in which text is displayed, so what readers see differs from the source; delete it (--fix does)  (bidi-control)",
        "content/articles/billing/test.md:7:13  error  U+202C POP DIRECTIONAL FORMATTING: it changes the order in which text is displayed, so what readers see differs from the source; delete it (--fix does)  (bidi-control)",
        "content/articles/billing/test.md:7:29  error  U+200F RIGHT-TO-LEFT MARK: it changes the order in which text is displayed, so what readers see differs from the source; delete it (--fix does)  (bidi-control)",
      ]
    `);
    const rtl = await lintTestSite(at('سلام\u200F دنیا و \u202Eoverride\u202C.\n', 'fa'));
    expect(rtl.lines).toMatchInlineSnapshot(`
      [
        "content/articles/billing/test.md:7:14  error  U+202E RIGHT-TO-LEFT OVERRIDE: it changes the order in which text is displayed, so what readers see differs from the source; delete it (--fix does)  (bidi-control)",
      ]
    `);
  });

  it('accepts zero-width non-joiners inside Persian words', async () => {
    const { lines } = await lintTestSite(at('می\u200Cخواهم\n', 'fa'));
    expect(lines).toEqual([]);
  });
});

describe('stray symbols', () => {
  it('accepts emoji and symbols between words', async () => {
    const { lines } = await lintTestSite(at('Great 👍 and 20 °C and © Example and € 5.\n'));
    expect(lines).toEqual([]);
  });

  it('reports emoji inside words, replacement and private-use characters, and mojibake', async () => {
    const { lines } = await lintTestSite(
      at('Get fr🔥ee money. Caf\uFFFD au lait. Icon \uE000 here. CafÃ© and donâ€™t.\n'),
    );
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/articles/billing/test.md:7:7  warning  U+1F525 "🔥" inside the word "fr🔥ee"; remove it, or put spaces around it if it belongs in the text  (stray-symbol)",
        "content/articles/billing/test.md:7:22  warning  U+FFFD REPLACEMENT CHARACTER: the text was saved or pasted with the wrong encoding; retype the character it replaced  (stray-symbol)",
        "content/articles/billing/test.md:7:38  warning  U+E000 PRIVATE USE CHARACTER: it has no standard meaning and shows as a box or nothing; replace it  (stray-symbol)",
        "content/articles/billing/test.md:7:49  warning  "Ã©" looks like text decoded with the wrong encoding (mojibake); it was probably "é"; retype it  (stray-symbol)",
        "content/articles/billing/test.md:7:59  warning  "â€™" looks like text decoded with the wrong encoding (mojibake); it was probably "’"; retype it  (stray-symbol)",
      ]
    `);
  });
});
