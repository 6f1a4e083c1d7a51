/**
 * Retention the endpoint enforces itself (no cron needed): the first request after 01:00 UTC
 * runs the maintenance, which erases old comments and deletes old search events; and the admin
 * reads that show search events (content gaps) next to the votes, behind the token.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBrowserHeaders, createVoteBody, REVISION } from '../../../test/helpers/feedback/fixtures.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/feedback/test-app.ts';

const TOKEN = 'correct-horse-battery-staple';
const DAY = 86_400_000;
let t: TestApp;
afterEach(async () => {
  await t.cleanup();
});

const search = (query: string, resultCount: number, extra: Record<string, unknown> = {}) =>
  t.request('/feedback/search', {
    method: 'POST',
    headers: createBrowserHeaders(),
    body: JSON.stringify({
      eventId: crypto.randomUUID(),
      query,
      resultCount,
      opened: null,
      contact: false,
      language: 'en',
      revision: REVISION,
      ...extra,
    }),
  });

describe('retention', () => {
  it('erases comments and deletes search events past their limits, keeping the votes', async () => {
    t = await createTestApp({ retention: { commentDays: 30, searchEventDays: 7 } });
    await t.post(createVoteBody({ vote: 'down', comment: 'the old screenshots confuse me' }), { address: '192.0.2.1' });
    expect((await search('refund', 0)).status).toBe(202);

    // Day 6: both kept.
    t.clock.advance(6 * DAY);
    await t.post(createVoteBody(), { address: '192.0.2.2' });
    await vi.waitFor(async () => expect(await t.store.countSearchEvents()).toBe(1));
    expect((await t.store.listVotes()).map((v) => v.comment)).toContain('the old screenshots confuse me');

    // Day 8: the search event is past 7 days; the comment is not yet past 30.
    t.clock.advance(2 * DAY);
    await t.post(createVoteBody(), { address: '192.0.2.3' });
    await vi.waitFor(async () => expect(await t.store.countSearchEvents()).toBe(0));
    expect((await t.store.listVotes()).map((v) => v.comment)).toContain('the old screenshots confuse me');

    // Day 31: the comment is erased; the vote itself stays.
    t.clock.advance(23 * DAY);
    await t.post(createVoteBody(), { address: '192.0.2.4' });
    await vi.waitFor(async () => {
      const votes = await t.store.listVotes();
      expect(votes).toHaveLength(4);
      expect(votes.every((v) => v.comment === null)).toBe(true);
    });
    expect(t.logger.lines).toContainEqual(expect.objectContaining({ event: 'maintenance', comments: 1 }));
  });
});

describe('search events in the admin reads', () => {
  const get = (path: string, token?: string) =>
    t.request(path, { method: 'GET', headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('adds search insights (content gaps) to /feedback/summary', async () => {
    t = await createTestApp({ adminToken: TOKEN });
    await search('parcel lost', 0);
    await search('parcel lost', 0);
    await search('reset password', 3, { opened: '/account/reset-password/' });
    const summary = (await (await get('/feedback/summary', TOKEN)).json()) as { search: unknown };
    expect(summary.search).toMatchObject({
      searches: 3,
      zeroResultSearches: 2,
      contentGaps: { noResults: [{ query: 'parcel lost', searches: 2, lastSeen: '2026-03-01' }] },
    });
  });

  it('exports the content gaps as CSV with ?section=gaps, behind the token', async () => {
    t = await createTestApp({ adminToken: TOKEN });
    await search('=cmd parcel', 0);
    expect((await get('/feedback/export.csv?section=gaps')).status).toBe(401);
    const res = await get('/feedback/export.csv?section=gaps', TOKEN);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/feedback-gaps-2026-03-01\.csv/);
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe('section,query,count,last_seen,found_with,opened');
    expect(lines[1]).toBe("no_results,'=cmd parcel,1,2026-03-01,,");
    expect((await get('/feedback/export.csv?section=nope', TOKEN)).status).toBe(400);
  });
});
