import { describe, expect, it } from 'vitest';
import { createQueryPlanner, mergeByScore, searchHelpCenter, type RankedResult } from './query.ts';
import type { SectionRankData } from './section-rank.ts';
import { buildSearchVocabulary } from './vocabulary.ts';

const vocabulary = buildSearchVocabulary(
  [
    'Reset your password. Choose a new password when you have forgotten it.',
    'Refund timelines: how long refunds take. Cancel an order. Invoices and receipts.',
    'Two-factor authentication protects your account.',
    'Why can’t I log in?',
  ],
  'en',
);
const planner = createQueryPlanner(vocabulary);

describe('turning a reader’s query into search terms', () => {
  it('drops the words that only glue a question together', () => {
    expect(planner.plan('How do I reset my password?').terms).toEqual(['reset', 'password?']);
    expect(planner.plan('why can’t I cancel my order').terms).toEqual(['can’t', 'cancel', 'order']);
  });

  it('keeps the query as typed when it has nothing but such words', () => {
    expect(planner.plan('how do I').terms).toEqual(['how', 'do', 'i']);
  });

  it('corrects a word that is in no page to the closest word that is', () => {
    expect(planner.plan('pasword').corrections).toEqual([{ from: 'pasword', to: 'password' }]);
    expect(planner.plan('refnud timelines').terms).toEqual(['refund', 'timelines']);
    expect(planner.plan('cancle order').terms).toEqual(['cancel', 'order']);
  });

  it('leaves words in the vocabulary, prefixes of them, short words and hyphenated words alone', () => {
    expect(planner.plan('refunds').corrections).toEqual([]);
    expect(planner.plan('passw').terms).toEqual(['passw']);
    expect(planner.plan('po box 2fa').terms).toEqual(['po', 'box', '2fa']);
    expect(planner.plan('two-factor').terms).toEqual(['two-factor']);
  });

  it('leaves out a word that is in no page and close to none', () => {
    expect(planner.plan('xylophonequartz')).toEqual({ terms: [], corrections: [], unknown: ['xylophonequartz'] });
    expect(planner.plan('reset xylophonequartz').terms).toEqual(['reset']);
  });

  it('searches the words as typed when there is no vocabulary', () => {
    expect(createQueryPlanner(undefined).plan('How do I reset pasword').terms).toEqual([
      'how',
      'do',
      'i',
      'reset',
      'pasword',
    ]);
  });
});

const result = (id: string, score: number): RankedResult<string> => ({ id, score, data: async () => id });

