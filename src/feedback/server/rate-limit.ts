/**
 * Fixed-window rate limits, per client key and global, in memory. "limit per window" is exact:
 * with 10 per minute, 100 requests in ten seconds give exactly 10 passes. The limiter cannot
 * fail (no I/O); when its key table is full it drops the oldest keys, i.e. it fails open for
 * those clients while the global limit still holds. On serverless each instance counts alone.
 */

export interface RateLimitRule {
  /** Requests allowed per window. */
  limit: number;
  /** Window length in milliseconds. */
  windowMs: number;
}

export interface RateLimitSettings {
  /** Per client (salted hash of the address, IPv6 per /64). */
  perClient?: RateLimitRule | false;
  /** All clients together. */
  global?: RateLimitRule | false;
  /** Most client keys remembered at once. */
  maxKeys?: number;
}

export type RateLimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number; scope: 'client' | 'global' };

export interface RateLimiter {
  check(clientKey: string, now: number): RateLimitDecision;
}

interface Window {
  start: number;
  count: number;
}

export function createRateLimiter(settings: RateLimitSettings): RateLimiter {
  const perClient = settings.perClient || undefined;
  const globalRule = settings.global || undefined;
  const maxKeys = settings.maxKeys ?? 100_000;
  const clients = new Map<string, Window>();
  let globalWindow: Window = { start: 0, count: 0 };
  let lastSweep = 0;

  const retryAfter = (w: Window, rule: RateLimitRule, now: number) =>
    Math.max(1, Math.ceil((w.start + rule.windowMs - now) / 1000));

  function sweep(now: number): void {
    if (!perClient || now - lastSweep < perClient.windowMs) return;
    lastSweep = now;
    for (const [key, w] of clients) if (now - w.start >= perClient.windowMs) clients.delete(key);
  }

  return {
    check(clientKey, now) {
      if (globalRule) {
        if (now - globalWindow.start >= globalRule.windowMs) globalWindow = { start: now, count: 0 };
        if (globalWindow.count >= globalRule.limit) {
          return { ok: false, retryAfterSeconds: retryAfter(globalWindow, globalRule, now), scope: 'global' };
        }
      }
      if (perClient) {
        sweep(now);
        let w = clients.get(clientKey);
        if (!w || now - w.start >= perClient.windowMs) {
          if (w) clients.delete(clientKey);
          w = { start: now, count: 0 };
          clients.set(clientKey, w);
          while (clients.size > maxKeys) clients.delete(clients.keys().next().value as string);
        }
        if (w.count >= perClient.limit) {
          return { ok: false, retryAfterSeconds: retryAfter(w, perClient, now), scope: 'client' };
        }
        w.count++;
      }
      if (globalRule) globalWindow.count++;
      return { ok: true };
    },
  };
}
