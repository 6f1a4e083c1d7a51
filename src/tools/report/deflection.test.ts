import { describe, expect, it } from 'vitest';
import { createSearchEventRecord } from '../../../test/helpers/feedback/store-contract.ts';
import type { StoredSearchEvent } from '../../feedback/server/stores/types.ts';
import { buildFeedbackReport } from './build-report.ts';
import { buildDeflection } from './deflection.ts';
import { formatReportText } from './format-text.ts';

const form = (o: Partial<StoredSearchEvent>) =>
  createSearchEventRecord({ channel: 'form', formSubmitted: false, day: '2026-03-02', ...o });

const EVENTS = [
  // Saw articles, opened one, left: deflected.
  form({ query: 'card declined', resultCount: 3, opened: '/troubleshooting/payment-declined/' }),
  // Saw articles, left without opening: deflected too (saw an answer and did not submit).
  form({ query: 'card declined', resultCount: 3, day: '2026-03-04' }),
  // Saw articles, opened one, submitted anyway.
  form({ query: 'card declined', resultCount: 3, opened: '/troubleshooting/payment-declined/', formSubmitted: true }),
  // Nothing suggested, submitted.
  form({ query: 'wire transfer', resultCount: 0, formSubmitted: true }),
  // A search on the help center does not count.
  createSearchEventRecord({ query: 'card declined' }),
];

describe('ticket-form deflection in the feedback report', () => {
  it('counts forms started, deflected and submitted, per subject and per article', () => {
    const d = buildDeflection(EVENTS);
    expect({ ...d, bySubject: undefined, byArticle: undefined }).toEqual({
      formsStarted: 4,
      withSuggestions: 3,
      articleOpened: 2,
      deflected: 2,
      submitted: 2,
      deflectionRate: 0.5,
      bySubject: undefined,
      byArticle: undefined,
    });
    expect(d.bySubject).toEqual([
      { key: 'card declined', started: 3, deflected: 2, submitted: 1, lastSeen: '2026-03-04' },
      { key: 'wire transfer', started: 1, deflected: 0, submitted: 1, lastSeen: '2026-03-02' },
    ]);
    expect(d.byArticle).toEqual([
      { key: '/troubleshooting/payment-declined/', started: 2, deflected: 1, submitted: 1, lastSeen: '2026-03-02' },
    ]);
  });

  it('prints the section, and keeps form subjects out of the search insights', () => {
    const report = buildFeedbackReport({
      votes: [],
      searchEvents: EVENTS,
      items: [],
      lastChanged: new Map(),
      renamedFrom: new Map(),
      now: new Date('2026-03-10T00:00:00Z'),
    });
    expect(report.search.searches).toBe(1);
    const text = formatReportText(report);
    expect(text).toContain(
      'Ticket-form deflection: 4 forms started, 3 shown articles, 2 opened one, 2 deflected (saw an answer and did not submit, 50%), 2 submitted',
    );
  });
});
