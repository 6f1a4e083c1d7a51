import { describe, expect, it } from 'vitest';
import type { PublishedPages } from '../../content/search-probes.ts';
import type { StoredSearchEvent } from '../../feedback/server/stores/types.ts';
import { buildProbeSeeds, formatProbeSeeds } from './seed.ts';
import { createSearchEventRecord } from '../../../test/helpers/feedback/store-contract.ts';

const pages: PublishedPages = {
  defaultLanguage: 'en',
  byLanguage: new Map([
    ['en', new Set(['/account/reset-password/', '/faq/#change-email', '/billing/refunds/'])],
    ['de', new Set(['/de/account/reset-password/'])],
  ]),
};

/** A stored search event as the store contract makes them; the seed reads its query, results and opened page. */
const event = (query: string, extra: Partial<StoredSearchEvent> = {}): StoredSearchEvent =>
  createSearchEventRecord({ day: '2026-12-01', query, ...extra });
const times = (count: number, make: () => StoredSearchEvent) => Array.from({ length: count }, make);

describe('probes proposed from the search insights', () => {
  const events = [
    ...times(5, () => event('reset password', { opened: '/help/account/reset-password/' })),
    event('reset password', { opened: '/help/faq/#change-email' }),
    ...times(3, () => event('change email', { opened: '/help/faq/#change-email' })),
    ...times(4, () => event('invite colleague', { resultCount: 0 })),
    ...times(2, () => event('gift wrap')),
    event('old page', { opened: '/help/billing/removed/' }),
    ...times(2, () => event('passwort', { language: 'de', opened: '/help/de/account/reset-password/' })),
    event('refund'),
  ];

  it('proposes frequent queries with the most opened published page, and failed ones with an empty expect', () => {
    const seeds = buildProbeSeeds(events, pages, [{ query: 'Refund', language: undefined }], { base: '/help/' });
    expect(seeds.frequent.map((s) => [s.query, s.language, s.expect, s.searches, s.note])).toEqual([
      ['reset password', 'en', '/account/reset-password/', 6, 'opened 5 times'],
      ['change email', 'en', '/faq/#change-email', 3, 'opened 3 times'],
      ['passwort', 'de', '/de/account/reset-password/', 2, 'opened 2 times'],
    ]);
    expect(seeds.failed.map((s) => [s.query, s.expect, s.note])).toEqual([
      ['invite colleague', '', 'no results'],
      ['gift wrap', '', 'no result opened'],
      ['old page', '', 'the page opened is no longer published'],
    ]);
  });

  it('prints lines to paste into the probes file', () => {
    const text = formatProbeSeeds(buildProbeSeeds(events, pages, [], { base: '/help/', limit: 1 }), 'en');
    expect(text).toBe(
      [
        '# Probes proposed from 19 searches of the search insights. Copy the ones you agree',
        '# with into content/search-probes.yaml; `expect` is the page that should come first.',
        '',
        '# Frequent queries, with the page readers opened most after them:',
        '- { query: "reset password", expect: "/account/reset-password/" }  # 6 searches, opened 5 times',
        '',
        '# Queries that failed readers: write the page that should come first (or add the missing article).',
        '- { query: "invite colleague", expect: "" }  # 4 searches, no results',
        '',
      ].join('\n'),
    );
    const de = events.filter((e) => e.language === 'de');
    const german = formatProbeSeeds(buildProbeSeeds(de, pages, [], { base: '/help/' }), 'en');
    expect(german).toContain(
      '- { query: "passwort", expect: "/de/account/reset-password/", language: de }  # 2 searches, opened 2 times\n',
    );
  });
});