describe('searching with partial matches', () => {
  const pages: Record<string, string[]> = {
    a: ['reset', 'password'],
    b: ['password'],
    c: ['reset'],
    d: ['password', 'reset', 'email'],
  };
  const fake = {
    terms: [] as string[],
    async search(term: string) {
      this.terms.push(term);
      const words = term.split(' ');
      const hits = Object.entries(pages).filter(([, w]) => words.every((x) => w.includes(x)));
      return { results: hits.map(([id, w]) => result(id, w.length)).sort((x, y) => y.score - x.score) };
    },
  };

  it('adds pages with some of the words after the pages with all of them when there are few', async () => {
    fake.terms = [];
    const found = await searchHelpCenter(fake, { terms: ['password', 'email'], corrections: [], unknown: [] });
    expect(found.results.map((r) => r.id)).toEqual(['d', 'a', 'b']);
    expect(found.relaxed).toBe(true);
    expect(fake.terms).toEqual(['password email', 'password', 'email']);
  });

  it('judges an answer card against the best other page with every word, never a page with only some', async () => {
    const relaxed = await searchHelpCenter(fake, { terms: ['password', 'email'], corrections: [], unknown: [] });
    // Only "d" has both words: "a" and "b" have some of them and do not compete.
    expect(relaxed.answerScores).toEqual([3]);
    const one = await searchHelpCenter(fake, { terms: ['password'], corrections: [], unknown: [] });
    expect(one.answerScores).toEqual([3, 2]);
  });

  it('searches once when enough pages have every word', async () => {
    fake.terms = [];
    const found = await searchHelpCenter(fake, { terms: ['password'], corrections: [], unknown: [] });
    expect(found.results.map((r) => r.id)).toEqual(['d', 'a', 'b']);
    expect(fake.terms).toEqual(['password']);
  });

  it('takes the brand word’s score off a word it starts with: "parcel" is not swamped by "Parcelo"', async () => {
    const brandPlanner = createQueryPlanner({
      ...vocabulary,
      words: [...vocabulary.words, 'parcel', 'parcelo'],
      brandWords: ['parcelo'],
    });
    const plan = brandPlanner.plan('where is my parcel');
    expect(plan).toMatchObject({ terms: ['parcel'], brandPrefixes: ['parcelo'] });
    expect(brandPlanner.plan('parcelo plus').brandPrefixes).toBeUndefined();
    // Prefix matching: "parcel" matches both words; the brand is on every page.
    const texts: Record<string, string[]> = {
      plus: ['parcelo', 'parcelo', 'parcelo', 'plus'],
      track: ['parcelo', 'parcel', 'parcel'],
      about: ['parcelo'],
    };
    const searcher = {
      async search(term: string) {
        const hits = Object.entries(texts)
          .map(([id, words]) => result(id, words.filter((w) => w.startsWith(term)).length))
          .filter((r) => r.score > 0);
        return { results: hits };
      },
    };
    const found = await searchHelpCenter(searcher, plan);
    expect(found.results.map((r) => r.id)).toEqual(['track', 'about', 'plus']);
  });

  it('lets pages with every word scattered over sections compete with a page that has most of them in one', async () => {
    // A page's data as Pagefind has it: its words, and its headings at their word positions.
    const data = (title: string, words: string): SectionRankData => ({
      meta: { title },
      raw_content: words,
      anchors: [],
    });
    const sections = (title: string, ...parts: string[]): SectionRankData => {
      const tokens: string[] = [];
      const anchors = parts.map((part, i) => {
        const location = tokens.length;
        tokens.push(`heading${i}`, ...part.split(' '));
        return { text: `heading${i}`, location };
      });
      return { meta: { title }, raw_content: tokens.join(' '), anchors };
    };
    const docs: Record<string, { words: string[]; data: SectionRankData }> = {
      // Every word, each in another section of a long page.
      welcome: { words: ['host', 'site', 'aws'], data: sections('Welcome', 'host', 'site', 'aws') },
      shortcodes: { words: ['host', 'site', 'aws'], data: sections('Shortcodes', 'host', 'site', 'aws') },
      content: { words: ['host', 'site', 'aws'], data: sections('Content', 'host', 'site', 'aws') },
      // Two of the three words, in one section, one of them in the title.
      amazon: { words: ['site', 'aws'], data: data('Deploy on AWS', 'deploy the site to aws') },
    };
    // Per word, the AWS page scores highest for the words it has.
    const scores: Record<string, number> = { welcome: 3, shortcodes: 2.5, content: 2, amazon: 4 };
    const searcher = {
      async search(term: string) {
        const words = term.split(' ');
        const hits = Object.entries(docs).filter(([, d]) => words.every((w) => d.words.includes(w)));
        const results = hits.map(([id, d]) => ({
          id,
          score: (scores[id]! * words.length) / 3,
          data: async () => d.data,
        }));
        return { results: results.sort((x, y) => y.score - x.score) };
      },
    };
    const plan = { terms: ['host', 'site', 'aws'], corrections: [], unknown: [] };
    const found = await searchHelpCenter(searcher, plan);
    expect(found.results[0]!.id).toBe('amazon');
    expect(found.results.map((r) => r.id).sort()).toEqual(['amazon', 'content', 'shortcodes', 'welcome']);
    // One page with a section that holds every word keeps the pages with every word first.
    docs.welcome = { words: ['host', 'site', 'aws'], data: data('Welcome', 'host the site on aws') };
    expect((await searchHelpCenter(searcher, plan)).results.slice(0, 3).map((r) => r.id)).toEqual([
      'welcome',
      'shortcodes',
      'content',
    ]);
  });

  it('ranks merged pages by their summed score and keeps each page’s best-scoring result', async () => {
    const merged = mergeByScore([[result('x', 1), result('y', 5)], [result('x', 4.5)]]);
    expect(merged.map((r) => [r.id, r.score])).toEqual([
      ['x', 5.5],
      ['y', 5],
    ]);
  });

  it('orders equal scores by result id, whatever order the index returned them in', async () => {
    const tied = [result('en_c', 2), result('en_a', 2), result('en_d', 3), result('en_b', 2)];
    const searcher = { search: async () => ({ results: tied }) };
    const again = { search: async () => ({ results: [...tied].reverse().sort((x, y) => y.score - x.score) }) };
    const plan = { terms: ['refund'], corrections: [], unknown: [] };
    const ids = async (s: typeof searcher) => (await searchHelpCenter(s, plan)).results.map((r) => r.id);
    expect(await ids(searcher)).toEqual(['en_d', 'en_a', 'en_b', 'en_c']);
    expect(await ids(again)).toEqual(await ids(searcher));
    expect(mergeByScore([[result('q', 1), result('p', 1)], [result('r', 2)]]).map((r) => r.id)).toEqual([
      'r',
      'p',
      'q',
    ]);
  });
});
