import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createBrowserHeaders,
  createTestManifest,
  createVoteBody,
  REVISION,
  SITE_ORIGIN,
} from '../../../test/helpers/feedback/fixtures.ts';
import { createTestApp, START_TIME, type TestApp } from '../../../test/helpers/feedback/test-app.ts';
import { BOT_USER_AGENTS, BROWSER_USER_AGENTS } from '../../../test/helpers/feedback/user-agents.ts';

let t: TestApp;
afterEach(async () => {
  await t.cleanup();
});

describe('POST /feedback with a valid vote', () => {
  beforeEach(async () => {
    t = await createTestApp();
  });

  it('answers 202 with a small JSON body after the vote is stored', async () => {
    const body = createVoteBody({
      vote: 'down',
      reason: 'incorrect',
      comment: 'The button is now called "Forgot password".',
    });
    const res = await t.post(body);
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE_ORIGIN);
    const [stored] = await t.store.listVotes();
    expect(stored).toMatchObject({
      eventId: body.eventId,
      itemId: 'article:reset-password',
      vote: 'down',
      reason: 'incorrect',
      comment: 'The button is now called "Forgot password".',
      pagePath: '/account/reset-password/',
      language: 'en',
      revision: REVISION,
      day: '2026-03-01',
      createdAt: START_TIME,
    });
    expect(t.counters.get('accepted.created')).toBe(1);
  });

  it('accepts the same vote as application/json and as text/plain (the beacon-friendly type)', async () => {
    expect((await t.post(createVoteBody(), { headers: { 'content-type': 'application/json' } })).status).toBe(202);
    expect(
      (
        await t.post(createVoteBody({ itemId: 'faq:why-charged-twice', pagePath: '/faq/' }), {
          headers: { 'content-type': 'text/plain' },
        })
      ).status,
    ).toBe(202);
    expect(await t.store.countVotes()).toBe(2);
  });

  it('accepts true and false for up and down', async () => {
    await t.post(createVoteBody({ vote: false }));
    expect((await t.store.listVotes())[0]?.vote).toBe('down');
  });

  it('strips control characters from comments and stores them as plain text', async () => {
    await t.post(createVoteBody({ vote: 'down', comment: '  line one\r\nline\u0000 two\u202E  ' }));
    expect((await t.store.listVotes())[0]?.comment).toBe('line one\nline two');
  });
});

