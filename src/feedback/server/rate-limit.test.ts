import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit.ts';

describe('createRateLimiter', () => {
  it('allows exactly the limit per window and tells when to come back', () => {
    const limiter = createRateLimiter({ perClient: { limit: 2, windowMs: 10_000 } });
    expect(limiter.check('a', 0)).toEqual({ ok: true });
    expect(limiter.check('a', 1000)).toEqual({ ok: true });
    expect(limiter.check('a', 2000)).toEqual({ ok: false, retryAfterSeconds: 8, scope: 'client' });
    expect(limiter.check('a', 10_000)).toEqual({ ok: true });
  });

  it('does not count requests the global limit turned away against the client', () => {
    const limiter = createRateLimiter({
      perClient: { limit: 1, windowMs: 1000 },
      global: { limit: 1, windowMs: 1000 },
    });
    expect(limiter.check('a', 0).ok).toBe(true);
    expect(limiter.check('b', 1)).toEqual({ ok: false, retryAfterSeconds: 1, scope: 'global' });
    expect(limiter.check('b', 1000).ok).toBe(true);
  });

  it('forgets the oldest keys beyond maxKeys (failing open for them) so memory stays bounded', () => {
    const limiter = createRateLimiter({ perClient: { limit: 1, windowMs: 60_000 }, maxKeys: 2 });
    limiter.check('a', 0);
    limiter.check('b', 1);
    limiter.check('c', 2);
    expect(limiter.check('a', 3).ok).toBe(true);
    expect(limiter.check('c', 4).ok).toBe(false);
  });
});
