import { describe, expect, it } from 'vitest';
import { getPageSearchWeight, getSectionFocus, getSectionMatch, matchesTerm, rankBySections } from './section-rank.ts';

/** A page as Pagefind's result data has it: its words, and its headings at their word positions. */
function page(
  title: string,
  sections: Array<[heading: string | undefined, body: string]>,
  meta: Record<string, string> = {},
) {
  const tokens: string[] = [];
  const anchors: Array<{ text: string; location: number }> = [];
  for (const [heading, body] of sections) {
    if (heading !== undefined) {
      anchors.push({ text: heading, location: tokens.length });
      tokens.push(...heading.split(' '));
    }
    tokens.push(...body.split(' '));
  }
  return { raw_content: tokens.join(' '), anchors, meta: { title, ...meta } };
}

const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('ranking results by their best section', () => {
  it('matches a word as Pagefind does: by prefix, and past a stem ending', () => {
    expect(matchesTerm('patterns', 'pattern')).toBe(true);
    expect(matchesTerm('pattern', 'patterns')).toBe(true);
    expect(matchesTerm('translations', 'translate')).toBe(true);
    expect(matchesTerm('usage', 'uses')).toBe(false);
    expect(matchesTerm('cat', 'cart')).toBe(false);
  });

  it('scores a section holding every word above a page with the words in different sections', () => {
    const focused = page('Configuration', [
      [undefined, 'Settings of the add-on.'],
      ['Blacklist (glob patterns)', `Files matching a pattern are skipped. ${filler(50)}`],
    ]);
    const scattered = page('Quickstart', [
      [undefined, 'Get going.'],
      ['Install', `Leave the blacklist warning on. ${filler(50)}`],
      ['Verify', `Paste one pattern per line. ${filler(50)}`],
    ]);
    const terms = ['blacklist', 'patterns'];
    // All words, both said by the heading: (1)^2 * (1 + 1).
    expect(getSectionFocus(focused, terms)).toBe(2);
    // Best section holds half the words, none in a heading: (1/2)^2 * 1.
    expect(getSectionFocus(scattered, terms)).toBe(0.25);
    // The page title counts as every section's heading.
    expect(getSectionFocus(page('High CPU usage', [['Choosing', 'Pick a faster detector']]), ['cpu', 'detector'])).toBe(
      1.5,
    );
    expect(getSectionFocus({}, terms)).toBe(0);
    // A word the page has only through a synonym (its metadata) counts in every section, not as said.
    const viaSynonym = page('Exports', [['Keep footage', 'Export a clip']], {
      description_synonyms: 'permanently, forever',
    });
    expect(getSectionMatch(viaSynonym, ['clip', 'forever'])).toEqual({ focus: 1, coverage: 1 });
    expect(getSectionMatch(page('Exports', [['Keep footage', 'Export a clip']]), ['clip', 'forever'])).toEqual({
      focus: 0.25,
      coverage: 0.5,
    });
  });

  it('reorders the first results by score times focus and page weight, loading each one’s data once', async () => {
    const terms = ['blacklist', 'patterns'];
    const loads: string[] = [];
    const result = (id: string, score: number, data: ReturnType<typeof page>) => ({
      id,
      score,
      data: async () => {
        loads.push(id);
        return data;
      },
    });
    const quick = page('Quickstart', [
      ['Install', 'blacklist'],
      ['Verify', 'pattern'],
    ]);
    const config = page('Configuration', [['Blacklist patterns', 'glob']]);
    const hidden = page('Blacklist patterns (developers)', [[undefined, 'blacklist patterns']], {
      search_weight: '0.1',
    });
    const ranked = await rankBySections(
      [result('quick', 10, quick), result('config', 7, config), result('dev', 9, hidden), result('rest', 1, quick)],
      terms,
      3,
    );
    expect(ranked.map((r) => r.id)).toEqual(['config', 'quick', 'dev', 'rest']);
    expect(loads.sort()).toEqual(['config', 'dev', 'quick']);
    await ranked[0]!.data();
    expect(loads).toHaveLength(3);
    // Data without Pagefind's fields (another searcher's records) keeps the order by score.
    const plain = await rankBySections(
      [
        { id: 'b', score: 2, data: async () => 'b' },
        { id: 'a', score: 3, data: async () => 'a' },
      ],
      terms,
    );
    expect(plain.map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('reads a page’s search weight from its meta, 1 when unset or not a number, at most 10', () => {
    expect(getPageSearchWeight({ meta: { search_weight: '0.5' } })).toBe(0.5);
    expect(getPageSearchWeight({ meta: {} })).toBe(1);
    expect(getPageSearchWeight({ meta: { search_weight: 'lots' } })).toBe(1);
    expect(getPageSearchWeight({ meta: { search_weight: '50' } })).toBe(10);
  });
});

describe('the searchWeight field', () => {
  it('is a number from 0 to 10 on articles, FAQs, sections and categories', async () => {
    const { ArticleFrontmatterSchema, CategorySchema, FaqFrontmatterSchema } = await import('../content/schema.ts');
    const article = { title: 'API', description: 'For developers.' };
    expect(ArticleFrontmatterSchema.parse({ ...article, searchWeight: 0.5 }).searchWeight).toBe(0.5);
    expect(ArticleFrontmatterSchema.safeParse({ ...article, searchWeight: 11 }).error?.issues[0]?.message).toMatch(
      /from 0 to 10/,
    );
    expect(FaqFrontmatterSchema.safeParse({ question: 'Why?', searchWeight: 'low' }).success).toBe(false);
    const category = { id: 'developers', title: 'Developers', description: 'The API.' };
    const parsed = CategorySchema.parse({
      ...category,
      searchWeight: 0.3,
      sections: [{ id: 'sdk', title: 'SDK', searchWeight: 2 }],
    });
    expect([parsed.searchWeight, parsed.sections[0]?.searchWeight]).toEqual([0.3, 2]);
  });
});