describe('the no-JS form post', () => {
  beforeEach(async () => {
    t = await createTestApp();
  });
  const fields = (overrides: Record<string, string> = {}) => ({
    itemId: 'article:reset-password',
    pagePath: '/account/reset-password/',
    language: 'en',
    revision: REVISION,
    website: '',
    vote: 'up',
    ...overrides,
  });

  it("stores the vote and redirects 303 back to the page's thank-you", async () => {
    const res = await t.postForm(fields());
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(
      'https://help.example.com/account/reset-password/#feedback-thanks-article-reset-password',
    );
    expect(await t.store.countVotes()).toBe(1);
  });

  it('sends a bare "No" to the reasons step, and the reasons on to the thank-you, keeping one row', async () => {
    const no = await t.postForm(fields({ vote: 'down' }));
    expect(no.headers.get('location')).toBe(
      'https://help.example.com/account/reset-password/#feedback-reasons-article-reset-password',
    );
    const reasons = await t.postForm(fields({ vote: 'down', reason: 'hard-to-follow', comment: 'Too many steps' }));
    expect(reasons.headers.get('location')).toBe(
      'https://help.example.com/account/reset-password/#feedback-thanks-article-reset-password',
    );
    const votes = await t.store.listVotes();
    expect(votes).toHaveLength(1);
    expect(votes[0]).toMatchObject({ vote: 'down', reason: 'hard-to-follow', comment: 'Too many steps' });
  });

  it('redirects to the allowed origin the form came from, never to a host taken from the body', async () => {
    const local = await createTestApp({ allowedOrigins: ['http://127.0.0.1:4321'] });
    try {
      const res = await local.postForm(fields({ itemId: 'faq:why-charged-twice', pagePath: '/faq/?q=1' }), {
        headers: { origin: 'http://127.0.0.1:4321' },
      });
      expect(res.headers.get('location')).toBe('http://127.0.0.1:4321/faq/?q=1#feedback-thanks-faq-why-charged-twice');
      for (const pagePath of [
        '//evil.example/x',
        '/\\evil.example',
        'https://evil.example/',
        'javascript:alert(1)',
        '/a b',
      ]) {
        const bad = await local.postForm(fields({ pagePath }), { headers: { origin: 'http://127.0.0.1:4321' } });
        expect(bad.status).toBe(400);
        expect(bad.headers.get('location')).toBeNull();
      }
    } finally {
      await local.cleanup();
    }
  });

  it('falls back to the site URL for the redirect when only a Referer says where the form was', async () => {
    const res = await t.postForm(fields(), {
      without: ['origin'],
      headers: { referer: 'https://help.example.com/account/reset-password/' },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^https:\/\/help\.example\.com\/account\/reset-password\/#/);
  });

  it('accepts a page path with a fragment (as the manifest writes FAQ paths) and drops the fragment', async () => {
    const res = await t.postForm(fields({ itemId: 'faq:why-charged-twice', pagePath: '/faq/#why-charged-twice' }));
    expect(res.headers.get('location')).toBe('https://help.example.com/faq/#feedback-thanks-faq-why-charged-twice');
    expect((await t.store.listVotes())[0]?.pagePath).toBe('/faq/');
  });

  it('rejects a field given twice', async () => {
    const res = await t.post('itemId=article%3Areset-password&itemId=faq%3Awhy-charged-twice&vote=up', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.issues).toEqual(['itemId: is given more than once']);
  });
});

describe('one vote per visitor, item and day (checklist 9)', () => {
  beforeEach(async () => {
    t = await createTestApp();
  });

  it('stores exactly one row when the same client sends the same vote 100 times, 10 of them concurrently', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => t.post(createVoteBody())));
    for (let i = 0; i < 90; i++) results.push(await t.post(createVoteBody()));
    expect(results.every((r) => r.status === 202)).toBe(true);
    expect(await t.store.countVotes()).toBe(1);
  });

  it('keeps one row holding "down" after an "up" then a "down"', async () => {
    await t.post(createVoteBody({ vote: 'up' }));
    await t.post(createVoteBody({ vote: 'down' }));
    const votes = await t.store.listVotes();
    expect(votes.map((v) => v.vote)).toEqual(['down']);
    expect(t.counters.snapshot()).toMatchObject({ 'accepted.created': 1, 'accepted.updated': 1 });
  });

  it('stores one row when the same event id arrives 5 times', async () => {
    const body = createVoteBody();
    for (let i = 0; i < 5; i++) expect((await t.post(body, { address: `198.51.100.${i}` })).status).toBe(202);
    expect(await t.store.countVotes()).toBe(1);
    expect(t.counters.get('accepted.duplicate')).toBe(4);
  });

  it('stores two rows for two addresses', async () => {
    await t.post(createVoteBody(), { address: '198.51.100.1' });
    await t.post(createVoteBody(), { address: '198.51.100.2' });
    expect(await t.store.countVotes()).toBe(2);
  });

  it('stores a new row for the same client on the next (simulated) day', async () => {
    await t.post(createVoteBody());
    t.clock.advance(24 * 3600_000);
    await t.post(createVoteBody());
    expect((await t.store.listVotes()).map((v) => v.day)).toEqual(['2026-03-01', '2026-03-02']);
  });

  it('lets a browser change its vote just after midnight UTC by naming the vote it replaces', async () => {
    t.clock.set(Date.parse('2026-03-01T23:50:00Z'));
    const first = createVoteBody({ vote: 'up' });
    await t.post(first);
    t.clock.set(Date.parse('2026-03-02T00:20:00Z'));
    await t.post(createVoteBody({ vote: 'down', replaces: first.eventId as string }));
    expect((await t.store.listVotes()).map((v) => [v.day, v.vote])).toEqual([['2026-03-02', 'down']]);
  });

  it("keeps an earlier day's vote once that day's salt is gone (after 01:00 UTC the next day)", async () => {
    const first = createVoteBody({ vote: 'up' });
    await t.post(first);
    t.clock.advance(3 * 24 * 3600_000);
    await t.post(createVoteBody({ vote: 'down', replaces: first.eventId as string }));
    expect((await t.store.listVotes()).map((v) => [v.day, v.vote])).toEqual([
      ['2026-03-01', 'up'],
      ['2026-03-04', 'down'],
    ]);
  });

  it("never lets `replaces` remove another visitor's vote, even with its event id", async () => {
    const victim = createVoteBody({ vote: 'down', reason: 'incorrect', comment: 'the steps are out of date' });
    await t.post(victim, { address: '198.51.100.7' });
    const res = await t.post(createVoteBody({ vote: 'up', replaces: victim.eventId as string }), {
      address: '192.0.2.99',
    });
    expect(res.status).toBe(202);
    const votes = await t.store.listVotes();
    expect(votes.map((v) => [v.vote, v.comment])).toEqual([
      ['down', 'the steps are out of date'],
      ['up', null],
    ]);
  });
});

