/**
 * Per-client and global rate limits (429 with Retry-After). The client key is the salted hash of
 * the address (IPv6 per /64), so no address is kept in memory either.
 */
import { createMiddleware } from 'hono/factory';
import { ErrorCodes } from '../../../lib/errors.ts';
import type { FeedbackHonoEnv } from '../app-env.ts';
import type { FeedbackCounters } from '../counters.ts';
import { getRateLimitPrefix } from '../http/client-address.ts';
import { createErrorResponse } from '../http/responses.ts';
import { hmacHex } from '../privacy/crypto.ts';
import type { RateLimiter } from '../rate-limit.ts';

export interface RateLimitOptions {
  limiter: RateLimiter;
  counters: FeedbackCounters;
  /** What is limited, plural, for the message: "votes", "search events". */
  noun: string;
}

export function rateLimit(options: RateLimitOptions) {
  const { limiter, counters, noun } = options;
  return createMiddleware<FeedbackHonoEnv>(async (c, next) => {
    const { salt, address, now } = c.var.client;
    const decision = limiter.check(await hmacHex(salt, getRateLimitPrefix(address)), now);
    if (!decision.ok) {
      counters.increment('rejected.rate_limited');
      return createErrorResponse(
        429,
        ErrorCodes.RateLimited,
        `Too many ${noun}; try again in ${decision.retryAfterSeconds} s.`,
        { headers: { 'retry-after': String(decision.retryAfterSeconds) } },
      );
    }
    await next();
  });
}
