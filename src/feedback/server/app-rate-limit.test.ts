import { afterEach, describe, expect, it } from 'vitest';
import { createTestManifest, createVoteBody } from '../../../test/helpers/feedback/fixtures.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/feedback/test-app.ts';

const ITEMS = Array.from({ length: 100 }, (_, i) => `article:item-${i}`);
const TEN_PER_MINUTE = { perClient: { limit: 10, windowMs: 60_000 } };

let t: TestApp;
afterEach(async () => {
  await t.cleanup();
});

/** 100 votes over 10 s (one per 100 ms), each on a different item so none collapse. */
async function sendHundred(options: { address: string; forwardedFor?: (i: number) => string }) {
  const statuses: number[] = [];
  const retryAfter: Array<string | null> = [];
  for (let i = 0; i < 100; i++) {
    const headers = options.forwardedFor ? { 'x-forwarded-for': options.forwardedFor(i) } : undefined;
    const res = await t.post(createVoteBody({ itemId: ITEMS[i] }), { address: options.address, headers });
    statuses.push(res.status);
    if (res.status === 429) retryAfter.push(res.headers.get('retry-after'));
    t.clock.advance(100);
  }
  return {
    accepted: statuses.filter((s) => s === 202).length,
    limited: statuses.filter((s) => s === 429).length,
    retryAfter,
  };
}

describe('per-client rate limit (checklist 6)', () => {
  it('accepts exactly 10 of 100 votes in 10 s from one address, answers 90 with 429 and Retry-After, and stores 10', async () => {
    t = await createTestApp({ manifest: createTestManifest(ITEMS), rateLimit: TEN_PER_MINUTE });
    const result = await sendHundred({ address: '192.0.2.1' });
    expect(result.accepted).toBe(10);
    expect(result.limited).toBe(90);
    expect(result.retryAfter.every((v) => v !== null && Number(v) >= 1 && Number(v) <= 60)).toBe(true);
    expect(await t.store.countVotes()).toBe(10);
    expect(t.counters.get('rejected.rate_limited')).toBe(90);
  });

  it('leaves a second address unaffected', async () => {
    t = await createTestApp({ manifest: createTestManifest(ITEMS), rateLimit: TEN_PER_MINUTE });
    await sendHundred({ address: '192.0.2.1' });
    expect((await t.post(createVoteBody(), { address: '192.0.2.2' })).status).toBe(202);
  });

  it('ignores a rotating X-Forwarded-For when no proxy is trusted', async () => {
    t = await createTestApp({ manifest: createTestManifest(ITEMS), rateLimit: TEN_PER_MINUTE });
    const result = await sendHundred({ address: '192.0.2.1', forwardedFor: (i) => `198.51.100.${i}` });
    expect(result.accepted).toBe(10);
  });

  it('uses the right-most X-Forwarded-For entry when one proxy is trusted, so a client cannot spoof it', async () => {
    t = await createTestApp({
      manifest: createTestManifest(ITEMS),
      rateLimit: TEN_PER_MINUTE,
      trustProxy: { header: 'x-forwarded-for', hops: 1 },
    });
    // The client prepends random addresses; the proxy appends the real one (192.0.2.77).
    const result = await sendHundred({ address: '10.0.0.1', forwardedFor: (i) => `198.51.100.${i}, 192.0.2.77` });
    expect(result.accepted).toBe(10);
  });

  it('accepts votes again after the window', async () => {
    t = await createTestApp({ manifest: createTestManifest(ITEMS), rateLimit: TEN_PER_MINUTE });
    await sendHundred({ address: '192.0.2.1' });
    t.clock.advance(60_000);
    expect((await t.post(createVoteBody({ itemId: ITEMS[99] }), { address: '192.0.2.1' })).status).toBe(202);
  });

  it('counts an IPv6 /64 as one client, and another /64 separately', async () => {
    t = await createTestApp({
      manifest: createTestManifest(ITEMS),
      rateLimit: { perClient: { limit: 2, windowMs: 60_000 } },
    });
    const send = (address: string, i: number) => t.post(createVoteBody({ itemId: ITEMS[i] }), { address });
    expect((await send('2001:db8:1:2::1', 0)).status).toBe(202);
    expect((await send('2001:db8:1:2:ffff::9', 1)).status).toBe(202);
    expect((await send('2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd', 2)).status).toBe(429);
    expect((await send('2001:db8:1:3::1', 3)).status).toBe(202);
  });

  it('also holds a global limit across all clients', async () => {
    t = await createTestApp({
      manifest: createTestManifest(ITEMS),
      rateLimit: { global: { limit: 5, windowMs: 1000 } },
    });
    const statuses = [];
    for (let i = 0; i < 8; i++)
      statuses.push((await t.post(createVoteBody({ itemId: ITEMS[i] }), { address: `192.0.2.${i}` })).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429, 429, 429]);
  });
});