describe('unknown ids (checklist 2)', () => {
  it('drops 1,000 random ids that are not in the manifest: 400, no rows, and a counter', async () => {
    t = await createTestApp();
    const statuses = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const slug = `no-such-${Math.random().toString(36).slice(2, 10)}`;
      const res = await t.post(createVoteBody({ itemId: i % 2 ? `article:${slug}` : `faq:${slug}` }));
      statuses.add(res.status);
    }
    expect([...statuses]).toEqual([400]);
    expect(await t.store.countVotes()).toBe(0);
    expect(t.counters.get('dropped.unknown_item')).toBe(1000);
  });

  it('names the unknown id in the issues', async () => {
    t = await createTestApp();
    const res = await t.post(createVoteBody({ itemId: 'article:deleted-last-week' }));
    expect(await res.json()).toMatchInlineSnapshot(`
      {
        "error": {
          "code": "InvalidFeedback",
          "issues": [
            "itemId: "article:deleted-last-week" is not an article or FAQ of this site; the page may be newer than the endpoint's manifest",
          ],
          "message": "The vote has problems; fix the fields listed in issues.",
        },
      }
    `);
  });
});

describe('silent drops: honeypot and bots (checklists 7 and 8)', () => {
  it('answers a filled honeypot like a stored vote but stores nothing', async () => {
    t = await createTestApp();
    const res = await t.post(createVoteBody({ website: 'http://spam.example' }));
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ ok: true });
    expect(await t.store.countVotes()).toBe(0);
    expect(t.counters.get('dropped.honeypot')).toBe(1);
  });

  it('drops 50 bot user agents with 2xx and counts them, and stores 50 real browsers', async () => {
    t = await createTestApp({ manifest: createTestManifest() });
    expect(BOT_USER_AGENTS).toHaveLength(50);
    expect(BROWSER_USER_AGENTS).toHaveLength(50);
    for (const ua of BOT_USER_AGENTS) {
      const res = await t.post(createVoteBody(), { headers: { 'user-agent': ua } });
      expect(res.status, ua).toBe(202);
    }
    expect(await t.store.countVotes()).toBe(0);
    expect(t.counters.get('dropped.bot')).toBe(50);
    for (const ua of BROWSER_USER_AGENTS)
      expect((await t.post(createVoteBody(), { headers: { 'user-agent': ua } })).status).toBe(202);
    expect(await t.store.countVotes()).toBe(50);
  });

  it('treats a missing User-Agent and a HeadlessChrome client hint as bots', async () => {
    t = await createTestApp();
    await t.post(createVoteBody(), { without: ['user-agent'] });
    await t.post(createVoteBody(), { headers: { 'sec-ch-ua': '"HeadlessChrome";v="126", "Chromium";v="126"' } });
    expect(await t.store.countVotes()).toBe(0);
    expect(t.counters.get('dropped.bot')).toBe(2);
  });

  it('stores bot votes when dropBots is off (for browser tests)', async () => {
    t = await createTestApp({ dropBots: false });
    await t.post(createVoteBody(), { headers: { 'user-agent': BOT_USER_AGENTS[12]! } });
    expect(await t.store.countVotes()).toBe(1);
  });
});

describe('the request headers the tests send', () => {
  it('look like a browser on the site', () => {
    expect(createBrowserHeaders()).toMatchObject({ origin: SITE_ORIGIN, 'content-type': 'text/plain;charset=UTF-8' });
  });
});
