import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVoteBody } from '../../../test/helpers/feedback/fixtures.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/feedback/test-app.ts';

const TOKEN = 'correct-horse-battery-staple';
let t: TestApp;
afterEach(async () => {
  await t.cleanup();
});

const get = (path: string, token?: string) =>
  t.request(path, { method: 'GET', headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('admin routes without a configured token', () => {
  it('answer 404, as if they did not exist', async () => {
    t = await createTestApp();
    expect((await get('/feedback/summary', 'anything')).status).toBe(404);
    expect((await get('/feedback/export.csv', 'anything')).status).toBe(404);
  });
});

describe('admin routes with a token', () => {
  beforeEach(async () => {
    t = await createTestApp({ adminToken: TOKEN });
    await t.post(createVoteBody({ vote: 'up' }), { address: '192.0.2.1' });
    await t.post(createVoteBody({ vote: 'down', reason: 'incorrect', comment: '=HYPERLINK("http://x","click")' }), {
      address: '192.0.2.2',
    });
    await t.post(createVoteBody({ vote: 'down', reason: 'other', comment: '<script>alert(1)</script>' }), {
      address: '192.0.2.3',
    });
    await t.post(createVoteBody({ itemId: 'faq:why-charged-twice', pagePath: '/faq/', vote: 'up' }), {
      address: '192.0.2.1',
    });
  });

  it('answer 401 with WWW-Authenticate for a missing or wrong token', async () => {
    for (const token of [undefined, 'wrong', `${TOKEN}x`]) {
      const res = await get('/feedback/summary', token);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="feedback"');
    }
  });

  it('summarise votes per item with helpfulness, the Wilson bound, reasons and comments', async () => {
    const res = await get('/feedback/summary', TOKEN);
    expect(res.status).toBe(200);
    const summary = await res.json();
    expect(summary.totals).toEqual({ votes: 4, up: 2, down: 2 });
    const reset = summary.items.find((i: { id: string }) => i.id === 'article:reset-password');
    expect(reset).toMatchObject({
      title: 'Reset your password',
      up: 1,
      down: 2,
      total: 3,
      reasons: { incorrect: 1, other: 1 },
    });
    expect(reset.helpfulShare).toBeCloseTo(1 / 3);
    expect(reset.wilsonLower).toBeCloseTo(0.0615, 3);
    expect(reset.latestComments.map((c: { text: string }) => c.text).sort()).toEqual([
      '<script>alert(1)</script>',
      '=HYPERLINK("http://x","click")',
    ]);
    expect(summary.items.find((i: { id: string }) => i.id === 'article:track-a-parcel')).toMatchObject({
      total: 0,
      helpfulShare: null,
    });
    expect(summary.counters).toMatchObject({ 'accepted.created': 4 });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('export every vote as CSV with formula-looking cells guarded', async () => {
    const res = await get('/feedback/export.csv', TOKEN);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="feedback-2026-03-01.csv"');
    const csv = await res.text();
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'updated_at,created_at,day,item_id,title,vote,reason,comment,page_path,language,revision,event_id',
    );
    expect(lines).toHaveLength(5);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""click"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(csv).toContain('<script>alert(1)</script>');
    expect(csv).not.toContain('192.0.2.');
  });

  it('filter by ?since= and reject a malformed date', async () => {
    const later = await get('/feedback/summary?since=2026-03-02', TOKEN);
    expect((await later.json()).totals.votes).toBe(0);
    const bad = await get('/feedback/export.csv?since=yesterday', TOKEN);
    expect(bad.status).toBe(400);
    // A day that does not exist is refused, not rolled over to 2 March.
    const rolled = await get('/feedback/summary?since=2026-02-30', TOKEN);
    expect(rolled.status).toBe(400);
    expect((await rolled.json()).error.code).toBe('InvalidFeedback');
  });

  it('answer other methods with 405', async () => {
    expect((await t.request('/feedback/summary', { method: 'POST' })).status).toBe(405);
  });
});
