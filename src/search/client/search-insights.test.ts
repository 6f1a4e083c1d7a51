import { describe, expect, it } from 'vitest';
import {
  createSearchInsights,
  getOpenedPath,
  SETTLE_MS,
  ZERO_RESULT_KEY,
  type SearchEventBody,
} from './search-insights.ts';

function setup(storage = new Map<string, string>()) {
  const beacons: Array<{ url: string; body: SearchEventBody }> = [];
  let now = 0;
  let timers: Array<{ at: number; fn: () => void; id: number }> = [];
  let nextId = 0;
  const tracker = createSearchInsights(
    { endpoint: 'https://feedback.example.com/feedback/search', language: 'en', revision: '0123456789ab' },
    {
      send: (url, body) => {
        beacons.push({ url, body: JSON.parse(body) as SearchEventBody });
        return true;
      },
      storage: {
        getItem: (k) => storage.get(k) ?? null,
        setItem: (k, v) => void storage.set(k, v),
        removeItem: (k) => void storage.delete(k),
      },
      setTimer: (fn, ms) => {
        const id = ++nextId;
        timers.push({ at: now + ms, fn, id });
        return id;
      },
      clearTimer: (id) => void (timers = timers.filter((t) => t.id !== id)),
      createId: () => `00000000-0000-4000-8000-${String(++nextId).padStart(12, '0')}`,
    },
  );
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers.filter((t) => t.at <= now)) t.fn();
    timers = timers.filter((t) => t.at > now);
  };
  /** Type a query letter by letter, 100 ms apart, each keystroke showing `count` results. */
  const type = (query: string, count: number) => {
    for (let i = 1; i <= query.length; i++) {
      tracker.observe(query.slice(0, i), count);
      advance(100);
    }
  };
  return { tracker, beacons, advance, type, storage, queries: () => beacons.map((b) => b.body.query) };
}

describe('search insights in the browser', () => {
  it('sends nothing for keystrokes, and one event once the reader paused and leaves the page', () => {
    const t = setup();
    t.type('Reset  Password', 4);
    expect(t.beacons).toEqual([]);
    t.advance(SETTLE_MS);
    expect(t.beacons).toEqual([]);
    t.tracker.flush();
    expect(t.beacons).toEqual([
      {
        url: 'https://feedback.example.com/feedback/search',
        body: {
          eventId: expect.any(String),
          query: 'reset password',
          resultCount: 4,
          opened: null,
          contact: false,
          language: 'en',
          revision: '0123456789ab',
        },
      },
    ]);
  });

  it('never sends a query the reader typed past without pausing', () => {
    const t = setup();
    t.type('refund', 3);
    t.tracker.flush();
    expect(t.beacons).toEqual([]);
  });

  it('sends the settled query when the reader searches for something else', () => {
    const t = setup();
    t.type('invoice', 2);
    t.advance(SETTLE_MS);
    t.tracker.observe('', 0);
    t.type('receipt', 1);
    expect(t.queries()).toEqual(['invoice']);
  });

  it('sends at once, with the path, when the reader opens a result before pausing', () => {
    const t = setup();
    t.type('refund', 3);
    t.tracker.opened('/returns-refunds/refund-timelines/');
    expect(t.beacons.map((b) => [b.body.query, b.body.opened])).toEqual([
      ['refund', '/returns-refunds/refund-timelines/'],
    ]);
  });

  it('flags a contact click after a search and sends at most one event per query per page view', () => {
    const t = setup();
    t.type('cancel order', 0);
    t.advance(SETTLE_MS);
    t.tracker.contact();
    t.tracker.contact();
    t.type('cancel order', 0);
    t.advance(SETTLE_MS);
    t.tracker.flush();
    expect(t.beacons.map((b) => [b.body.query, b.body.resultCount, b.body.contact])).toEqual([
      ['cancel order', 0, true],
    ]);
  });

  it('ignores a contact click without a search in this page view', () => {
    const t = setup();
    t.tracker.contact();
    expect(t.beacons).toEqual([]);
  });

  it('sends the last query with no results as refinedFrom with the next one that finds something, then forgets it', () => {
    const storage = new Map<string, string>();
    const first = setup(storage);
    first.type('reimbursement', 0);
    first.advance(SETTLE_MS);
    first.tracker.flush();
    expect(storage.get(ZERO_RESULT_KEY)).toBe('reimbursement');
    // The next page view in the same tab.
    const second = setup(storage);
    second.type('refund', 3);
    second.tracker.opened('/returns-refunds/refund-timelines/');
    expect(second.beacons[0]?.body).toMatchObject({
      query: 'refund',
      refinedFrom: 'reimbursement',
      opened: '/returns-refunds/refund-timelines/',
    });
    expect(storage.has(ZERO_RESULT_KEY)).toBe(false);
  });

  it('masks emails and long numbers before anything leaves the browser', () => {
    const t = setup();
    t.tracker.observe('Order 123456789 for me@example.com', 0);
    t.advance(SETTLE_MS);
    t.tracker.flush();
    expect(t.queries()).toEqual(['order [number] for [email]']);
  });

  it('never sends an opened path for a search with no results', () => {
    const t = setup();
    t.type('xyz', 0);
    t.tracker.opened('/search/');
    expect(t.beacons[0]?.body.opened).toBeNull();
  });
});

describe('when a query settles', () => {
  it('counts the pause from the last keystroke, not from when the slow results appeared', () => {
    // "refu"'s results appear 1200 ms after its last keystroke: it settles 300 ms later.
    const early = setup();
    early.tracker.observe('refu', 3, 1200);
    early.advance(SETTLE_MS - 1200 - 1);
    early.tracker.flush();
    expect(early.beacons).toEqual([]);
    const settled = setup();
    settled.tracker.observe('refu', 3, 1200);
    settled.advance(SETTLE_MS - 1200);
    settled.tracker.flush();
    expect(settled.queries()).toEqual(['refu']);
  });

  it('does not settle a half-typed query the reader goes on typing while its results were shown', () => {
    const t = setup();
    t.tracker.observe('refu', 3, 200);
    t.advance(SETTLE_MS - 300);
    // A keystroke before the pause is over: "refu" does not settle, whatever happens next.
    t.tracker.typing();
    t.advance(1000);
    t.tracker.observe('refund', 5, 1000);
    t.advance(SETTLE_MS - 1000);
    t.tracker.flush();
    expect(t.queries()).toEqual(['refund']);
  });

  it('settles at once a query whose last keystroke is a pause ago, and starts again after typing back to it', () => {
    const t = setup();
    t.tracker.observe('shipping', 2, SETTLE_MS);
    t.tracker.flush();
    expect(t.queries()).toEqual(['shipping']);
    t.tracker.observe('returns', 2, 0);
    t.tracker.typing();
    t.tracker.observe('returns', 2, 0);
    t.advance(SETTLE_MS);
    t.tracker.flush();
    expect(t.queries()).toEqual(['shipping', 'returns']);
  });
});

describe('the opened result', () => {
  it("keeps a FAQ's anchor, so the report can tell the questions apart, and drops an article's section", () => {
    const at = (href: string) => getOpenedPath(new URL(href, 'https://help.example.com/'));
    expect(at('/faq/#why-charged-twice')).toBe('/faq/#why-charged-twice');
    expect(at('/de/faq/#why-charged-twice')).toBe('/de/faq/#why-charged-twice');
    expect(at('/faq/')).toBe('/faq/');
    expect(at('/account/reset-password/#if-the-email-does-not-arrive')).toBe('/account/reset-password/');
  });
});
